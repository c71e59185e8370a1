package io.tlsviz.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HousekeepingTest {
    private static final long MB = 1L << 20;

    @Test
    void cleansUpOnceTheHeapGrewAndThenStayedStill() {
        AtomicInteger cleanUps = new AtomicInteger();
        Housekeeping.Watch watch = new Housekeeping.Watch(50 * MB, () -> {
            cleanUps.incrementAndGet();
            return 55 * MB;
        });
        assertThat(watch.look(50 * MB)).as("nothing happened").isFalse();
        assertThat(watch.look(90 * MB)).as("still stepping: the heap is growing").isFalse();
        assertThat(watch.look(120 * MB)).isFalse();
        assertThat(watch.look(120 * MB + MB / 2)).as("quiet now, 70 MB more than after the last clean-up").isTrue();
        assertThat(cleanUps).hasValue(1);
        assertThat(watch.look(55 * MB)).as("a window left alone is cleaned once").isFalse();
        assertThat(watch.look(60 * MB)).isFalse();
        assertThat(watch.look(60 * MB)).as("grew only 5 MB since").isFalse();
        assertThat(cleanUps).hasValue(1);
        assertThat(watch.look(100 * MB)).isFalse();
        assertThat(watch.look(100 * MB)).isTrue();
        assertThat(cleanUps).hasValue(2);
    }

    @Test
    void startLetsTheHeapShrinkWithoutCommandLineFlags() {
        Housekeeping.start();
        Housekeeping.start();
        assertThat(Housekeeping.option("MaxHeapFreeRatio")).isEqualTo("30");
        assertThat(Housekeeping.option("MinHeapFreeRatio")).isEqualTo("10");
        assertThat(Housekeeping.option("NoSuchOption")).isNull();
    }
}
