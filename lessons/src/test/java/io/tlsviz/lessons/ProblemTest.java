package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {
    @Test
    void readsLikeACompilerMessage() {
        assertThat(new Problem("rsa.yaml", 12, "unknown step 'server_helo'"))
                .hasToString("rsa.yaml:12: unknown step 'server_helo'");
        assertThat(new Problem("broken.yaml", 0, "not readable")).hasToString("broken.yaml: not readable");
    }
}
