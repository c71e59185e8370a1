package io.tlsviz.engine.crypto;

import io.tlsviz.engine.testsupport.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsviz.engine.Hex;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsHash;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Published PRF vectors, then Bouncy Castle's own PRF as an independent oracle for the derivations built
 * on it (master secret, extended master secret, key block, Finished) for every TLS 1.2 suite.
 */
class Tls12KeyScheduleTest {
    private static final BcTlsCrypto BC = new BcTlsCrypto();

    static Stream<JsonNode> prfVectors() {
        return StreamSupport.stream(Vectors.load("tls12_prf_sha256.json").json().get("vectors").spliterator(), false);
    }

    static Stream<CipherSuite> tls12Suites() {
        return Arrays.stream(CipherSuite.values()).filter(s -> !s.isTls13());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("prfVectors")
    void prfMatchesThePublishedVectors(JsonNode v) {
        String hmac = "Hmac" + v.get("hash").asText().toUpperCase(java.util.Locale.ROOT);
        byte[] expected = Vectors.bytes(v, "output");

        byte[] out = Tls12KeySchedule.prf(hmac, Vectors.bytes(v, "secret"), v.get("label").asText(),
                Vectors.bytes(v, "seed"), expected.length);

        assertThat(out).hasSize(v.get("output_length").asInt());
        assertThat(Hex.of(out)).isEqualTo(Hex.of(expected));
    }

    @Test
    void shorterPrfOutputIsAPrefixOfLongerOutput() {
        byte[] secret = Hex.parse("0102030405");
        byte[] seed = Hex.parse("a0a1a2");
        byte[] longer = Tls12KeySchedule.prf("HmacSHA256", secret, "some label", seed, 97);
        for (int length : new int[] {0, 1, 31, 32, 33, 64, 96}) {
            assertThat(Tls12KeySchedule.prf("HmacSHA256", secret, "some label", seed, length))
                    .containsExactly(Arrays.copyOf(longer, length));
        }
    }

    @ParameterizedTest
    @MethodSource("tls12Suites")
    void masterSecretIsThePrfOfBothRandoms(CipherSuite s) {
        Random random = new Random(s.code());
        byte[] premaster = bytes(random, 48);
        byte[] clientRandom = bytes(random, 32);
        byte[] serverRandom = bytes(random, 32);

        byte[] master = Tls12KeySchedule.masterSecret(s, premaster, clientRandom, serverRandom);

        assertThat(master).hasSize(48)
                .containsExactly(bcPrf(s, premaster, "master secret", concat(clientRandom, serverRandom), 48));
    }

    @ParameterizedTest
    @MethodSource("tls12Suites")
    void extendedMasterSecretUsesTheSessionHashAndDiffersFromTheClassicOne(CipherSuite s) {
        Random random = new Random(s.code());
        byte[] premaster = bytes(random, 48);
        byte[] clientRandom = bytes(random, 32);
        byte[] serverRandom = bytes(random, 32);
        byte[] sessionHash = bytes(random, s.hashLength());

        byte[] ems = Tls12KeySchedule.extendedMasterSecret(s, premaster, sessionHash);

        assertThat(ems).hasSize(48)
                .containsExactly(bcPrf(s, premaster, "extended master secret", sessionHash, 48));
        assertThat(ems).isNotEqualTo(Tls12KeySchedule.masterSecret(s, premaster, clientRandom, serverRandom));
    }

    @ParameterizedTest
    @MethodSource("tls12Suites")
    void keyBlockSplitsIntoMacKeysWriteKeysAndIvs(CipherSuite s) {
        Random random = new Random(s.code());
        byte[] master = bytes(random, 48);
        byte[] clientRandom = bytes(random, 32);
        byte[] serverRandom = bytes(random, 32);

        Tls12KeySchedule.KeyBlock kb = Tls12KeySchedule.keyBlock(s, master, clientRandom, serverRandom);

        int macLength = s.isAead() ? 0 : s.mac().length();
        int ivLength = s.isAead() ? 4 : 0; // RFC 5246 section 6.3: fixed_iv_length, 0 for CBC
        assertThat(kb.clientWriteMacKey()).hasSize(macLength);
        assertThat(kb.serverWriteMacKey()).hasSize(macLength);
        assertThat(kb.clientWriteKey()).hasSize(s.keyLength());
        assertThat(kb.serverWriteKey()).hasSize(s.keyLength());
        assertThat(kb.clientWriteIv()).hasSize(ivLength);
        assertThat(kb.serverWriteIv()).hasSize(ivLength);
        if (!s.isAead()) {
            assertThat(s.mac().length()).isIn(20, 32, 48);
        }
        // RFC 5246 section 6.3: the parts in this order tile PRF(master, "key expansion", server + client random).
        byte[] whole = concat(kb.clientWriteMacKey(), kb.serverWriteMacKey(), kb.clientWriteKey(),
                kb.serverWriteKey(), kb.clientWriteIv(), kb.serverWriteIv());
        assertThat(whole).hasSize(kb.length())
                .containsExactly(bcPrf(s, master, "key expansion", concat(serverRandom, clientRandom), whole.length));
    }

    /**
     * RFC 5246 section 6.3 and appendix C: a CBC key block is two MAC keys and two write keys, nothing more (each
     * record brings its own IV); a GCM key block is two write keys and two 4-byte implicit IVs (RFC 5288 section 3).
     */
    @ParameterizedTest(name = "{0}: {1} bytes")
    @CsvSource({
        "TLS_RSA_WITH_AES_128_CBC_SHA256, 96",
        "TLS_RSA_WITH_AES_128_CBC_SHA, 72",
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, 160",
        "TLS_RSA_WITH_AES_128_GCM_SHA256, 40",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, 72",
    })
    void keyBlockHasExactlyTheLengthRfc5246Gives(CipherSuite s, int length) {
        Tls12KeySchedule.KeyBlock kb = Tls12KeySchedule.keyBlock(s, new byte[48], new byte[32], new byte[32]);

        assertThat(kb.length()).isEqualTo(length);
        assertThat(s.fixedIvLength()).isEqualTo(s.isAead() ? 4 : 0);
        assertThat(kb.clientWriteIv()).hasSize(s.fixedIvLength());
        assertThat(kb.serverWriteIv()).hasSize(s.fixedIvLength());
        assertThat(s.recordIvLength()).as("the IV or nonce each record carries").isEqualTo(s.isAead() ? 8 : 16);
    }

    @ParameterizedTest
    @MethodSource("tls12Suites")
    void verifyDataIsTwelveBytesOfThePrfOfTheTranscriptHash(CipherSuite s) {
        Random random = new Random(s.code());
        byte[] master = bytes(random, 48);
        byte[] clientHello = bytes(random, 90);
        byte[] serverHello = bytes(random, 70);
        byte[] handshakeHash = Tls12KeySchedule.transcriptHash(s, clientHello, serverHello);

        byte[] client = Tls12KeySchedule.verifyData(s, master, true, handshakeHash);
        byte[] server = Tls12KeySchedule.verifyData(s, master, false, handshakeHash);

        assertThat(handshakeHash).hasSize(s.hashLength()).containsExactly(bcHash(s, clientHello, serverHello));
        assertThat(client).containsExactly(bcPrf(s, master, "client finished", handshakeHash, 12));
        assertThat(server).containsExactly(bcPrf(s, master, "server finished", handshakeHash, 12));
        assertThat(client).isNotEqualTo(server);
    }

    @Test
    void rejectsATls13Suite() {
        assertThatThrownBy(() -> Tls12KeySchedule.masterSecret(CipherSuite.TLS_AES_128_GCM_SHA256,
                new byte[48], new byte[32], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TLS 1.3 suite");
    }

    @Test
    void keyBlockKeepsItsBytesToItself() {
        byte[] key = {1, 2, 3};
        Tls12KeySchedule.KeyBlock kb = new Tls12KeySchedule.KeyBlock(new byte[0], new byte[0], key, key,
                new byte[4], new byte[4]);
        key[0] = 9;
        kb.clientWriteKey()[1] = 9;
        assertThat(kb.clientWriteKey()).containsExactly(1, 2, 3);
        assertThat(kb.toString()).doesNotContain("010203");
    }

    /** Bouncy Castle's TLS 1.2 PRF, the oracle (used only in tests). */
    private static byte[] bcPrf(CipherSuite s, byte[] secret, String label, byte[] seed, int length) {
        int prf = "SHA-384".equals(s.hash()) ? PRFAlgorithm.tls_prf_sha384 : PRFAlgorithm.tls_prf_sha256;
        return BC.createSecret(secret).deriveUsingPRF(prf, label, seed, length).extract();
    }

    private static byte[] bcHash(CipherSuite s, byte[]... parts) {
        TlsHash hash = BC.createHash(
                "SHA-384".equals(s.hash()) ? CryptoHashAlgorithm.sha384 : CryptoHashAlgorithm.sha256);
        for (byte[] part : parts) {
            hash.update(part, 0, part.length);
        }
        return hash.calculateHash();
    }

    static byte[] bytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
