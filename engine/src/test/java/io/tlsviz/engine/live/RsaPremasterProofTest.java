package io.tlsviz.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ProofFailedException;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/**
 * The RSA premaster is proven with the public key: the client's padded block, raised to e mod n, must be the
 * ciphertext that arrived, and must hold the server's premaster.
 */
class RsaPremasterProofTest {

    private static final RSAPublicKey KEY = DemoPki.shipped().serverPublicKeyJdk();

    private static byte[] block(int paddingLength, byte[] message) {
        int k = (KEY.getModulus().bitLength() + 7) / 8;
        byte[] em = new byte[k];
        em[1] = 2;
        Arrays.fill(em, 2, 2 + paddingLength, (byte) 0x5a);
        System.arraycopy(message, 0, em, k - message.length, message.length);
        return em;
    }

    @Test
    void pkcs1MessageReadsWellFormedBlocksOnly() {
        byte[] premaster = new byte[48];
        Arrays.fill(premaster, (byte) 0x11);
        premaster[0] = 3;
        premaster[1] = 3;
        int k = (KEY.getModulus().bitLength() + 7) / 8;
        byte[] em = block(k - 3 - 48, premaster);
        assertThat(Arithmetic.pkcs1Message(em)).isEqualTo(premaster);

        byte[] wrongType = em.clone();
        wrongType[1] = 1;
        assertThat(Arithmetic.pkcs1Message(wrongType)).isNull();
        byte[] noSeparator = em.clone();
        noSeparator[k - 49] = 0x5a;
        assertThat(Arithmetic.pkcs1Message(noSeparator)).as("padding runs to the end").isNull();
        assertThat(Arithmetic.pkcs1Message(block(7, new byte[k - 10]))).as("padding shorter than 8 bytes").isNull();
        assertThat(Arithmetic.pkcs1Message(block(8, new byte[k - 11]))).hasSize(k - 11);
    }

    @Test
    void rsaEncryptsAgreesWithTheJdksRawRsa() throws Exception {
        int k = (KEY.getModulus().bitLength() + 7) / 8;
        byte[] em = block(k - 3 - 48, new byte[48]);
        Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding");
        raw.init(Cipher.ENCRYPT_MODE, KEY);
        byte[] c = raw.doFinal(em);

        assertThat(Arithmetic.rsaEncrypts(KEY, em, c)).isTrue();
        byte[] flipped = c.clone();
        flipped[100] ^= 1;
        assertThat(Arithmetic.rsaEncrypts(KEY, em, flipped)).isFalse();
        byte[] otherBlock = em.clone();
        otherBlock[k - 1] ^= 1;
        assertThat(Arithmetic.rsaEncrypts(KEY, otherBlock, c)).isFalse();
        assertThat(Arithmetic.rsaEncrypts(KEY, Arrays.copyOf(em, k - 1), c)).as("wrong length").isFalse();
        assertThat(Arithmetic.rsaEncrypts(KEY, null, c)).isFalse();
    }

    @Test
    void theShippedKeyPairMatchesAndAForeignPrivateKeyDoesNot() {
        assertThat(DemoPki.shipped().keyPairMatches()).isTrue();
        DemoPki other = DemoPki.generate(new SecureRandom(new byte[] {7}));
        DemoPki mixed = new DemoPki(DemoPki.shipped().caCertificate(), DemoPki.shipped().serverCertificate(),
                other.serverPrivateKey());
        assertThat(mixed.keyPairMatches()).isFalse();

        // The server then decrypts nonsense; the proof says so instead of showing a premaster it cannot vouch for.
        assertThatThrownBy(() -> HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA), mixed))
                .isInstanceOf(ProofFailedException.class)
                .hasMessageContaining("RSA-Decrypt(server_private_key, encrypted_premaster_secret)")
                .hasMessageContaining("not one RSA key pair");
    }

    @Test
    void theRsaHandshakeCarriesTheProvenPremasterCheck() throws Exception {
        Trace trace = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));
        assertThat(trace.proof().checks())
                .filteredOn(c -> c.name().contains("RSA-Decrypt"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.passed()).isTrue();
                    assertThat(c.detail()).contains("raised to e mod n");
                });
        // The public-key statement is the private-key one: the JDK's decryption of what crossed the wire agrees.
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding", "SunJCE");
        rsa.init(Cipher.DECRYPT_MODE, DemoPki.shipped().serverPrivateKeyJdk());
        byte[] decrypted = rsa.doFinal(trace.secrets().get("encrypted_premaster_secret"));
        assertThat(decrypted).isEqualTo(trace.secrets().get("premaster_secret"));
        assertThat(new BigInteger(1, trace.secrets().get("encrypted_premaster_secret")))
                .isLessThan(KEY.getModulus());
    }

    @Test
    void aChangedCiphertextFailsTheCheckInsteadOfThrowingAndTheServerEndsUpWithAnotherPremaster() {
        // Byte 20 of the ClientKeyExchange record lies in the RSA ciphertext (5 record + 4 handshake + 2 length).
        Trace trace = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA),
                new io.tlsviz.engine.TamperSpec("client_key_exchange", 20, 0x01));
        assertThat(trace.completed()).isFalse();
        assertThat(trace.proof().checks())
                .filteredOn(c -> c.name().contains("RSA-Decrypt"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.detail()).isEqualTo("what arrived is not the RSA encryption of the client's PKCS#1 block");
                });
        java.util.List<byte[]> premasters = trace.steps().stream()
                .flatMap(step -> step.secrets().stream())
                .filter(secret -> secret.name().equals("premaster_secret"))
                .map(io.tlsviz.engine.Secret::bytes)
                .toList();
        assertThat(premasters).hasSize(2);
        assertThat(premasters.get(1)).as("the server's (RFC 5246 7.4.7.1: a random one)").isNotEqualTo(premasters.get(0));
    }
}
