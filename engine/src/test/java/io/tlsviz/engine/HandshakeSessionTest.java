package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsviz.engine.wire.FieldPaths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The stepping API a classroom uses: one step per Next, Back as a deterministic replay. */
class HandshakeSessionTest {

    @ParameterizedTest
    @EnumSource(Exchange.class)
    void steppingOneByOneGivesTheSameHandshakeAsRunningIt(Exchange exchange) {
        ScenarioOptions o = ScenarioOptions.defaults(exchange);
        HandshakeSession s = HandshakeSession.start(o);
        assertThat(s.steps()).isEmpty();
        assertThat(s.status()).isEqualTo(HandshakeSession.Status.RUNNING);
        int n = 0;
        while (s.hasNext()) {
            Step step = s.next();
            assertThat(step.index()).isEqualTo(n++);
            assertThat(s.position()).isEqualTo(n);
        }
        assertThat(s.status()).isEqualTo(HandshakeSession.Status.COMPLETED);
        assertThat(names(s.steps())).isEqualTo(names(HandshakeSession.run(o).steps()));
        assertThatThrownBy(s::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void backAndGoToReplayToIdenticalSteps() {
        HandshakeSession s = HandshakeSession.start(ScenarioOptions.defaults(Exchange.DHE).withSeed(null));
        s.goTo(12);
        List<Step> twelve = s.steps();
        s.next();
        s.back();
        assertThat(s.steps()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(s.steps().get(i).secrets()).isEqualTo(twelve.get(i).secrets());
        }
        s.restart();
        assertThat(s.steps()).isEmpty();
        s.goTo(1000);
        assertThat(s.status()).isEqualTo(HandshakeSession.Status.COMPLETED);
    }

    @Test
    void thePendingRecordIsTheNextMessageAndTamperingIsReported() {
        HandshakeSession s = HandshakeSession.start(ScenarioOptions.defaults(Exchange.RSA));
        assertThat(s.pendingRecord()).hasValueSatisfying(p -> {
            assertThat(p.messageType()).isEqualTo("ClientHello");
            assertThat(p.from()).isEqualTo(Party.CLIENT);
        });
        assertThat(s.tampered()).isFalse();
        s.tamper(9, 0xff);
        assertThat(s.tampered()).isTrue();
        // The pending record still knows what its sender wrote, and where each byte of it lies.
        assertThat(s.pendingRecord()).hasValueSatisfying(p -> {
            assertThat(p.bytes()[9]).isEqualTo((byte) (p.original()[9] ^ 0xff));
            assertThat(Hex.of(p.bytes(), 10, p.bytes().length - 10))
                    .isEqualTo(Hex.of(p.original(), 10, p.original().length - 10));
            Field root = p.originalFields();
            assertThat(root.hex()).isEqualTo(Hex.of(p.original()));
            assertThat(io.tlsviz.engine.wire.Leaves.leaves(root)).filteredOn(f -> f.offset() <= 9 && 9 < f.end())
                    .singleElement().satisfies(f -> assertThat(f.path()).isEqualTo(FieldPaths.CLIENT_HELLO + ".version"));
        });
        assertThatThrownBy(() -> s.tamper(100_000, 1)).hasMessageContaining("outside");
    }

    private static List<String> names(List<Step> steps) {
        return steps.stream().map(Step::name).toList();
    }
}
