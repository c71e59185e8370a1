package io.tlsviz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.crypto.CipherSuite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "What exactly does the server sign, and what does the client check?" The signing and checking steps show
 * the bytes a signature covers, the algorithm the message names and the signature itself. Here every one of
 * them is rebuilt from the records on the wire alone, as RFC 5246 section 7.4.3, RFC 8422 section 5.4 and
 * RFC 8446 section 4.4.3 define them, and the signature is checked with the JDK's Signature and the key in the
 * certificate that crossed the wire, with the parameters the formula names.
 */
class SignatureValuesTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<ScenarioOptions> tls12() {
        return Stream.of(ScenarioOptions.defaults(Exchange.DHE), ScenarioOptions.defaults(Exchange.ECDHE),
                ScenarioOptions.defaults(Exchange.DHE).withGroup(Group.FFDHE3072).withSeed(7L),
                ScenarioOptions.defaults(Exchange.ECDHE).withGroup(Group.SECP256R1)
                        .withCipherSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384));
    }

    static Stream<ScenarioOptions> tls13() {
        return Stream.of(ScenarioOptions.defaults(Exchange.TLS13),
                ScenarioOptions.defaults(Exchange.TLS13).withGroup(Group.SECP384R1)
                        .withCipherSuite(CipherSuite.TLS_AES_256_GCM_SHA384),
                ScenarioOptions.defaults(Exchange.TLS13).withGroup(Group.FFDHE2048).withSeed(3L));
    }

    @ParameterizedTest
    @MethodSource("tls12")
    void serverKeyExchangeSignatureCoversBothRandomsAndTheParamsAsTheyCrossedTheWire(ScenarioOptions options)
            throws Exception {
        Trace t = HandshakeSession.run(options);
        byte[] clientHello = body(t, "client_hello");
        byte[] serverHello = body(t, "server_hello");
        byte[] ske = body(t, "server_key_exchange");
        assertThat(ske[0]).isEqualTo((byte) 12);
        // RFC 5246 section 7.4.1.2: version (2), then the 32-byte random.
        byte[] clientRandom = Arrays.copyOfRange(clientHello, 6, 38);
        byte[] serverRandom = Arrays.copyOfRange(serverHello, 6, 38);
        int paramsEnd = options.exchange() == Exchange.DHE ? vectors16(ske, 4, 3) : 4 + 4 + (ske[7] & 0xff);
        byte[] params = Arrays.copyOfRange(ske, 4, paramsEnd);
        int scheme = u16(ske, paramsEnd);
        byte[] signature = Arrays.copyOfRange(ske, paramsEnd + 4, paramsEnd + 4 + u16(ske, paramsEnd + 2));
        assertThat(paramsEnd + 4 + signature.length).isEqualTo(ske.length);
        byte[] expected = concat(clientRandom, serverRandom, params);

        ComputationStep signs = computation(t, "server_signs_key_exchange");
        ComputationStep checks = computation(t, "client_verifies_server_signature");
        for (ComputationStep step : List.of(signs, checks)) {
            assertThat(working(step, "signed_content").bytes()).as(step.name()).isEqualTo(expected);
            assertThat(working(step, "server_signature").bytes()).as(step.name()).isEqualTo(signature);
            assertThat(step.mainSecret().orElseThrow().name()).isEqualTo("server_signature");
            assertThat(step.failed()).isFalse();
            // The formula is exact: its named values and bytes, put together, are the signed content.
            assertThat(recompute(working(step, "signed_content").formula(), t.secrets(), step))
                    .as("%s: %s", step.name(), working(step, "signed_content").formula()).isEqualTo(expected);
        }
        // The algorithm is the one the message names, by name and code, not an assumed one.
        String named = String.format("(0x%04x)", scheme);
        assertThat(working(signs, "server_signature").formula()).startsWith("server_signature = RSASSA-")
                .contains("Sign(server_private_key, signed_content)").endsWith(named);
        assertThat(working(checks, "server_signature").formula())
                .contains("Verify(server_public_key, signed_content, server_signature) = valid signature")
                .endsWith(named);

        PublicKey key = serverCertificate(body(t, "server_certificate"), false).getPublicKey();
        assertThat(jdkVerifies(working(signs, "server_signature").formula(), key, expected, signature)).isTrue();
        byte[] other = expected.clone();
        other[40] ^= 1; // another server_random
        assertThat(jdkVerifies(working(signs, "server_signature").formula(), key, other, signature)).isFalse();
        assertThat(t.proof().proves("signed_content")).isTrue();
        assertThat(t.proof().proves("server_signature")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("tls13")
    void certificateVerifySignsSixtyFourSpacesTheContextAZeroByteAndTheTranscriptHash(ScenarioOptions options)
            throws Exception {
        Trace t = HandshakeSession.run(options);
        // The transcript from the wire: the hellos in the clear, then the server's flight as decrypted.
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        byte[] certificateVerify = null;
        for (Step s : t.steps()) {
            if (!(s instanceof MessageStep m) || m.record()[0] == 20) {
                continue;
            }
            byte[] content = handshakeContent(m);
            if (content[0] == 15) {
                certificateVerify = content;
                break;
            }
            transcript.writeBytes(content);
        }
        assertThat(certificateVerify).isNotNull();
        String hash = options.cipherSuite().hash();
        byte[] transcriptHash = MessageDigest.getInstance(hash).digest(transcript.toByteArray());
        byte[] spaces = new byte[64];
        Arrays.fill(spaces, (byte) 0x20);
        byte[] expected = concat(spaces, "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0}, transcriptHash);
        int scheme = u16(certificateVerify, 4);
        byte[] signature = Arrays.copyOfRange(certificateVerify, 8, certificateVerify.length);

        ComputationStep signs = computation(t, "server_signs_transcript");
        ComputationStep checks = computation(t, "client_verifies_signature");
        for (ComputationStep step : List.of(signs, checks)) {
            assertThat(step.workings()).map(Secret::name)
                    .containsExactly("certificate_verify_hash", "signed_content", "server_signature");
            assertThat(working(step, "certificate_verify_hash").bytes()).isEqualTo(transcriptHash);
            assertThat(working(step, "certificate_verify_hash").formula())
                    .isEqualTo("certificate_verify_hash = " + hash
                            + "(ClientHello + ServerHello + EncryptedExtensions + Certificate)");
            assertThat(working(step, "signed_content").bytes()).isEqualTo(expected);
            assertThat(recompute(working(step, "signed_content").formula(), t.secrets(), step)).isEqualTo(expected);
            assertThat(working(step, "server_signature").bytes()).isEqualTo(signature);
            assertThat(working(step, "server_signature").formula()).endsWith(String.format("(0x%04x)", scheme));
        }
        assertThat(working(signs, "server_signature").formula()).startsWith("server_signature = RSASSA-PSS-Sign(");
        assertThat(working(checks, "server_signature").formula()).startsWith(
                "RSASSA-PSS-Verify(server_public_key, signed_content, server_signature) = valid signature");
        PublicKey key = serverCertificate(body(t, "server_certificate"), true).getPublicKey();
        // With the hash, mask generation and salt length the formula names, and nothing else assumed.
        assertThat(jdkVerifies(working(signs, "server_signature").formula(), key, expected, signature)).isTrue();
        byte[] otherTranscript = expected.clone();
        otherTranscript[otherTranscript.length - 1] ^= 1;
        assertThat(jdkVerifies(working(signs, "server_signature").formula(), key, otherTranscript, signature))
                .isFalse();
        assertThat(t.proof().proves("certificate_verify_hash")).isTrue();
    }

    /** The CA's signature on the certificate, as the client checks it, cut from the Certificate message. */
    @ParameterizedTest
    @EnumSource(Exchange.class)
    void theClientShowsTheCasSignatureOnTheCertificateAndTheJdkAcceptsIt(Exchange exchange) throws Exception {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        X509Certificate certificate = serverCertificate(body(t, "server_certificate"), exchange.isTls13());
        ComputationStep step = computation(t, "client_verifies_certificate");
        assertThat(step.workings()).map(Secret::name)
                .containsExactly("ca_public_key", "tbs_certificate", "certificate_signature");
        assertThat(working(step, "tbs_certificate").bytes()).isEqualTo(certificate.getTBSCertificate());
        assertThat(working(step, "certificate_signature").bytes()).isEqualTo(certificate.getSignature());
        assertThat(working(step, "ca_public_key").bytes())
                .isEqualTo(t.pki().caCertificate().getSubjectPublicKeyInfo().getEncoded("DER"));
        assertThat(working(step, "certificate_signature").formula()).isEqualTo(
                "RSASSA-PKCS1-v1_5-Verify(ca_public_key, tbs_certificate, certificate_signature) = valid signature; "
                        + "sha256WithRSAEncryption");
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        PublicKey ca = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.X509EncodedKeySpec(working(step, "ca_public_key").bytes()));
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(ca);
        v.update(working(step, "tbs_certificate").bytes());
        assertThat(v.verify(working(step, "certificate_signature").bytes())).isTrue();
        assertThat(step.mainSecret().orElseThrow().name()).isEqualTo("certificate_signature");
        assertThat(t.proof().proves("certificate_signature")).isTrue();
    }

    /**
     * The signature values are the step's workings, not knowledge: no column lists them, the flat secrets of the
     * trace do not hold them, and each is known by the side that computes it.
     */
    @ParameterizedTest
    @EnumSource(Exchange.class)
    void signatureValuesAreWorkingsOfTheComputingSideAndNeverKnowledge(Exchange exchange) {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(exchange));
        List<String> names = List.of("signed_content", "server_signature", "certificate_verify_hash",
                "ca_public_key", "tbs_certificate", "certificate_signature");
        int workings = 0;
        for (Step s : t.steps()) {
            assertThat(s.secrets()).map(Secret::name).as(s.name()).doesNotContainAnyElementsOf(names);
            if (s instanceof ComputationStep c) {
                for (Secret w : c.workings()) {
                    workings++;
                    assertThat(names).contains(w.name());
                    assertThat(w.knownBy()).as("%s at %s", w.name(), s.name()).containsExactly(c.party());
                    assertThat(w.formula()).isNotBlank();
                }
            }
        }
        assertThat(workings).isEqualTo(exchange == Exchange.RSA ? 3 : exchange.isTls13() ? 9 : 7);
        assertThat(t.secrets()).doesNotContainKeys(names.toArray(String[]::new));
    }

    /** The JSON export lists a step's workings beside its secrets, with the same fields, and keeps them out of the flat map. */
    @Test
    void theJsonListsWorkingsUnderTheirStep() throws Exception {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.DHE));
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(io.tlsviz.engine.export.TraceJson.toJson(t));
        com.fasterxml.jackson.databind.JsonNode signs = null;
        for (com.fasterxml.jackson.databind.JsonNode step : json.get("steps")) {
            if (step.get("name").asText().equals("server_signs_key_exchange")) {
                signs = step;
            }
            if (step.get("name").asText().endsWith("_hello")) {
                assertThat(step.has("workings")).isFalse();
            }
        }
        assertThat(signs).isNotNull();
        assertThat(signs.get("secrets")).isEmpty();
        com.fasterxml.jackson.databind.JsonNode signature = signs.get("workings").get(1);
        assertThat(signature.get("name").asText()).isEqualTo("server_signature");
        assertThat(signature.get("hex").asText()).isEqualTo(working(computation(t, "server_signs_key_exchange"),
                "server_signature").hex());
        assertThat(signature.get("known_by").toString()).isEqualTo("[\"server\"]");
        assertThat(signature.get("inputs").toString()).isEqualTo("[\"server_private_key\",\"signed_content\"]");
        assertThat(json.get("secrets").has("signed_content")).isFalse();
    }

    // ------------------------------------------------------------------ tampering

    @Test
    void aChangedDhValueInServerKeyExchangeFailsTheClientsCheckAndSaysTheParametersWereChanged() {
        // dh_Ys starts after dh_p (2 + 256) and dh_g (2 + 1) in the ServerKeyExchange body: record offset 272.
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.DHE),
                TamperSpec.parse("server_key_exchange:300:0x01"));
        ComputationStep checks = computation(t, "client_verifies_server_signature");
        assertThat(checks.failed()).isTrue();
        assertThat(checks.meaning()).startsWith("The signature does not verify: the key-exchange parameters the "
                + "client received are not the ones the server signed");
        assertThat(working(checks, "server_signature").formula())
                .contains("Verify(server_public_key, signed_content, server_signature) = invalid signature");
        // The client rebuilt what it received; the server signed what it sent.
        assertThat(working(checks, "signed_content").bytes())
                .isNotEqualTo(working(computation(t, "server_signs_key_exchange"), "signed_content").bytes());
        // The proof fails as proofs of a tampered handshake do: recorded, shown, not thrown. (The changed value is
        // also no longer the one the server made.)
        assertThat(t.proof().failures()).map(Proof.Check::name).containsExactlyInAnyOrder(
                "server_signature in ServerKeyExchange verifies over the client's signed_content",
                "server_dh_public is what crossed the wire");
        assertThat(t.proof().failures()).filteredOn(c -> c.name().contains("signed_content")).singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("The ServerKeyExchange was changed on the way"));
        assertThat(t.alert()).contains("decrypt_error");
        assertThat(t.completed()).isFalse();
        int at = t.steps().indexOf(checks);
        assertThat(t.steps().get(at + 1).name()).isEqualTo("client_rejects_record");
    }

    @Test
    void aChangedSignatureOrRandomSaysWhichPartDiffers() {
        Trace signature = HandshakeSession.run(ScenarioOptions.defaults(Exchange.ECDHE),
                TamperSpec.parse("server_key_exchange:100:0x01"));
        assertThat(computation(signature, "client_verifies_server_signature").meaning()).isEqualTo(
                "The signature does not verify: the client rebuilt exactly the bytes the server signed, so the "
                        + "signature itself (or the algorithm named with it) was changed on the way.");
        Trace clientRandom = HandshakeSession.run(ScenarioOptions.defaults(Exchange.ECDHE),
                TamperSpec.parse("client_hello:20:0x01"));
        assertThat(computation(clientRandom, "client_verifies_server_signature").meaning())
                .contains("the server signed another client_random than the one the client sent");
        Trace serverRandom = HandshakeSession.run(ScenarioOptions.defaults(Exchange.DHE),
                TamperSpec.parse("server_hello:20:0x01"));
        assertThat(computation(serverRandom, "client_verifies_server_signature").meaning())
                .contains("the server signed another server_random than the one the client received");
        for (Trace t : List.of(signature, clientRandom, serverRandom)) {
            assertThat(computation(t, "client_verifies_server_signature").failed()).isTrue();
            assertThat(computation(t, "server_signs_key_exchange").failed()).isFalse();
            assertThat(t.proof().failures()).hasSize(1);
        }
    }

    /** Where Bouncy Castle stops before the signature (a group it does not accept), no check of it is shown. */
    @Test
    void noSignatureCheckIsShownWhereBouncyCastleStoppedBeforeTheSignature() {
        Trace t = HandshakeSession.run(ScenarioOptions.defaults(Exchange.DHE),
                TamperSpec.parse("server_key_exchange:30:0x01")); // inside dh_p
        assertThat(t.step("client_verifies_server_signature")).isEmpty();
        assertThat(t.alert()).isPresent().get().isNotEqualTo("decrypt_error");
        assertThat(t.proof().failures()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** A signed_content formula evaluated: 0x hex bytes, "ASCII", N × 0xNN, and named values, joined by +. */
    private static byte[] recompute(String formula, Map<String, byte[]> values, ComputationStep step) {
        String prefix = "signed_content = ";
        assertThat(formula).startsWith(prefix);
        int comment = formula.lastIndexOf(" (");
        String expr = formula.substring(prefix.length(), comment);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher repeat = Pattern.compile("^(\\d+) \u00d7 0x([0-9a-f]{2})$").matcher("");
        for (String part : expr.split(" \\+ ")) {
            if (repeat.reset(part).matches()) {
                for (int i = 0; i < Integer.parseInt(repeat.group(1)); i++) {
                    out.write(Integer.parseInt(repeat.group(2), 16));
                }
            } else if (part.startsWith("0x")) {
                out.writeBytes(HEX.parseHex(part.substring(2)));
            } else if (part.startsWith("\"")) {
                out.writeBytes(part.substring(1, part.length() - 1).getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] v = values.containsKey(part) ? values.get(part) : working(step, part).bytes();
                out.writeBytes(v);
            }
        }
        return out.toByteArray();
    }

    /** Checks a signature with the JDK, set up from nothing but the parameters the formula names. */
    private static boolean jdkVerifies(String formula, PublicKey key, byte[] content, byte[] signature)
            throws Exception {
        Matcher pss = Pattern.compile("RSASSA-PSS-Sign\\(.*\\), Hash = (SHA-\\d+), MGF = MGF1\\((SHA-\\d+)\\), "
                + "sLen = (\\d+);").matcher(formula);
        Matcher pkcs1 = Pattern.compile("RSASSA-PKCS1-v1_5-Sign\\(.*\\), Hash = SHA-(\\d+);").matcher(formula);
        Signature v;
        if (pss.find()) {
            v = Signature.getInstance("RSASSA-PSS");
            v.setParameter(new PSSParameterSpec(pss.group(1), "MGF1", new MGF1ParameterSpec(pss.group(2)),
                    Integer.parseInt(pss.group(3)), 1));
        } else if (pkcs1.find()) {
            v = Signature.getInstance("SHA" + pkcs1.group(1) + "withRSA");
        } else {
            throw new AssertionError("no RSA signature parameters in: " + formula);
        }
        v.initVerify(key);
        v.update(content);
        return v.verify(signature);
    }

    /** The handshake content of a record: in the clear, or (TLS 1.3) decrypted without its type and padding. */
    private static byte[] handshakeContent(MessageStep m) {
        if (!m.encrypted()) {
            return Arrays.copyOfRange(m.record(), 5, m.record().length);
        }
        byte[] inner = m.plaintext().orElseThrow();
        int end = inner.length;
        while (inner[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(inner, end - 1);
    }

    private static byte[] body(Trace t, String name) {
        return handshakeContent((MessageStep) t.step(name).orElseThrow());
    }

    /** RFC 5246 section 7.4.2 / RFC 8446 section 4.4.2: the first entry of the certificate_list. */
    private static X509Certificate serverCertificate(byte[] msg, boolean tls13) throws Exception {
        int at = 4 + (tls13 ? 1 + (msg[4] & 0xff) : 0) + 3;
        int length = u24(msg, at);
        byte[] der = Arrays.copyOfRange(msg, at + 3, at + 3 + length);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static ComputationStep computation(Trace t, String name) {
        return (ComputationStep) t.step(name).orElseThrow(() -> new AssertionError("no step " + name));
    }

    private static Secret working(ComputationStep step, String name) {
        return step.workings().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(step.name() + " shows no " + name));
    }

    private static int vectors16(byte[] b, int at, int count) {
        for (int i = 0; i < count; i++) {
            at += 2 + u16(b, at);
        }
        return at;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static int u24(byte[] b, int at) {
        return ((b[at] & 0xff) << 16) | u16(b, at + 1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
