package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/steps.md is what lesson writers read: it must name every step of every default handshake, and in each
 * step's row the values it shows.
 */
class StepsDocTest {
    @ParameterizedTest
    @EnumSource(Exchange.class)
    void docsNameEveryStepAndSecretOfTheDefaultHandshake(Exchange exchange) throws IOException {
        Path doc = Path.of("..", "docs", "steps.md");
        assumeTrue(Files.exists(doc), "docs/steps.md is beside the engine module in a checkout");
        String text = Files.readString(doc);
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        for (Step s : t.steps()) {
            assertThat(text).as("docs/steps.md names step %s", s.name()).contains("`" + s.name() + "`");
            for (Secret sec : s.secrets()) {
                assertThat(text).as("docs/steps.md names secret %s", sec.name()).contains("`" + sec.name() + "`");
            }
            if (s instanceof ComputationStep c) {
                for (Secret w : c.workings()) {
                    assertThat(text).as("docs/steps.md names %s among the values step %s shows", w.name(), s.name())
                            .containsPattern("\\| `" + s.name() + "` \\|[^\n]*`" + w.name() + "`");
                }
            }
        }
    }
}
