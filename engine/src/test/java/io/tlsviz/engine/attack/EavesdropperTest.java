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
        assertThat(o.verdict()).isEqualTo(Eavesdropper.Verdict.OPENED);
        for (String name : new String[] {"premaster_secret", "master_secret", "client_write_key", "server_write_key",
                "client_write_iv", "server_write_iv", "encrypted_premaster_secret"}) {
            assertThat(o.recovered().get(name)).as(name).isEqualTo(t.secrets().get(name));
        }
        assertThat(o.plaintexts()).containsExactly(LivePeers.REQUEST, LivePeers.RESPONSE);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("rsaVariants")
    void leakedKeyOpensRsaSessionsWithEmsAndCbc(ScenarioOptions options) {
        Trace t = HandshakeSession.run(options);
        Eavesdropper.Outcome o = Eavesdropper.attack(Eavesdropper.record(t), DemoPki.shipped().serverPrivateKeyJdk());
        assertThat(o.opened()).isTrue();
        assertThat(o.recovered().get("master_secret")).isEqualTo(t.secrets().get("master_secret"));
        // She recovers exactly the session keys the trace shows: for CBC MAC keys and write keys, no IVs.
        java.util.Map<String, byte[]> shown = new java.util.TreeMap<>(t.secrets());
        shown.keySet().removeIf(name -> !name.matches("(client|server)_write_(mac_key|key|iv)"));
        java.util.Map<String, byte[]> recovered = new java.util.TreeMap<>(o.recovered());
        recovered.keySet().retainAll(shown.keySet());
        assertThat(recovered).containsOnlyKeys(shown.keySet());
        shown.forEach((name, value) -> assertThat(recovered.get(name)).as(name).isEqualTo(value));
        assertThat(o.plaintexts()).containsExactly(LivePeers.REQUEST, LivePeers.RESPONSE);
    }

    static java.util.List<ScenarioOptions> rsaVariants() {
        ScenarioOptions rsa = ScenarioOptions.defaults(Exchange.RSA);
        return java.util.List.of(rsa.withExtendedMasterSecret(true),
                rsa.withCipherSuite(io.tlsviz.engine.crypto.CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256),
                rsa.withCipherSuite(io.tlsviz.engine.crypto.CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA)
                        .withEncryptThenMac(true).withExtendedMasterSecret(true));
    }

    @Test
    void truncatedOrGarbledRecordingsOpenNothingAndNeverThrow() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));
        java.util.Random random = new java.util.Random(5);
        for (Eavesdropper.Record r : Eavesdropper.record(t).records()) {
            for (int len = 0; len <= r.bytes().length; len += 1 + random.nextInt(7)) {
                byte[] cut = java.util.Arrays.copyOf(r.bytes(), len);
                java.util.List<Eavesdropper.Record> recs = new java.util.ArrayList<>(Eavesdropper.record(t).records());
                recs.replaceAll(x -> java.util.Arrays.equals(x.bytes(), r.bytes()) ? new Eavesdropper.Record(x.fromClient(), cut) : x);
                Eavesdropper.attack(new Eavesdropper.Recording(recs), DemoPki.shipped().serverPrivateKeyJdk());
            }
        }
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
        assertThat(o.verdict()).isEqualTo(exchange == Exchange.DHE ? Eavesdropper.Verdict.FORWARD_SECRET_DH
                : Eavesdropper.Verdict.FORWARD_SECRET_ECDH);
    }

    @Test
    void theWrongKeyOpensNothing() throws Exception {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        Eavesdropper.Outcome o = Eavesdropper.attack(Eavesdropper.record(t), kpg.generateKeyPair().getPrivate());
        assertThat(o.opened()).isFalse();
        assertThat(o.verdict()).isEqualTo(Eavesdropper.Verdict.WRONG_KEY);
        assertThat(o.recovered()).doesNotContainKey("premaster_secret");
    }

    @Test
    void aRecordingWithoutApplicationDataOpensThePremasterButNothingElse() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));
        java.util.List<Eavesdropper.Record> handshakeOnly = Eavesdropper.record(t).records().stream()
                .filter(r -> r.bytes()[0] != 23).toList();
        Eavesdropper.Outcome o = Eavesdropper.attack(new Eavesdropper.Recording(handshakeOnly),
                DemoPki.shipped().serverPrivateKeyJdk());
        assertThat(o.opened()).isFalse();
        assertThat(o.verdict()).isEqualTo(Eavesdropper.Verdict.NO_APPLICATION_DATA);
        assertThat(o.recovered().get("premaster_secret")).isEqualTo(t.secrets().get("premaster_secret"));
    }

    @Test
    void aRecordingWithoutAHandshakeSaysSo() {
        Eavesdropper.Outcome o = Eavesdropper.attack(new Eavesdropper.Recording(java.util.List.of()),
                DemoPki.shipped().serverPrivateKeyJdk());
        assertThat(o.opened()).isFalse();
        assertThat(o.verdict()).isEqualTo(Eavesdropper.Verdict.NO_HANDSHAKE);
    }
}
