package io.tlsviz.engine.crypto;

import static io.tlsviz.engine.crypto.RecordProtection.APPLICATION_DATA;
import static io.tlsviz.engine.crypto.RecordProtection.HANDSHAKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.tlsviz.engine.crypto.RecordProtection.BadRecordException;
import io.tlsviz.engine.crypto.RecordProtection.Decrypted;
import io.tlsviz.engine.crypto.RecordProtection.Keys;
import io.tlsviz.engine.testsupport.Vectors;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordProtectionTest {

    private static final Vectors RFC8448 = Vectors.load("rfc8448_simple_1rtt.json");
    private static final CipherSuite TLS13_SUITE = CipherSuite.TLS_AES_128_GCM_SHA256;

    private static Keys serverHandshakeKeys() {
        return Keys.tls13(TLS13_SUITE, RFC8448.bytes("server_handshake_write_key"),
                RFC8448.bytes("server_handshake_write_iv"));
    }

    private static Keys clientHandshakeKeys() {
        return Keys.tls13(TLS13_SUITE, RFC8448.bytes("client_handshake_write_key"),
                RFC8448.bytes("client_handshake_write_iv"));
    }

    /** RFC 8448 section 3: EncryptedExtensions, Certificate, CertificateVerify, Finished in one record. */
    private static byte[] serverFlight() {
        return concat(RFC8448.bytes("encrypted_extensions_message"), RFC8448.bytes("certificate_message"),
                RFC8448.bytes("certificate_verify_message"), RFC8448.bytes("server_finished_message"));
    }

    // ---- TLS 1.3, RFC 8448 ----

    @Test
    void decryptsTheRfc8448ServerFlight() throws Exception {
        Decrypted d = RecordProtection.decrypt(serverHandshakeKeys(), 0,
                RFC8448.bytes("server_encrypted_handshake_record"));

        assertThat(d.contentType()).isEqualTo(HANDSHAKE);
        assertThat(d.content()).containsExactly(serverFlight());
    }

    @Test
    void decryptsTheRfc8448ClientFinished() throws Exception {
        Decrypted d = RecordProtection.decrypt(clientHandshakeKeys(), 0,
                RFC8448.bytes("client_encrypted_finished_record"));

        assertThat(d.contentType()).isEqualTo(HANDSHAKE);
        assertThat(d.content()).containsExactly(RFC8448.bytes("client_finished_message"));
    }

    @Test
    void encryptsTheRfc8448RecordsByteForByte() {
        // RFC 8448 adds no padding to its inner plaintexts, and neither does encrypt.
        assertThat(RecordProtection.encrypt(serverHandshakeKeys(), 0, HANDSHAKE, serverFlight(), null))
                .containsExactly(RFC8448.bytes("server_encrypted_handshake_record"));
        assertThat(RecordProtection.encrypt(clientHandshakeKeys(), 0, HANDSHAKE,
                RFC8448.bytes("client_finished_message"), null))
                .containsExactly(RFC8448.bytes("client_encrypted_finished_record"));
    }

    @Test
    void wrongSequenceNumberOrKeyFailsTheTag() {
        byte[] record = RFC8448.bytes("server_encrypted_handshake_record");
        assertThatThrownBy(() -> RecordProtection.decrypt(serverHandshakeKeys(), 1, record))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("authentication tag does not verify (bad_record_mac)");
        assertThatThrownBy(() -> RecordProtection.decrypt(clientHandshakeKeys(), 0, record))
                .isInstanceOf(BadRecordException.class)
                .hasMessageContaining("bad_record_mac");
    }

    @Test
    void tls13StripsZeroPaddingAndRejectsAllZeros() throws Exception {
        // Built by hand with the JDK (RFC 8446 section 5.2-5.4): content || type || zeros, nonce = iv XOR seq.
        byte[] key = bytes(16, 1);
        byte[] iv = bytes(12, 50);
        long seq = 0x0102030405060708L;
        Keys keys = Keys.tls13(TLS13_SUITE, key, iv);
        byte[] content = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] inner = concat(content, new byte[] {APPLICATION_DATA}, new byte[7]);

        Decrypted d = RecordProtection.decrypt(keys, seq, handSealed13(key, iv, seq, inner));
        assertThat(d).isEqualTo(new Decrypted(APPLICATION_DATA, content, 7));
        assertThat(d.tls13InnerPlaintext()).containsExactly(inner);

        assertThatThrownBy(() -> RecordProtection.decrypt(keys, seq, handSealed13(key, iv, seq, new byte[4])))
                .isInstanceOf(BadRecordException.class)
                .hasMessageContaining("no content type");
    }

    @Test
    void tls13RejectsAnOuterTypeOtherThanApplicationData() {
        byte[] record = RFC8448.bytes("server_encrypted_handshake_record");
        record[0] = HANDSHAKE;
        assertThatThrownBy(() -> RecordProtection.decrypt(serverHandshakeKeys(), 0, record))
                .isInstanceOf(BadRecordException.class)
                .hasMessageContaining("not application_data");
    }

    // ---- TLS 1.2 ----

    static Stream<Arguments> tls12Configurations() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite suite : CipherSuite.values()) {
            if (suite.isTls13()) {
                continue;
            }
            out.add(Arguments.of(suite, false));
            if (!suite.isAead()) {
                out.add(Arguments.of(suite, true));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} encrypt_then_mac={1}")
    @MethodSource("tls12Configurations")
    void tls12RoundTripsEveryLength(CipherSuite suite, boolean encryptThenMac) throws Exception {
        Keys keys = tls12Keys(suite, encryptThenMac);
        for (int length : new int[] {0, 1, 15, 16, 17, 31, 32, 100, 1 << 14}) {
            byte[] content = bytes(length, length);
            long seq = 0xfffffffffffffff0L + length; // also exercises the unsigned top of the range
            byte[] record = RecordProtection.encrypt(keys, seq, APPLICATION_DATA, content, explicit(suite, length));

            assertThat(record[0]).isEqualTo((byte) APPLICATION_DATA);
            assertThat(Arrays.copyOfRange(record, 1, 3)).containsExactly(3, 3);
            assertThat(((record[3] & 0xff) << 8) | (record[4] & 0xff)).isEqualTo(record.length - 5);
            assertThat(RecordProtection.decrypt(keys, seq, record))
                    .isEqualTo(new Decrypted(APPLICATION_DATA, content));
            assertThatThrownBy(() -> RecordProtection.decrypt(keys, seq + 1, record))
                    .isInstanceOf(BadRecordException.class);
        }
    }

    @ParameterizedTest(name = "{0} encrypt_then_mac={1}")
    @MethodSource("tls12Configurations")
    void tls12RecordLayoutMatchesTheRfcs(CipherSuite suite, boolean encryptThenMac) throws Exception {
        Keys keys = tls12Keys(suite, encryptThenMac);
        byte[] content = bytes(20, 3);
        byte[] record = RecordProtection.encrypt(keys, 5, HANDSHAKE, content, explicit(suite, 0));
        int mac = suite.macKeyLength();
        int expectedLength;
        if (suite.isAead()) {
            expectedLength = 8 + content.length + 16; // RFC 5288 section 3
        } else {
            // RFC 5246 section 6.2.3.2: IV + blocks of content (+ MAC for MtE) + padding; EtM appends the MAC.
            int macInside = encryptThenMac ? 0 : mac;
            int blocks = (content.length + macInside) / 16 + 1;
            expectedLength = 16 + blocks * 16 + (encryptThenMac ? mac : 0);
        }
        assertThat(record).hasSize(5 + expectedLength);
        // The explicit nonce or IV travels in the clear right after the header.
        assertThat(Arrays.copyOfRange(record, 5, 5 + suite.recordIvLength())).containsExactly(explicit(suite, 0));
    }

    @Test
    void tls12GcmMatchesAHandBuiltRecord() throws Exception {
        // RFC 5288 section 3 and RFC 5246 section 6.2.3.3, built directly with the JDK's AES/GCM.
        CipherSuite suite = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
        byte[] key = bytes(16, 7);
        byte[] salt = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe};
        byte[] explicitNonce = {0, 0, 0, 0, 0, 0, 0, 42};
        byte[] content = "GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long seq = 42;

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, concat(salt, explicitNonce)));
        gcm.updateAAD(ByteBuffer.allocate(13).putLong(seq).put((byte) 23).putShort((short) 0x0303)
                .putShort((short) content.length).array());
        byte[] sealed = gcm.doFinal(content);
        int length = 8 + sealed.length;
        byte[] handBuilt = concat(new byte[] {23, 3, 3, (byte) (length >> 8), (byte) length}, explicitNonce, sealed);

        Keys keys = Keys.tls12Gcm(suite, key, salt);
        assertThat(RecordProtection.encrypt(keys, seq, APPLICATION_DATA, content, explicitNonce))
                .containsExactly(handBuilt);
        assertThat(RecordProtection.encrypt(keys, seq, APPLICATION_DATA, content, null))
                .as("without an explicit nonce, the sequence number is used")
                .containsExactly(handBuilt);
        assertThat(RecordProtection.decrypt(keys, seq, handBuilt).content()).containsExactly(content);
    }

    @Test
    void cbcWithTheWrongEncryptThenMacSettingFails() {
        CipherSuite suite = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
        byte[] etm = RecordProtection.encrypt(tls12Keys(suite, true), 0, HANDSHAKE, bytes(40, 1), bytes(16, 9));
        assertThatThrownBy(() -> RecordProtection.decrypt(tls12Keys(suite, false), 0, etm))
                .isInstanceOf(BadRecordException.class);
        byte[] mte = RecordProtection.encrypt(tls12Keys(suite, false), 0, HANDSHAKE, bytes(40, 1), bytes(16, 9));
        assertThatThrownBy(() -> RecordProtection.decrypt(tls12Keys(suite, true), 0, mte))
                .isInstanceOf(BadRecordException.class);
    }

    @Test
    void badCbcPaddingIsNamed() throws Exception {
        // A record whose decrypted padding bytes disagree, built with a valid MAC-then-encrypt layout.
        CipherSuite suite = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256;
        Keys keys = tls12Keys(suite, false);
        byte[] iv = bytes(16, 4);
        byte[] plain = new byte[32 + 32]; // 32 content + 32 MAC = 64 bytes, then one block of padding
        byte[] padding = new byte[16];
        Arrays.fill(padding, (byte) 15);
        padding[3] = 14;
        Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
        cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.writeKey(), "AES"),
                new javax.crypto.spec.IvParameterSpec(iv));
        byte[] encrypted = cbc.doFinal(concat(plain, padding));
        int length = 16 + encrypted.length;
        byte[] record = concat(new byte[] {23, 3, 3, (byte) (length >> 8), (byte) length}, iv, encrypted);

        assertThatThrownBy(() -> RecordProtection.decrypt(keys, 0, record))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("padding bytes are not all 15 (bad_record_mac)");
    }

    // ---- malformed input: only BadRecordException ----

    static Stream<Arguments> sampleRecords() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("RFC 8448 server flight", serverHandshakeKeys(),
                RFC8448.bytes("server_encrypted_handshake_record")));
        out.add(Arguments.of("RFC 8448 client Finished", clientHandshakeKeys(),
                RFC8448.bytes("client_encrypted_finished_record")));
        for (CipherSuite suite : List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384)) {
            for (boolean etm : suite.isAead() ? new boolean[] {false} : new boolean[] {false, true}) {
                Keys keys = tls12Keys(suite, etm);
                out.add(Arguments.of(suite + (etm ? " EtM" : ""), keys,
                        RecordProtection.encrypt(keys, 0, HANDSHAKE, bytes(37, 11), explicit(suite, 1))));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleRecords")
    void flippingAnyByteIsDetected(String name, Keys keys, byte[] record) throws Exception {
        RecordProtection.decrypt(keys, 0, record); // the untouched record is fine
        for (int i = 0; i < record.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xff}) {
                byte[] tampered = record.clone();
                tampered[i] ^= (byte) mask;
                expectBadRecord(keys, tampered, "byte " + i + " ^ 0x" + Integer.toHexString(mask));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleRecords")
    void everyTruncationOrExtensionIsDetected(String name, Keys keys, byte[] record) {
        for (int length = 0; length < record.length; length++) {
            expectBadRecord(keys, Arrays.copyOf(record, length), "first " + length + " bytes");
            // Also with the header's length fixed up to match, so the crypto checks are what rejects it.
            if (length >= 5) {
                byte[] fixed = Arrays.copyOf(record, length);
                fixed[3] = (byte) ((length - 5) >> 8);
                fixed[4] = (byte) (length - 5);
                expectBadRecord(keys, fixed, "first " + length + " bytes, length fixed");
            }
        }
        expectBadRecord(keys, Arrays.copyOf(record, record.length + 1), "one byte appended");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleRecords")
    void randomFragmentsAreRejected(String name, Keys keys, byte[] record) {
        Random random = new Random(8446);
        for (int n = 0; n < 300; n++) {
            int length = random.nextInt(120);
            byte[] fragment = new byte[length];
            random.nextBytes(fragment);
            byte[] junk = concat(Arrays.copyOf(record, 3), new byte[] {(byte) (length >> 8), (byte) length}, fragment);
            expectBadRecord(keys, junk, "random fragment " + n);
        }
        expectBadRecord(keys, null, "null");
    }

    @Test
    void keysOfTheWrongShapeAreTheCallersMistake() {
        assertThatThrownBy(() -> Keys.tls13(TLS13_SUITE, new byte[15], new byte[12]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("write key for TLS_AES_128_GCM_SHA256 must be 16 bytes, got 15");
        assertThatThrownBy(() -> Keys.tls12Gcm(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, new byte[16], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a TLS 1.2 AES-GCM suite");
        assertThatThrownBy(() -> Keys.tls12Cbc(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, new byte[16], new byte[32],
                false))
                .hasMessage("MAC key for TLS_RSA_WITH_AES_128_CBC_SHA must be 20 bytes, got 32");
        Keys cbc = tls12Keys(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, false);
        assertThatThrownBy(() -> RecordProtection.encrypt(cbc, 0, HANDSHAKE, new byte[1], null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("explicit IV must be 16 bytes, got 0");
    }

    // ---- helpers ----

    private static void expectBadRecord(Keys keys, byte[] record, String what) {
        try {
            Decrypted d = RecordProtection.decrypt(keys, 0, record);
            fail("%s was accepted as %s", what, d);
        } catch (BadRecordException expected) {
            assertThat(expected.getMessage()).as(what).matches(".*\\((bad_record_mac|decode_error|"
                    + "record_overflow|unexpected_message)\\)$");
        } catch (RuntimeException e) {
            throw new AssertionError(what + " threw " + e + " instead of BadRecordException", e);
        }
    }

    static Keys tls12Keys(CipherSuite suite, boolean encryptThenMac) {
        byte[] key = bytes(suite.keyLength(), suite.code());
        return suite.isAead()
                ? Keys.tls12Gcm(suite, key, bytes(4, suite.code() + 1))
                : Keys.tls12Cbc(suite, key, bytes(suite.macKeyLength(), suite.code() + 2), encryptThenMac);
    }

    private static byte[] explicit(CipherSuite suite, int seed) {
        return bytes(suite.recordIvLength(), 100 + seed);
    }

    private static byte[] handSealed13(byte[] key, byte[] iv, long seq, byte[] inner) throws Exception {
        byte[] nonce = iv.clone();
        byte[] seqBytes = ByteBuffer.allocate(8).putLong(seq).array();
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] ^= seqBytes[i];
        }
        int length = inner.length + 16;
        byte[] header = {23, 3, 3, (byte) (length >> 8), (byte) length};
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(header);
        return concat(header, gcm.doFinal(inner));
    }

    /** Deterministic filler bytes. */
    static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
