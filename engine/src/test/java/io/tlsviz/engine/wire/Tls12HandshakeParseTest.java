package io.tlsviz.engine.wire;

import static io.tlsviz.engine.wire.WireAssertions.assertExplained;
import static io.tlsviz.engine.wire.WireAssertions.assertFullyParsed;
import static io.tlsviz.engine.wire.WireAssertions.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Field;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Group;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.wire.RecordParser.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every record of real TLS 1.2 handshakes between the engine's Bouncy Castle peers parses and tiles. The parser
 * is given only what a receiver would know from the wire (the suite after ServerHello, encryption after each
 * side's ChangeCipherSpec), not the engine's own bookkeeping.
 */
class Tls12HandshakeParseTest {

    enum Scenario {
        RSA_GCM(Exchange.RSA, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, Group.X25519, false),
        DHE_GCM(Exchange.DHE, CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, Group.FFDHE2048, false),
        ECDHE_GCM(Exchange.ECDHE, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, Group.X25519, false),
        ECDHE_CBC_ETM(Exchange.ECDHE, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, Group.X25519, true),
        RSA_CBC_MTE(Exchange.RSA, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, Group.X25519, false);

        final CipherSuite suite;
        final ScenarioOptions options;

        Scenario(Exchange exchange, CipherSuite suite, Group group, boolean etm) {
            this.suite = suite;
            this.options = ScenarioOptions.defaults(exchange).withCipherSuite(suite).withGroup(group)
                    .withEncryptThenMac(etm).withExtendedMasterSecret(true).withSeed(7L);
        }
    }

    /** One record as it went over the wire. */
    record Sent(boolean fromClient, byte[] record) {
        int contentType() {
            return record[0] & 0xff;
        }
    }

    private static List<Sent> wire(ScenarioOptions options) {
        return HandshakeSession.run(options).steps().stream().filter(MessageStep.class::isInstance)
                .map(MessageStep.class::cast).map(m -> new Sent(m.from() == Party.CLIENT, m.record())).toList();
    }

    private static final Map<Scenario, List<Parsed>> RUNS = new EnumMap<>(Scenario.class);

    /** A record with the context the receiver would have parsed it in. */
    record Parsed(Sent sent, Context ctx, Field root) {
        String what() {
            return RecordParser.describeRecord(sent.record(), ctx);
        }
    }

    static synchronized List<Parsed> run(Scenario s) {
        return RUNS.computeIfAbsent(s, k -> parseAll(wire(k.options), k));
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
                + "ServerHelloDone+ChangeCipherSpec+Encrypted+Encrypted"; // Finished, response
        assertThat(String.join("+", flow(parsed, false))).isEqualTo(expectedServer);
        assertThat(flow(parsed, true)).containsExactly("ClientHello", "ClientKeyExchange", "ChangeCipherSpec",
                "Encrypted", "Encrypted"); // Finished, request
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
        assertThat(Leaves.find(clientHello, FieldPaths.CLIENT_EXTENSIONS + ".encrypt_then_mac").isPresent())
                .isEqualTo(s.options.encryptThenMac());

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
                .contains("subject O=tlsviz,CN=server.tlsviz.example", "issuer O=tlsviz,CN=tlsviz demo CA",
                        "RSA 2048-bit key", "valid 2025-01-01 to 2045-01-01");
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
        assertThat(encrypted).hasSize(4); // 2 Finished, request, response
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

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void aRecordsRootGivesItsWholeSizeAsTheDiagramCountsItAndHowItSplits(Scenario s) {
        for (Parsed p : run(s)) {
            int total = p.sent().record().length;
            assertThat(p.root().value()).as(p.what()).endsWith(", " + total + " bytes = 5 + " + (total - 5));
        }
    }
}
