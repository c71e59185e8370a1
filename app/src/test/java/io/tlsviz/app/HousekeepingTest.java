package io.tlsviz.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HousekeepingTest {
    private static final long MB = 1L << 20;

    @Test
    void cleansUpOnceAfterABusySpellWhenTheHeapStandsStill() {
        AtomicInteger cleanUps = new AtomicInteger();
        Housekeeping.Watch watch = new Housekeeping.Watch(50 * MB, () -> {
            cleanUps.incrementAndGet();
            return 55 * MB;
        });
        assertThat(watch.look(50 * MB)).as("nothing happened yet").isFalse();
        assertThat(watch.look(90 * MB)).as("stepping: the heap moves").isFalse();
        assertThat(watch.look(70 * MB)).as("a collection during stepping is movement too").isFalse();
        assertThat(watch.look(70 * MB + MB / 2)).as("quiet after a busy spell").isTrue();
        assertThat(cleanUps).hasValue(1);
        assertThat(watch.look(55 * MB)).as("a window left alone is cleaned once").isFalse();
        assertThat(watch.look(55 * MB)).isFalse();
        assertThat(cleanUps).hasValue(1);
        assertThat(watch.look(58 * MB)).isFalse();
        assertThat(watch.look(58 * MB)).isTrue();
        assertThat(cleanUps).hasValue(2);
    }

    @Test
    void startLetsTheHeapShrinkWithoutCommandLineFlags() {
        Housekeeping.start();
        Housekeeping.start();
        assertThat(Housekeeping.option("MaxHeapFreeRatio")).isEqualTo("15");
        assertThat(Housekeeping.option("MinHeapFreeRatio")).isEqualTo("5");
        assertThat(Housekeeping.option("NoSuchOption")).isNull();
    }
}
