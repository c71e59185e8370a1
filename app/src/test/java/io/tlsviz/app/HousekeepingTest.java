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
        assertThat(watch.look(50 * MB, 0)).as("nothing happened yet").isFalse();
        assertThat(watch.look(90 * MB, 0)).as("stepping: the heap moves").isFalse();
        assertThat(watch.look(70 * MB, 3)).as("a collection during stepping is movement too").isFalse();
        assertThat(watch.look(70 * MB, 4)).as("the same heap twice, but a collection ran: still busy").isFalse();
        assertThat(watch.look(70 * MB + MB / 2, 4)).as("quiet after a busy spell").isTrue();
        assertThat(cleanUps).hasValue(1);
        assertThat(watch.look(55 * MB, 5)).as("the clean-up's own collection is not movement").isFalse();
        assertThat(watch.look(55 * MB, 5)).as("a window left alone is cleaned once").isFalse();
        assertThat(cleanUps).hasValue(1);
        assertThat(watch.look(58 * MB, 5)).isFalse();
        assertThat(watch.look(58 * MB, 5)).isTrue();
        assertThat(cleanUps).hasValue(2);
    }

    @Test
    void theHeapMayShrinkWithoutCommandLineFlags() {
        // Only where the options are this JVM's defaults (not given on the command line or in JAVA_TOOL_OPTIONS).
        org.junit.jupiter.api.Assumptions.assumeTrue("DEFAULT".equals(Housekeeping.origin("MaxHeapFreeRatio"))
                && "DEFAULT".equals(Housekeeping.origin("MinHeapFreeRatio")));
        String max = Housekeeping.option("MaxHeapFreeRatio");
        String min = Housekeeping.option("MinHeapFreeRatio");
        try {
            Housekeeping.applyOptions();
            assertThat(Housekeeping.option("MaxHeapFreeRatio")).isEqualTo("15");
            assertThat(Housekeeping.option("MinHeapFreeRatio")).isEqualTo("5");
            assertThat(Housekeeping.origin("MaxHeapFreeRatio")).isEqualTo("MANAGEMENT");
            assertThat(Housekeeping.option("NoSuchOption")).isNull();
        } finally { // leave the test JVM's heap as it was for the tests after this one
            com.sun.management.HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            vm.setVMOption("MaxHeapFreeRatio", max);
            vm.setVMOption("MinHeapFreeRatio", min);
        }
    }
}
