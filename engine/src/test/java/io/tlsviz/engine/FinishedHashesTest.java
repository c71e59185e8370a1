package io.tlsviz.engine;

import static io.tlsviz.engine.KnowledgeTimingTest.firstStepKnowing;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.wire.Leaves;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Where did the verify_data come from?" A Finished MACs a hash of the handshake messages before it (RFC 5246
 * section 7.4.9, RFC 8446 section 4.4.4). That hash is a value of its own, at the step where each side computes it,
 * with a formula that lists the messages it covers: a student can hash exactly those bytes from the wire, and the
 * verify_data names it as its input.
 */
class FinishedHashesTest {

    /** TraceProofTest's: every exchange, the extended master secret, SHA-384 suites, CBC, finite-field TLS 1.3. */
    private static final String SCENARIOS = "io.tlsviz.engine.TraceProofTest#scenarios";

    private static final Pattern TRANSCRIPT_HASH = Pattern.compile("^(\\w+_hash) = (SHA-\\d+)\\((.+)\\)$");
    private static final Pattern TLS12_VERIFY_DATA =
            Pattern.compile("^(\\w+) = PRF\\(master_secret, \"(client|server) finished\", (\\w+)\\)\\[0\\.\\.11\\]$");
    private static final Pattern TLS13_VERIFY_DATA = Pattern.compile("^(\\w+) = HMAC-SHA-(\\d+)\\((\\w+), (\\w+)\\)$");

    /**
     * Every transcript hash a trace shows (a knowledge value or a signature step's working) is the hash of exactly the
     * messages its formula lists, in that order, as they crossed the wire (the decrypted plaintext of an encrypted
     * record), hashed here with the JDK alone.
     */
    @ParameterizedTest
    @MethodSource(SCENARIOS)
    void everyTranscriptHashIsTheHashOfTheMessagesItsFormulaListsAsTheyCrossedTheWire(ScenarioOptions options)
            throws Exception {
        Trace t = HandshakeSession.run(options);
        List<WireMessage> wire = wireMessages(t);
        List<String> checked = new ArrayList<>();
        for (Step step : t.steps()) {
            for (Secret s : step instanceof ComputationStep c ? c.values() : step.secrets()) {
                if (!s.name().endsWith("_hash")) {
                    continue;
                }
                Matcher m = TRANSCRIPT_HASH.matcher(s.formula());
                assertThat(m.matches()).as("%s at %s: %s", s.name(), step.name(), s.formula()).isTrue();
                assertThat(m.group(1)).isEqualTo(s.name());
                List<String> named = List.of(m.group(3).split(" \\+ "));
                assertThat(named.size()).isLessThanOrEqualTo(wire.size());
                assertThat(wire.subList(0, named.size())).map(WireMessage::label).as("%s at %s", s.name(), step.name())
                        .containsExactlyElementsOf(named);
                MessageDigest digest = MessageDigest.getInstance(m.group(2));
                wire.subList(0, named.size()).forEach(w -> digest.update(w.bytes()));
                assertThat(s.hex()).as("%s at %s recomputed from the wire", s.name(), step.name())
                        .isEqualTo(Hex.of(digest.digest()));
                checked.add(s.name());
            }
        }
        if (options.exchange().isTls13()) {
            assertThat(checked).contains("hello_hash", "certificate_verify_hash", "server_finished_hash",
                    "handshake_hash").doesNotContain("client_finished_hash");
        } else {
            assertThat(checked).contains("client_finished_hash", "server_finished_hash");
            assertThat(checked.contains("session_hash")).isEqualTo(options.extendedMasterSecret());
        }
    }

    /** The default RSA handshake, in words a student reads in the knowledge columns and the inspector. */
    @Test
    void theTls12FormulasNameTheMessagesAndTheVerifyDataNamesTheHash() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));
        assertThat(secret(t, "client_computes_finished", "client_finished_hash").formula()).isEqualTo(
                "client_finished_hash = SHA-256(ClientHello + ServerHello + Certificate + ServerHelloDone "
                        + "+ ClientKeyExchange)");
        Secret verify = secret(t, "client_computes_finished", "client_verify_data");
        assertThat(verify.formula()).isEqualTo(
                "client_verify_data = PRF(master_secret, \"client finished\", client_finished_hash)[0..11]");
        assertThat(verify.inputs()).containsExactly("master_secret", "client_finished_hash");
        assertThat(secret(t, "server_computes_finished", "server_finished_hash").formula()).isEqualTo(
                "server_finished_hash = SHA-256(ClientHello + ServerHello + Certificate + ServerHelloDone "
                        + "+ ClientKeyExchange + client Finished)");
        assertThat(secret(t, "server_computes_finished", "server_verify_data").inputs())
                .containsExactly("master_secret", "server_finished_hash");
        // The step is still about the verify_data: the diagram's box shows its formula, not the hash's.
        assertThat(((ComputationStep) t.step("client_computes_finished").orElseThrow()).mainSecret().orElseThrow()
                .name()).isEqualTo("client_verify_data");
    }

    /**
     * TLS 1.3: the server's Finished MACs the hash of ClientHello..CertificateVerify, a value of its own; the client's
     * MACs the hash of ClientHello..server Finished, which is the handshake_hash the application secrets used, and
     * its verify_data names that one.
     */
    @Test
    void theTls13ServerFinishedHashIsAValueAndTheClientFinishedUsesTheHandshakeHash() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.TLS13));
        assertThat(secret(t, "server_computes_finished", "server_finished_hash").formula()).isEqualTo(
                "server_finished_hash = SHA-256(ClientHello + ServerHello + EncryptedExtensions + Certificate "
                        + "+ CertificateVerify)");
        assertThat(secret(t, "server_computes_finished", "server_verify_data").formula())
                .isEqualTo("server_verify_data = HMAC-SHA-256(server_finished_key, server_finished_hash)");
        Secret client = secret(t, "client_computes_finished", "client_verify_data");
        assertThat(client.formula())
                .isEqualTo("client_verify_data = HMAC-SHA-256(client_finished_key, handshake_hash)");
        assertThat(client.inputs()).containsExactly("client_finished_key", "handshake_hash");
        assertThat(secret(t, "client_derives_application_secrets", "handshake_hash").formula()).isEqualTo(
                "handshake_hash = SHA-256(ClientHello + ServerHello + EncryptedExtensions + Certificate "
                        + "+ CertificateVerify + server Finished)");
        assertThat(t.steps()).flatMap(Step::secrets).map(Secret::name).doesNotContain("client_finished_hash");
    }

    /** Each verify_data recomputes, with the JDK's HMAC alone, from the values its formula names. */
    @ParameterizedTest
    @MethodSource(SCENARIOS)
    void everyVerifyDataRecomputesFromTheValuesItsFormulaNames(ScenarioOptions options) throws Exception {
        Trace t = HandshakeSession.run(options);
        Map<String, byte[]> values = t.secrets();
        String mac = t.cipherSuite().hashLength() == 48 ? "HmacSHA384" : "HmacSHA256";
        int recomputed = 0;
        for (Step step : t.steps()) {
            for (Secret s : step.secrets()) {
                if (!s.name().endsWith("_verify_data")) {
                    continue;
                }
                Matcher tls12 = TLS12_VERIFY_DATA.matcher(s.formula());
                Matcher tls13 = TLS13_VERIFY_DATA.matcher(s.formula());
                byte[] expected;
                if (tls12.matches()) {
                    byte[] seed = concat((tls12.group(2) + " finished").getBytes(StandardCharsets.US_ASCII),
                            values.get(tls12.group(3)));
                    expected = prf(mac, values.get("master_secret"), seed, 12);
                } else {
                    assertThat(tls13.matches()).as("%s at %s: %s", s.name(), step.name(), s.formula()).isTrue();
                    expected = hmac(mac, values.get(tls13.group(3)), values.get(tls13.group(4)));
                }
                assertThat(s.hex()).as("%s at %s", s.name(), step.name()).isEqualTo(Hex.of(expected));
                recomputed++;
            }
        }
        assertThat(recomputed).as("each verify_data at its sender and at its checker").isEqualTo(4);
    }

    /**
     * A value is in a party's column from the step where that party has it. TLS 1.2: the client's Finished hash covers
     * only messages that crossed in the clear, so the eavesdropper can compute it too (as the session_hash); the
     * server's also covers the client's encrypted Finished, which the eavesdropper cannot read. TLS 1.3: everything
     * after ServerHello is encrypted, so the eavesdropper has neither.
     */
    @ParameterizedTest
    @EnumSource(Exchange.class)
    void eachSideHasAFinishedHashWhenItComputesItAndTheEavesdropperOnlyWhatCrossedInTheClear(Exchange exchange) {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        assertThat(firstStepKnowing(t, Party.SERVER, "server_finished_hash")).isEqualTo("server_computes_finished");
        assertThat(firstStepKnowing(t, Party.CLIENT, "server_finished_hash")).isEqualTo("client_verifies_finished");
        assertThat(firstStepKnowing(t, Party.EAVESDROPPER, "server_finished_hash")).isNull();
        if (exchange.isTls13()) {
            assertThat(firstStepKnowing(t, Party.CLIENT, "handshake_hash"))
                    .isEqualTo("client_derives_application_secrets");
            assertThat(firstStepKnowing(t, Party.EAVESDROPPER, "handshake_hash")).isNull();
            assertThat(firstStepKnowing(t, Party.EAVESDROPPER, "hello_hash"))
                    .isEqualTo("client_derives_handshake_secrets");
        } else {
            assertThat(firstStepKnowing(t, Party.CLIENT, "client_finished_hash")).isEqualTo("client_computes_finished");
            assertThat(firstStepKnowing(t, Party.SERVER, "client_finished_hash")).isEqualTo("server_verifies_finished");
            assertThat(firstStepKnowing(t, Party.EAVESDROPPER, "client_finished_hash"))
                    .isEqualTo("client_computes_finished");
        }
    }

    /**
     * Proof, not trust: the engine hashed its own view of the wire, and Bouncy Castle's Finished (made from Bouncy
     * Castle's transcript) carries exactly the verify_data the engine computed over that hash, at the sender and at
     * the checker. With the extended master secret, Bouncy Castle's master secret proves the session_hash it was made
     * from.
     */
    @ParameterizedTest
    @MethodSource(SCENARIOS)
    void theHashesAFinishedMacsAreProven(ScenarioOptions options) {
        Trace t = HandshakeSession.run(options);
        List<String> hashes = options.exchange().isTls13() ? List.of("server_finished_hash", "handshake_hash")
                : options.extendedMasterSecret()
                        ? List.of("client_finished_hash", "server_finished_hash", "session_hash")
                        : List.of("client_finished_hash", "server_finished_hash");
        for (String name : hashes) {
            assertThat(t.proof().proves(name)).as(name).isTrue();
        }
        assertThat(t.proof().checks()).filteredOn(c -> c.covers().contains("client_finished_hash")
                || c.covers().contains("server_finished_hash")).as("sender and checker of both Finished")
                .hasSize(options.exchange().isTls13() ? 2 : 4);
    }

    /**
     * The ClientHello changed on the way in a byte the server does not use (an unused signature algorithm): the keys
     * still agree, but the two transcripts do not. The client hashed what it sent, the server what it received, and
     * the server's recomputation of the client's verify_data fails: the check that covers client_finished_hash.
     */
    @ParameterizedTest
    @EnumSource(value = Exchange.class, names = {"RSA", "DHE", "ECDHE"})
    void aChangedClientHelloGivesTheServerAnotherFinishedHashAndTheProofFails(Exchange exchange) throws Exception {
        ScenarioOptions options = ScenarioOptions.defaults(exchange);
        Trace clean = HandshakeSession.run(options);
        MessageStep hello = (MessageStep) clean.step("client_hello").orElseThrow();
        Field unused = Leaves.all(hello.fields().get(0)).stream().filter(f -> f.value().startsWith("dsa_sha1 "))
                .findFirst().orElseThrow();
        Trace t = HandshakeSession.run(options, new TamperSpec("client_hello", unused.offset() + 1, 0xff));

        assertThat(t.completed()).isFalse();
        assertThat(t.alert()).contains("decrypt_error");
        assertThat(t.proof().failures()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("client verify_data matches the server's recomputation");
            assertThat(c.covers()).contains("client_finished_hash");
        });
        Secret clients = secret(t, "client_computes_finished", "client_finished_hash");
        ComputationStep check = (ComputationStep) t.step("server_verifies_finished").orElseThrow();
        assertThat(check.failed()).isTrue();
        Secret servers = check.secrets().stream().filter(s -> s.name().equals("client_finished_hash")).findFirst()
                .orElseThrow();
        assertThat(servers.hex()).isNotEqualTo(clients.hex());
        assertThat(servers.formula()).isEqualTo(clients.formula());
        // The client's is the hash of what it sent (the untouched handshake), the server's of what it received.
        assertThat(clients.hex()).isEqualTo(secret(clean, "client_computes_finished", "client_finished_hash").hex());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        wireMessages(t).stream().limit(clients.formula().split(" \\+ ").length).forEach(w -> digest.update(w.bytes()));
        assertThat(servers.hex()).isEqualTo(Hex.of(digest.digest()));
        // What arrived is shown as it is; no formula of the server's makes it.
        assertThat(check.secrets()).filteredOn(s -> s.name().equals("client_verify_data")).singleElement()
                .satisfies(s -> assertThat(s.formula()).isEmpty());
    }

    // ------------------------------------------------------------------ helpers

    /** A handshake message as it crossed the wire, named as a transcript formula names it. */
    record WireMessage(String label, byte[] bytes) {
    }

    private static final Map<Integer, String> NAMES = new HashMap<>(Map.of(1, "ClientHello", 2, "ServerHello",
            8, "EncryptedExtensions", 11, "Certificate", 12, "ServerKeyExchange", 14, "ServerHelloDone",
            15, "CertificateVerify", 16, "ClientKeyExchange"));

    /** Every handshake message of the trace in wire order: plaintext records as sent, encrypted ones decrypted. */
    static List<WireMessage> wireMessages(Trace t) {
        boolean tls13 = t.options().exchange().isTls13();
        List<WireMessage> out = new ArrayList<>();
        for (Step s : t.steps()) {
            if (!(s instanceof MessageStep m) || m.dropped()) {
                continue;
            }
            byte[] record = m.record();
            int type = record[0] & 0xff;
            byte[] content = Arrays.copyOfRange(record, 5, record.length);
            if (m.encrypted()) {
                if (m.plaintext().isEmpty()) {
                    continue;
                }
                content = m.plaintext().get();
                if (tls13) { // TLSInnerPlaintext: content, the real type, zero padding (RFC 8446 section 5.2)
                    int end = content.length;
                    while (end > 0 && content[end - 1] == 0) {
                        end--;
                    }
                    type = content[end - 1] & 0xff;
                    content = Arrays.copyOf(content, end - 1);
                }
            }
            if (type != 22) {
                continue;
            }
            for (int pos = 0; pos + 4 <= content.length; ) {
                int len = ((content[pos + 1] & 0xff) << 16) | ((content[pos + 2] & 0xff) << 8)
                        | (content[pos + 3] & 0xff);
                int msgType = content[pos] & 0xff;
                String label = msgType == 20 ? m.from().id() + " Finished" : NAMES.get(msgType);
                out.add(new WireMessage(label, Arrays.copyOfRange(content, pos, pos + 4 + len)));
                pos += 4 + len;
            }
        }
        return out;
    }

    static Secret secret(Trace t, String step, String name) {
        return t.step(step).orElseThrow().secrets().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(step + " shows no " + name));
    }

    /** RFC 5246 section 5: P_hash(secret, label + seed), cut to {@code length}. */
    private static byte[] prf(String mac, byte[] secret, byte[] labelAndSeed, int length) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = labelAndSeed;
        while (out.size() < length) {
            a = hmac(mac, secret, a);
            out.writeBytes(hmac(mac, secret, concat(a, labelAndSeed)));
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] hmac(String mac, byte[] key, byte[] data) throws Exception {
        Mac m = Mac.getInstance(mac);
        m.init(new SecretKeySpec(key, mac));
        return m.doFinal(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
