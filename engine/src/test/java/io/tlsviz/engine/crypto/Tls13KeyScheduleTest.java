package io.tlsviz.engine.crypto;

import io.tlsviz.engine.testsupport.Vectors;

import static io.tlsviz.engine.testsupport.Vectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsviz.engine.Hex;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 8448 section 3 (Simple 1-RTT Handshake, TLS_AES_128_GCM_SHA256): every value of the key schedule in
 * the vector file, with the transcript hashes computed from its handshake messages. SHA-384 has no
 * published trace, so Bouncy Castle's HKDF serves as the oracle there.
 */
class Tls13KeyScheduleTest {
    private static final JsonNode RFC8448 = Vectors.load("rfc8448_simple_1rtt.json").json();
    private static final CipherSuite SUITE = CipherSuite.TLS_AES_128_GCM_SHA256;
    private static final byte[] NO_CONTEXT = new byte[0];

    private static byte[] transcriptThroughServerHello() {
        return Tls13KeySchedule.transcriptHash(SUITE, bytes(RFC8448, "client_hello_message"),
                bytes(RFC8448, "server_hello_message"));
    }

    /** ClientHello..CertificateVerify: what the server Finished MACs (RFC 8446 section 4.4.4). */
    private static byte[] transcriptThroughCertificateVerify() {
        return Tls13KeySchedule.transcriptHash(SUITE, serverFlight(false));
    }

    private static byte[] transcriptThroughServerFinished() {
        return Tls13KeySchedule.transcriptHash(SUITE, serverFlight(true));
    }

    private static byte[][] serverFlight(boolean withFinished) {
        Stream<String> names = Stream.of("client_hello_message", "server_hello_message",
                "encrypted_extensions_message", "certificate_message", "certificate_verify_message",
                "server_finished_message");
        return names.limit(withFinished ? 6 : 5).map(n -> bytes(RFC8448, n)).toArray(byte[][]::new);
    }

    private static Tls13KeySchedule.Secrets rfc8448Secrets() {
        return Tls13KeySchedule.compute(SUITE, bytes(RFC8448, "shared_secret_ecdhe"),
                transcriptThroughServerHello(), transcriptThroughServerFinished());
    }

    private static void assertHex(byte[] actual, String field) {
        assertThat(Hex.of(actual)).as(field).isEqualTo(RFC8448.get(field).asText());
    }

    @Test
    void transcriptHashesMatchRfc8448() {
        assertHex(Tls13KeySchedule.transcriptHash(SUITE), "empty_hash_sha256");
        assertHex(transcriptThroughServerHello(), "transcript_hash_ch_sh");
        assertHex(transcriptThroughServerFinished(), "transcript_hash_through_server_finished");
        byte[][] withClientFinished = Arrays.copyOf(serverFlight(true), 7);
        withClientFinished[6] = bytes(RFC8448, "client_finished_message");
        assertHex(Tls13KeySchedule.transcriptHash(SUITE, withClientFinished),
                "transcript_hash_through_client_finished");
    }

    @Test
    void hkdfLabelsMatchRfc8448() {
        byte[] emptyHash = bytes(RFC8448, "empty_hash_sha256");
        assertHex(Tls13KeySchedule.hkdfLabel("derived", emptyHash, 32), "derived_info_hkdflabel");
        assertHex(Tls13KeySchedule.hkdfLabel("c hs traffic", transcriptThroughServerHello(), 32),
                "c_hs_traffic_info_hkdflabel");
        assertHex(Tls13KeySchedule.hkdfLabel("key", NO_CONTEXT, 16), "key_info_hkdflabel_len16");
        assertHex(Tls13KeySchedule.hkdfLabel("iv", NO_CONTEXT, 12), "iv_info_hkdflabel_len12");
        assertHex(Tls13KeySchedule.hkdfLabel("finished", NO_CONTEXT, 32), "finished_info_hkdflabel");
    }

    @Test
    void stepByStepDerivationMatchesRfc8448() {
        byte[] emptyHash = Tls13KeySchedule.transcriptHash(SUITE);
        byte[] early = Tls13KeySchedule.hkdfExtract("HmacSHA256", new byte[32], new byte[32]);
        assertHex(early, "early_secret");

        byte[] derivedForHandshake = Tls13KeySchedule.deriveSecret(SUITE, early, "derived", emptyHash);
        assertHex(derivedForHandshake, "derived_for_handshake");
        byte[] handshake = Tls13KeySchedule.hkdfExtract("HmacSHA256", derivedForHandshake,
                bytes(RFC8448, "shared_secret_ecdhe"));
        assertHex(handshake, "handshake_secret");

        byte[] derivedForMaster = Tls13KeySchedule.deriveSecret(SUITE, handshake, "derived", emptyHash);
        assertHex(derivedForMaster, "derived_for_master");
        assertHex(Tls13KeySchedule.hkdfExtract("HmacSHA256", derivedForMaster, new byte[32]), "master_secret");
    }

    @Test
    void computeGivesEverySecretOfRfc8448() {
        Tls13KeySchedule.Secrets x = rfc8448Secrets();

        assertHex(x.earlySecret(), "early_secret");
        assertHex(x.handshakeSecret(), "handshake_secret");
        assertHex(x.clientHandshakeTrafficSecret(), "client_handshake_traffic_secret");
        assertHex(x.serverHandshakeTrafficSecret(), "server_handshake_traffic_secret");
        assertHex(x.masterSecret(), "master_secret");
        assertHex(x.clientApplicationTrafficSecret0(), "client_application_traffic_secret_0");
        assertHex(x.serverApplicationTrafficSecret0(), "server_application_traffic_secret_0");
        assertHex(x.exporterMasterSecret(), "exporter_master_secret");
    }

    @Test
    void trafficKeysMatchRfc8448() {
        Tls13KeySchedule.Secrets x = rfc8448Secrets();

        Tls13KeySchedule.TrafficKeys clientHs = Tls13KeySchedule.trafficKeys(SUITE, x.clientHandshakeTrafficSecret());
        Tls13KeySchedule.TrafficKeys serverHs = Tls13KeySchedule.trafficKeys(SUITE, x.serverHandshakeTrafficSecret());
        Tls13KeySchedule.TrafficKeys clientAp =
                Tls13KeySchedule.trafficKeys(SUITE, x.clientApplicationTrafficSecret0());
        Tls13KeySchedule.TrafficKeys serverAp =
                Tls13KeySchedule.trafficKeys(SUITE, x.serverApplicationTrafficSecret0());

        assertHex(clientHs.key(), "client_handshake_write_key");
        assertHex(clientHs.iv(), "client_handshake_write_iv");
        assertHex(serverHs.key(), "server_handshake_write_key");
        assertHex(serverHs.iv(), "server_handshake_write_iv");
        assertHex(clientAp.key(), "client_application_write_key");
        assertHex(clientAp.iv(), "client_application_write_iv");
        assertHex(serverAp.key(), "server_application_write_key");
        assertHex(serverAp.iv(), "server_application_write_iv");
    }

    @Test
    void finishedKeysAndVerifyDataMatchRfc8448() {
        Tls13KeySchedule.Secrets x = rfc8448Secrets();

        assertHex(Tls13KeySchedule.finishedKey(SUITE, x.serverHandshakeTrafficSecret()), "server_finished_key");
        assertHex(Tls13KeySchedule.finishedKey(SUITE, x.clientHandshakeTrafficSecret()), "client_finished_key");
        byte[] serverVerify = Tls13KeySchedule.verifyData(SUITE, x.serverHandshakeTrafficSecret(),
                transcriptThroughCertificateVerify());
        byte[] clientVerify = Tls13KeySchedule.verifyData(SUITE, x.clientHandshakeTrafficSecret(),
                transcriptThroughServerFinished());
        assertHex(serverVerify, "server_finished_verify_data");
        assertHex(clientVerify, "client_finished_verify_data");
        // Finished = type 20, uint24 length, verify_data (RFC 8446 section 4.4.4)
        assertHex(Tls12KeyScheduleTest.concat(Hex.parse("14000020"), serverVerify), "server_finished_message");
        assertHex(Tls12KeyScheduleTest.concat(Hex.parse("14000020"), clientVerify), "client_finished_message");
    }

    @Test
    void resumptionMasterSecretMatchesRfc8448() {
        assertHex(Tls13KeySchedule.resumptionMasterSecret(SUITE, rfc8448Secrets().masterSecret(),
                bytes(RFC8448, "transcript_hash_through_client_finished")), "resumption_master_secret");
    }

    static Stream<CipherSuite> tls13Suites() {
        return Arrays.stream(CipherSuite.values()).filter(CipherSuite::isTls13);
    }

    /** The whole schedule rebuilt on Bouncy Castle's HKDF (RFC 8446 section 7.1) for each TLS 1.3 suite. */
    @ParameterizedTest
    @MethodSource("tls13Suites")
    void computeAgreesWithBouncyCastlesHkdf(CipherSuite s) throws IOException {
        Random random = new Random(s.code());
        byte[] shared = Tls12KeyScheduleTest.bytes(random, 32);
        byte[] helloHash = Tls12KeyScheduleTest.bytes(random, s.hashLength());
        byte[] handshakeHash = Tls12KeyScheduleTest.bytes(random, s.hashLength());
        int h = s.hashLength() == 48 ? CryptoHashAlgorithm.sha384 : CryptoHashAlgorithm.sha256;
        BcTlsCrypto bc = new BcTlsCrypto();
        byte[] zeros = new byte[s.hashLength()];
        byte[] emptyHash = bc.createHash(h).calculateHash();

        byte[] early = bcExtract(bc, h, zeros, zeros);
        byte[] handshake = bcExtract(bc, h, bcExpandLabel(bc, h, early, "derived", emptyHash, zeros.length), shared);
        byte[] master = bcExtract(bc, h, bcExpandLabel(bc, h, handshake, "derived", emptyHash, zeros.length), zeros);
        Tls13KeySchedule.Secrets x = Tls13KeySchedule.compute(s, shared, helloHash, handshakeHash);

        assertThat(x.earlySecret()).containsExactly(early);
        assertThat(x.handshakeSecret()).containsExactly(handshake);
        assertThat(x.clientHandshakeTrafficSecret())
                .containsExactly(bcExpandLabel(bc, h, handshake, "c hs traffic", helloHash, zeros.length));
        assertThat(x.serverHandshakeTrafficSecret())
                .containsExactly(bcExpandLabel(bc, h, handshake, "s hs traffic", helloHash, zeros.length));
        assertThat(x.masterSecret()).containsExactly(master);
        assertThat(x.clientApplicationTrafficSecret0())
                .containsExactly(bcExpandLabel(bc, h, master, "c ap traffic", handshakeHash, zeros.length));
        assertThat(x.serverApplicationTrafficSecret0())
                .containsExactly(bcExpandLabel(bc, h, master, "s ap traffic", handshakeHash, zeros.length));
        assertThat(x.exporterMasterSecret())
                .containsExactly(bcExpandLabel(bc, h, master, "exp master", handshakeHash, zeros.length));

        byte[] serverHs = x.serverHandshakeTrafficSecret();
        Tls13KeySchedule.TrafficKeys keys = Tls13KeySchedule.trafficKeys(s, serverHs);
        assertThat(keys.key()).hasSize(s.keyLength())
                .containsExactly(bcExpandLabel(bc, h, serverHs, "key", NO_CONTEXT, s.keyLength()));
        assertThat(keys.iv()).hasSize(12).containsExactly(bcExpandLabel(bc, h, serverHs, "iv", NO_CONTEXT, 12));
        assertThat(Tls13KeySchedule.finishedKey(s, serverHs)).hasSize(s.hashLength())
                .containsExactly(bcExpandLabel(bc, h, serverHs, "finished", NO_CONTEXT, s.hashLength()));
    }

    @Test
    void hkdfExpandRefusesMoreThan255Blocks() {
        assertThatThrownBy(() -> Tls13KeySchedule.hkdfExpand("HmacSHA256", new byte[32], NO_CONTEXT, 255 * 32 + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Tls13KeySchedule.hkdfExpand("HmacSHA256", new byte[32], NO_CONTEXT, 255 * 32)).hasSize(255 * 32);
    }

    @Test
    void rejectsATls12Suite() {
        assertThatThrownBy(() -> Tls13KeySchedule.compute(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                new byte[32], new byte[32], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TLS 1.2 suite");
    }

    // Bouncy Castle's secrets are single-use (extract() destroys them), so each call starts from bytes.
    private static byte[] bcExtract(BcTlsCrypto bc, int hash, byte[] salt, byte[] ikm) {
        return bc.createSecret(salt).hkdfExtract(hash, bc.createSecret(ikm)).extract();
    }

    private static byte[] bcExpandLabel(BcTlsCrypto bc, int hash, byte[] secret, String label, byte[] context,
            int length) throws IOException {
        return TlsCryptoUtils.hkdfExpandLabel(bc.createSecret(secret), hash, label, context, length).extract();
    }
}
