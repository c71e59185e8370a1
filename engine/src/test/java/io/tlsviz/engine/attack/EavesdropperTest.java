package io.tlsviz.engine.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import io.tlsviz.engine.live.DemoPki;
import io.tlsviz.engine.live.LivePeers;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The forward-secrecy lesson's decryption, checked against the engine's own keys. */
class EavesdropperTest {

    @Test
    void leakedKeyOpensARecordedRsaSession() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA).withSeed(42L));
        Eavesdropper.Outcome o = Eavesdropper.attack(Eavesdropper.record(t), DemoPki.shipped().serverPrivateKeyJdk());
        assertThat(o.opened()).isTrue();
        for (String name : new String[] {"premaster_secret", "master_secret", "client_write_key", "server_write_key",
                "client_write_iv", "server_write_iv", "encrypted_premaster_secret"}) {
            assertThat(o.recovered().get(name)).as(name).isEqualTo(t.secrets().get(name));
        }
        assertThat(o.plaintexts()).containsExactly(LivePeers.REQUEST, LivePeers.RESPONSE);
    }

    @ParameterizedTest
    @EnumSource(value = Exchange.class, names = {"DHE", "ECDHE"})
    void leakedKeyOpensNothingInAnEphemeralRecording(Exchange exchange) {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        Eavesdropper.Outcome o = Eavesdropper.attack(Eavesdropper.record(t), DemoPki.shipped().serverPrivateKeyJdk());
        assertThat(o.opened()).isFalse();
        assertThat(o.recovered()).doesNotContainKeys("premaster_secret", "master_secret", "client_write_key");
        assertThat(o.plaintexts()).isEmpty();
        assertThat(o.explanation()).contains("forward secrecy");
    }

    @Test
    void theWrongKeyOpensNothing() throws Exception {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        Eavesdropper.Outcome o = Eavesdropper.attack(Eavesdropper.record(t), kpg.generateKeyPair().getPrivate());
        assertThat(o.opened()).isFalse();
        assertThat(o.recovered()).doesNotContainKey("premaster_secret");
    }
}
