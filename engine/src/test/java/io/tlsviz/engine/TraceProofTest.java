package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.crypto.RecordProtection;
import io.tlsviz.engine.export.TraceJson;
import io.tlsviz.engine.live.LivePeers;
import io.tlsviz.engine.wire.FieldPaths;
import io.tlsviz.engine.wire.Leaves;
import io.tlsviz.engine.wire.TilingCheck;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end: the values a trace shows decrypt what went over the wire, and every byte is accounted for. */
class TraceProofTest {

    static List<ScenarioOptions> scenarios() {
        return List.of(
                ScenarioOptions.defaults(Exchange.RSA),
                ScenarioOptions.defaults(Exchange.DHE),
                ScenarioOptions.defaults(Exchange.ECDHE),
                ScenarioOptions.defaults(Exchange.TLS13),
                ScenarioOptions.defaults(Exchange.RSA).withExtendedMasterSecret(true),
                ScenarioOptions.defaults(Exchange.RSA)
                        .withCipherSuite(io.tlsviz.engine.crypto.CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256),
                ScenarioOptions.defaults(Exchange.ECDHE)
                        .withCipherSuite(io.tlsviz.engine.crypto.CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384)
                        .withEncryptThenMac(true),
                ScenarioOptions.defaults(Exchange.ECDHE).withGroup(Group.SECP256R1),
                ScenarioOptions.defaults(Exchange.DHE).withGroup(Group.FFDHE3072),
                ScenarioOptions.defaults(Exchange.TLS13).withGroup(Group.SECP256R1)
                        .withCipherSuite(io.tlsviz.engine.crypto.CipherSuite.TLS_AES_256_GCM_SHA384),
                ScenarioOptions.defaults(Exchange.TLS13).withGroup(Group.FFDHE2048).withMiddleboxCompat(true));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void completesAndEveryCheckPasses(ScenarioOptions options) {
        Trace t = HandshakeSession.run(options);
        assertThat(t.completed()).isTrue();
        assertThat(t.alert()).isEmpty();
        assertThat(t.proof().checks()).hasSizeGreaterThan(8);
        assertThat(t.proof().failures()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void leafFieldsTileEveryRecordAndPlaintext(ScenarioOptions options) {
        Trace t = HandshakeSession.run(options);
        for (Step s : t.steps()) {
            if (s instanceof MessageStep m) {
                assertThat(TilingCheck.problems(m.fields().get(0), m.record())).as(m.name()).isEmpty();
                if (m.plaintext().isPresent()) {
                    assertThat(m.fields()).as(m.name()).hasSize(2);
                    assertThat(TilingCheck.problems(m.fields().get(1), m.plaintext().get())).as(m.name()).isEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Exchange.class)
    void sameSeedGivesIdenticalJsonAndAnotherSeedDoesNot(Exchange exchange) {
        ScenarioOptions o = ScenarioOptions.defaults(exchange);
        String a = TraceJson.toJson(HandshakeSession.run(o));
        String b = TraceJson.toJson(HandshakeSession.run(o));
        String c = TraceJson.toJson(HandshakeSession.run(o.withSeed(7L)));
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void freshRandomnessDiffersEveryTime() {
        ScenarioOptions fresh = ScenarioOptions.defaults(Exchange.ECDHE).withSeed(null);
        Trace a = HandshakeSession.run(fresh);
        Trace b = HandshakeSession.run(fresh);
        assertThat(a.completed()).isTrue();
        assertThat(a.secrets().get("client_random")).isNotEqualTo(b.secrets().get("client_random"));
        assertThat(a.seed()).isEmpty();
    }

    /** Independently of the engine's own proof: the displayed keys open the Finished and application records. */
    @ParameterizedTest
    @EnumSource(value = Exchange.class, names = {"RSA", "DHE", "ECDHE"})
    void displayedTls12KeysDecryptFinishedAndApplicationData(Exchange exchange) throws Exception {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        Map<String, byte[]> s = t.secrets();
        RecordProtection.Keys client = RecordProtection.Keys.tls12Gcm(t.cipherSuite(), s.get("client_write_key"),
                s.get("client_write_iv"));
        RecordProtection.Keys server = RecordProtection.Keys.tls12Gcm(t.cipherSuite(), s.get("server_write_key"),
                s.get("server_write_iv"));
        byte[] clientFinished = message(t, "client_finished").record();
        RecordProtection.Decrypted fin = RecordProtection.decrypt(client, 0, clientFinished);
        assertThat(Arrays.copyOfRange(fin.content(), 4, 16)).isEqualTo(s.get("client_verify_data"));
        RecordProtection.Decrypted sfin = RecordProtection.decrypt(server, 0, message(t, "server_finished").record());
        assertThat(Arrays.copyOfRange(sfin.content(), 4, 16)).isEqualTo(s.get("server_verify_data"));
        RecordProtection.Decrypted req = RecordProtection.decrypt(client, 1, message(t, "client_application_data").record());
        assertThat(new String(req.content(), StandardCharsets.US_ASCII)).isEqualTo(LivePeers.REQUEST);
        RecordProtection.Decrypted resp = RecordProtection.decrypt(server, 1, message(t, "server_application_data").record());
        assertThat(new String(resp.content(), StandardCharsets.US_ASCII)).isEqualTo(LivePeers.RESPONSE);
    }

    @Test
    void displayedTls13KeysDecryptTheServerFlightAndApplicationData() throws Exception {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.TLS13));
        Map<String, byte[]> s = t.secrets();
        RecordProtection.Keys hs = RecordProtection.Keys.tls13(t.cipherSuite(), s.get("server_handshake_write_key"),
                s.get("server_handshake_write_iv"));
        RecordProtection.Decrypted fin = RecordProtection.decrypt(hs, 3, message(t, "server_finished").record());
        assertThat(fin.content()[0]).isEqualTo((byte) 20);
        assertThat(Arrays.copyOfRange(fin.content(), 4, fin.content().length)).isEqualTo(s.get("server_verify_data"));
        RecordProtection.Keys app = RecordProtection.Keys.tls13(t.cipherSuite(), s.get("client_application_write_key"),
                s.get("client_application_write_iv"));
        RecordProtection.Decrypted req = RecordProtection.decrypt(app, 0, message(t, "client_application_data").record());
        assertThat(new String(req.content(), StandardCharsets.US_ASCII)).isEqualTo(LivePeers.REQUEST);
    }

    /**
     * RFC 5246 section 6.3: the session-keys step shows the key block's partition and nothing else. A CBC key block
     * is two MAC keys and two write keys (96 bytes for AES_128_CBC_SHA256), with no IVs: every CBC record brings its
     * own, in the clear. A GCM key block ends with two 4-byte implicit IVs (40 bytes for AES_128_GCM_SHA256).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"})
    void sessionKeysAreTheKeyBlockOfRfc5246AndEveryOneIsProven(String suiteName) {
        CipherSuite suite = CipherSuite.fromName(suiteName);
        boolean cbc = !suite.isAead();
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA).withCipherSuite(suite)
                .withEncryptThenMac(cbc));
        assertThat(t.proof().failures()).isEmpty();
        for (String side : List.of("client", "server")) {
            Step keys = t.step(side + "_derives_session_keys").orElseThrow();
            List<String> expected = cbc
                    ? List.of("client_write_mac_key [0..31]", "server_write_mac_key [32..63]",
                            "client_write_key [64..79]", "server_write_key [80..95]")
                    : List.of("client_write_key [0..15]", "server_write_key [16..31]", "client_write_iv [32..35]",
                            "server_write_iv [36..39]");
            assertThat(keys.secrets()).map(x -> x.name() + " " + x.formula().substring(x.formula().lastIndexOf('[')))
                    .as(side).containsExactlyElementsOf(expected);
            for (Secret sec : keys.secrets()) {
                assertThat(t.proof().proves(sec.name())).as("%s is proven", sec.name()).isTrue();
            }
            if (cbc) {
                assertThat(keys.meaning()).contains("no IVs").contains("every CBC record carries its own IV");
            }
        }
        if (cbc) {
            assertThat(t.secrets()).doesNotContainKeys("client_write_iv", "server_write_iv");
            // Where a CBC record's IV is: at its start, sent in the clear, and the proof decrypts with it.
            MessageStep fin = message(t, "client_finished");
            Field iv = Leaves.find(fin.fields().get(0), FieldPaths.IV).orElseThrow();
            assertThat(iv.offset()).isEqualTo(5);
            assertThat(iv.length()).isEqualTo(16);
            assertThat(iv.meaning()).startsWith("This record's own initialisation vector")
                    .contains("no CBC IV from the key block");
            assertThat(t.proof().checks()).filteredOn(c -> c.name().startsWith("client Finished record"))
                    .singleElement().satisfies(c -> assertThat(c.detail()).contains(
                            "client_write_key and client_write_mac_key, with the IV from the start of the record"));
        } else {
            assertThat(t.secrets().get("client_write_iv")).hasSize(4);
        }
    }

    /** The core lesson, as a property of the bytes: RSA sends the premaster (encrypted); DHE never sends it. */
    @ParameterizedTest
    @EnumSource(Exchange.class)
    void premasterOrSharedSecretNeverAppearsOnTheWireInTheClear(Exchange exchange) {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        byte[] secret = t.secrets().getOrDefault("premaster_secret", t.secrets().get("shared_secret"));
        for (Step s : t.steps()) {
            if (s instanceof MessageStep m) {
                assertThat(contains(m.record(), secret)).as(m.name()).isFalse();
            }
            for (Secret sec : s.secrets()) {
                if (sec.name().equals("premaster_secret") || sec.name().equals("shared_secret")) {
                    assertThat(sec.isKnownBy(Party.EAVESDROPPER)).as(s.name()).isFalse();
                }
            }
        }
        if (exchange == Exchange.RSA) {
            assertThat(contains(message(t, "client_key_exchange").record(),
                    t.secrets().get("encrypted_premaster_secret"))).isTrue();
        }
    }

    static MessageStep message(Trace t, String name) {
        return (MessageStep) t.step(name).orElseThrow(() -> new AssertionError("no step " + name));
    }

    static boolean contains(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
