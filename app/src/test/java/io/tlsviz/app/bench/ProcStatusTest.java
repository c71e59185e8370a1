package io.tlsviz.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatusTest {
    // The shape of /proc/self/status (proc(5)): "Name:\tvalue", sizes right-aligned in kB.
    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 9034512 kB
            VmHWM:\t  712340 kB
            VmRSS:\t  679868 kB
            RssAnon:\t  601234 kB
            Threads:\t43
            """;

    @Test
    void readsASizeFieldInBytes() {
        assertThat(ProcStatus.bytes(STATUS, "VmRSS")).hasValue(679_868L * 1024);
        assertThat(ProcStatus.bytes(STATUS, "VmHWM")).hasValue(712_340L * 1024);
    }

    @Test
    void matchesTheWholeFieldName() {
        assertThat(ProcStatus.bytes(STATUS, "Rss")).isEmpty();
        assertThat(ProcStatus.bytes(STATUS, "VmSwap")).isEmpty();
    }

    @Test
    void refusesAFieldThatIsNotASize() {
        assertThatThrownBy(() -> ProcStatus.bytes(STATUS, "Threads")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThisProcessOnLinux() {
        String self = ProcStatus.read();
        if (!self.isEmpty()) {
            assertThat(ProcStatus.bytes(self, "VmRSS").orElseThrow()).isPositive();
        }
    }
}
