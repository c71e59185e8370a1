package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HandshakeSessionTest {
    @ParameterizedTest
    @EnumSource(Exchange.class)
    void completesWithAllChecksPassing(Exchange exchange) {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        StringBuilder sb = new StringBuilder(exchange + ":\n");
        for (Step s : t.steps()) {
            sb.append("  ").append(s.name()).append(" ").append(s.secrets().stream().map(x -> x.name() + x.knownBy()).toList()).append('\n');
        }
        System.out.println(sb);
        t.proof().checks().forEach(c -> System.out.println("   check " + c.passed() + " " + c.name()));
        assertThat(t.completed()).isTrue();
        assertThat(t.proof().allPassed()).isTrue();
    }
}
