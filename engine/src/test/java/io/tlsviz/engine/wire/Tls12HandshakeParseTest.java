package io.tlsviz.engine.wire;

import static io.tlsviz.engine.wire.WireAssertions.assertExplained;
import static io.tlsviz.engine.wire.WireAssertions.assertFullyParsed;
import static io.tlsviz.engine.wire.WireAssertions.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Field;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.wire.InMemoryTls12.Sent;
import io.tlsviz.engine.wire.RecordParser.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every record of real TLS 1.2 handshakes between Bouncy Castle peers parses and tiles. */
class Tls12HandshakeParseTest {
    private static final int FFDHE2048 = 0x0100;
    private static final int X25519 = 0x001d;

    enum Scenario {
        RSA_GCM(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, -1, true),
        DHE_GCM(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, FFDHE2048, true),
        ECDHE_GCM(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, X25519, true),
        ECDHE_CBC_ETM(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, X25519, true),
        RSA_CBC_MTE(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, -1, false);

        final CipherSuite suite;
        final int group;
        final boolean allowEtm;

        Scenario(CipherSuite suite, int group, boolean allowEtm) {
            this.suite = suite;
            this.group = group;
            this.allowEtm = allowEtm;
        }
    }

    private static final Map<Scenario, List<Parsed>> RUNS = new EnumMap<>(Scenario.class);

    /** A record with the context the receiver would have parsed it in. */
    record Parsed(Sent sent, Context ctx, Field root) {
        String what() {
            return RecordParser.describeRecord(sent.record(), ctx);
        }
    }

    static synchronized List<Parsed> run(Scenario s) {
        return RUNS.computeIfAbsent(s, k -> parseAll(InMemoryTls12.run(k.suite.code(), k.group, k.allowEtm, 7), k));
    }

    /** Tracks what each side knows: the suite after ServerHello, encryption after each side's CCS. */
    private static List<Parsed> parseAll(List<Sent> wire, Scenario s) {
        List<Parsed> out = new ArrayList<>();
        boolean clientEncrypts = false;
        boolean serverEncrypts = false;
        boolean etm = false;
        CipherSuite suite = null;
        for (Sent sent : wire) {
            boolean enc = sent.fromClient() ? clientEncrypts : serverEncrypts;
            Context ctx = new Context(false, suite, enc, etm);
            Field root = RecordParser.parseRecord(sent.record(), ctx);
            out.add(new Parsed(sent, ctx, root));
            if (Leaves.find(root, FieldPaths.SERVER_HELLO).isPresent()) {
                suite = s.suite;
                etm = Leaves.find(root, FieldPaths.SERVER_EXTENSIONS + ".encrypt_then_mac").isPresent();
            }
            if (sent.contentType() == 20) {
                if (sent.fromClient()) {
                    clientEncrypts = true;
                } else {
                    serverEncrypts = true;
                }
            }
        }
        return out;
    }

    private static List<String> flow(List<Parsed> parsed, boolean fromClient) {
        return parsed.stream().filter(p -> p.sent().fromClient() == fromClient).map(Parsed::what).toList();
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void plaintextRecordsParseCompletelyAndEncryptedOnesTile(Scenario s) {
        List<Parsed> parsed = run(s);
        assertThat(parsed).hasSizeGreaterThan(8);
        for (Parsed p : parsed) {
            if (p.ctx().encrypted()) {
                WireAssertions.assertTiles(p.root(), p.sent().record());
                assertThat(Leaves.leaves(p.root())).noneMatch(f -> f.name().startsWith("Malformed"));
            } else {
                assertFullyParsed(p.root(), p.sent().record());
            }
            assertExplained(p.root());
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void messagesArriveInTheOrderOfRfc5246(Scenario s) {
        List<Parsed> parsed = run(s);
        boolean ephemeral = s.suite.keyExchange() != CipherSuite.KeyExchange.RSA;
        String expectedServer = "ServerHello+Certificate+" + (ephemeral ? "ServerKeyExchange+" : "")
                + "ServerHelloDone+ChangeCipherSpec+Encrypted+Encrypted+Encrypted"; // Finished, response, close_notify
        assertThat(String.join("+", flow(parsed, false))).isEqualTo(expectedServer);
        assertThat(flow(parsed, true)).containsExactly("ClientHello", "ClientKeyExchange", "ChangeCipherSpec",
                "Encrypted", "Encrypted", "Encrypted");
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void helloMessagesShowTheNegotiation(Scenario s) {
        List<Parsed> parsed = run(s);
        Field clientHello = parsed.get(0).root();
        assertThat(field(clientHello, FieldPaths.OFFERED_CIPHER_SUITES + ".suite_0").value())
                .startsWith(s.suite.ianaName());
        assertThat(field(clientHello, FieldPaths.CLIENT_RANDOM).length()).isEqualTo(32);
        assertThat(Leaves.find(clientHello, FieldPaths.CLIENT_EXTENSIONS + ".extended_master_secret")).isPresent();
        assertThat(Leaves.find(clientHello, FieldPaths.CLIENT_EXTENSIONS + ".encrypt_then_mac")).isPresent();

        Field serverHello = serverRecord(parsed, "ServerHello");
        assertThat(field(serverHello, FieldPaths.CHOSEN_CIPHER_SUITE).value())
                .isEqualTo(String.format("%s (0x%04x)", s.suite.ianaName(), s.suite.code()));
        assertThat(field(serverHello, FieldPaths.SERVER_RANDOM).length()).isEqualTo(32);
        // BC keeps no session cache, so its ServerHello offers no session to resume
        assertThat(field(serverHello, FieldPaths.SESSION_ID + "_length").value()).isEqualTo("0 bytes");
        assertThat(Leaves.find(serverHello, FieldPaths.SESSION_ID)).isEmpty();
        assertThat(field(serverHello, "record.handshake.server_hello.version").value()).isEqualTo("TLS 1.2 (0x0303)");

        Field certificate = serverRecord(parsed, "Certificate");
        assertThat(field(certificate, FieldPaths.SERVER_CERTIFICATE).value())
                .contains("subject CN=tlsviz test server", "RSA 2048-bit key", "valid 2024-01-01 to 2100-01-01");
        assertThat(field(certificate, "record.handshake.certificate.list_length").length()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"RSA_GCM", "RSA_CBC_MTE"})
    void rsaKeyTransportCarriesTheEncryptedPremaster(Scenario s) {
        Field cke = clientRecord(run(s), "ClientKeyExchange");
        Field premaster = field(cke, FieldPaths.ENCRYPTED_PREMASTER);
        assertThat(premaster.length()).isEqualTo(256);
        assertThat(field(cke, FieldPaths.ENCRYPTED_PREMASTER + "_length").value()).isEqualTo("256 bytes");
        assertThat(serverRecordOrNull(run(s), "ServerKeyExchange")).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = "DHE_GCM")
    void dheServerKeyExchangeShowsTheGroupAndSignature(Scenario s) {
        Field ske = serverRecord(run(s), "ServerKeyExchange");
        assertThat(field(ske, FieldPaths.DH_P).length()).isEqualTo(256);
        assertThat(field(ske, FieldPaths.DH_P).value()).isEqualTo("2048-bit number, the ffdhe2048 prime of RFC 7919");
        assertThat(field(ske, FieldPaths.DH_G).value()).isEqualTo("2");
        assertThat(field(ske, FieldPaths.DH_YS).length()).isBetween(250, 256);
        assertThat(field(ske, FieldPaths.SKE_SIGNATURE_ALGORITHM).value()).isEqualTo("rsa_pkcs1_sha256 (0x0401)");
        assertThat(field(ske, FieldPaths.SKE_SIGNATURE).length()).isEqualTo(256);

        Field cke = clientRecord(run(s), "ClientKeyExchange");
        assertThat(field(cke, FieldPaths.DH_YC).length()).isBetween(250, 256);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"ECDHE_GCM", "ECDHE_CBC_ETM"})
    void ecdheServerKeyExchangeShowsTheCurveAndPoints(Scenario s) {
        Field ske = serverRecord(run(s), "ServerKeyExchange");
        assertThat(field(ske, "record.handshake.server_key_exchange.curve_type").value()).isEqualTo("named_curve (3)");
        assertThat(field(ske, FieldPaths.ECDHE_CURVE).value()).isEqualTo("x25519 (0x001d)");
        assertThat(field(ske, FieldPaths.ECDHE_SERVER_PUBLIC).length()).isEqualTo(32);
        assertThat(field(ske, FieldPaths.SKE_SIGNATURE_ALGORITHM).value()).isEqualTo("rsa_pkcs1_sha256 (0x0401)");

        Field cke = clientRecord(run(s), "ClientKeyExchange");
        assertThat(field(cke, FieldPaths.ECDHE_CLIENT_PUBLIC).length()).isEqualTo(32);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void encryptedRecordsFollowTheSuitesLayout(Scenario s) {
        List<Parsed> encrypted = run(s).stream().filter(p -> p.ctx().encrypted()).toList();
        assertThat(encrypted).hasSize(6); // 2 Finished, request, response, 2 close_notify
        for (Parsed p : encrypted) {
            Field root = p.root();
            int content = p.sent().record().length - 5;
            List<String> paths = root.children().stream().map(Field::path).toList().subList(3, root.children().size());
            if (s.suite.isAead()) {
                assertThat(paths).containsExactly(FieldPaths.EXPLICIT_NONCE, FieldPaths.CIPHERTEXT, FieldPaths.TAG);
                assertThat(field(root, FieldPaths.EXPLICIT_NONCE).length()).isEqualTo(8);
                assertThat(field(root, FieldPaths.TAG).length()).isEqualTo(16);
                assertThat(field(root, FieldPaths.CIPHERTEXT).length()).isEqualTo(content - 24);
            } else if (p.ctx().encryptThenMac()) {
                assertThat(paths).containsExactly(FieldPaths.IV, FieldPaths.CIPHERTEXT, FieldPaths.MAC);
                assertThat(field(root, FieldPaths.MAC).length()).isEqualTo(s.suite.mac().length());
                assertThat(field(root, FieldPaths.CIPHERTEXT).length() % 16).isZero();
            } else {
                assertThat(paths).containsExactly(FieldPaths.IV, FieldPaths.CIPHERTEXT);
                assertThat(field(root, FieldPaths.CIPHERTEXT).length() % 16).isZero();
                assertThat(field(root, FieldPaths.CIPHERTEXT).length()).isGreaterThan(s.suite.mac().length());
            }
            assertThat(field(root, paths.get(0)).length()).isEqualTo(s.suite.recordIvLength());
        }
        assertThat(encrypted.get(0).ctx().encryptThenMac()).isEqualTo(s == Scenario.ECDHE_CBC_ETM);
        if (s.suite.isAead()) {
            // Finished: 4-byte header + 12 bytes of verify_data, same length encrypted (RFC 5288 section 3)
            assertThat(field(encrypted.get(0).root(), FieldPaths.CIPHERTEXT).length()).isEqualTo(16);
        }
    }

    private static Field serverRecord(List<Parsed> parsed, String what) {
        Field f = serverRecordOrNull(parsed, what);
        assertThat(f).as("server record %s", what).isNotNull();
        return f;
    }

    private static Field serverRecordOrNull(List<Parsed> parsed, String what) {
        return parsed.stream().filter(p -> !p.sent().fromClient() && p.what().equals(what)).map(Parsed::root)
                .findFirst().orElse(null);
    }

    private static Field clientRecord(List<Parsed> parsed, String what) {
        return parsed.stream().filter(p -> p.sent().fromClient() && p.what().equals(what)).map(Parsed::root)
                .findFirst().orElseThrow(() -> new AssertionError("no client " + what));
    }
}
