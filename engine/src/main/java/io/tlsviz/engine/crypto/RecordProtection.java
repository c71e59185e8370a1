package io.tlsviz.engine.crypto;

import io.tlsviz.engine.Hex;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts and encrypts single TLS records with keys given explicitly, using only the JDK's {@code Cipher}
 * and {@code Mac}: the engine uses it to prove that the keys it shows are the keys protecting the wire.
 *
 * <ul>
 *   <li>TLS 1.2 AES-GCM: RFC 5288 section 3, RFC 5246 section 6.2.3.3.</li>
 *   <li>TLS 1.2 AES-CBC + HMAC: RFC 5246 section 6.2.3.2 (MAC-then-encrypt), RFC 7366 (encrypt-then-MAC).</li>
 *   <li>TLS 1.3 AES-GCM: RFC 8446 sections 5.2 and 5.3.</li>
 * </ul>
 *
 * <p>Malformed or tampered records raise {@link BadRecordException} and nothing else. Invalid arguments that
 * are the caller's mistake (a key of the wrong length) raise {@link IllegalArgumentException}.
 */
public final class RecordProtection {
    /** One JDK Cipher per thread and mode: getInstance is costly, and a Cipher is not thread-safe. */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));
    private static final ThreadLocal<Cipher> CBC = ThreadLocal.withInitial(() -> cipher("AES/CBC/NoPadding"));

    private static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + transformation, e);
        }
    }


    /** ContentType values, RFC 5246 section 6.2.1 and RFC 8446 section 5.1. */
    public static final int CHANGE_CIPHER_SPEC = 20;
    public static final int ALERT = 21;
    public static final int HANDSHAKE = 22;
    public static final int APPLICATION_DATA = 23;

    /** Record header: type(1) + legacy_record_version(2) + length(2). */
    public static final int HEADER_LENGTH = 5;

    /** The version written in every outer header, TLS 1.2 (and TLS 1.3's legacy_record_version). */
    private static final int VERSION_TLS12 = 0x0303;
    private static final int MAX_PLAINTEXT = 1 << 14;
    private static final int GCM_TAG_LENGTH = 16;
    private static final int AES_BLOCK = 16;

    private RecordProtection() {
    }

    /**
     * The keys of one direction of a connection.
     *
     * @param suite          the negotiated suite
     * @param writeKey       the write key, {@code suite.keyLength()} bytes
     * @param writeIv        GCM in TLS 1.2: the 4-byte implicit salt from the key block; TLS 1.3: the 12-byte
     *                       traffic IV; CBC: not used (each record carries its IV), may be null or empty
     * @param macKey         CBC only: the HMAC key, {@code suite.macKeyLength()} bytes; null or empty otherwise
     * @param encryptThenMac CBC only: whether RFC 7366 encrypt_then_mac was negotiated; ignored otherwise
     */
    public record Keys(CipherSuite suite, byte[] writeKey, byte[] writeIv, byte[] macKey, boolean encryptThenMac) {
        public Keys {
            Objects.requireNonNull(suite, "suite");
            writeKey = copyOrEmpty(writeKey);
            writeIv = copyOrEmpty(writeIv);
            macKey = copyOrEmpty(macKey);
            requireLength("write key", writeKey, suite.keyLength(), suite);
            if (suite.isAead()) {
                requireLength("write IV", writeIv, suite.fixedIvLength(), suite);
                requireLength("MAC key", macKey, 0, suite);
                encryptThenMac = false;
            } else {
                requireLength("MAC key", macKey, suite.macKeyLength(), suite);
            }
        }

        /** TLS 1.3 keys: write key and 12-byte IV (RFC 8446 section 7.3). */
        public static Keys tls13(CipherSuite suite, byte[] writeKey, byte[] writeIv) {
            requireKind(suite, true, true);
            return new Keys(suite, writeKey, writeIv, null, false);
        }

        /** TLS 1.2 AES-GCM keys: write key and the 4-byte implicit salt (RFC 5288 section 3). */
        public static Keys tls12Gcm(CipherSuite suite, byte[] writeKey, byte[] salt) {
            requireKind(suite, false, true);
            return new Keys(suite, writeKey, salt, null, false);
        }

        /** TLS 1.2 AES-CBC keys: write key, MAC key and whether RFC 7366 encrypt-then-MAC applies. */
        public static Keys tls12Cbc(CipherSuite suite, byte[] writeKey, byte[] macKey, boolean encryptThenMac) {
            requireKind(suite, false, false);
            return new Keys(suite, writeKey, null, macKey, encryptThenMac);
        }

        @Override
        public byte[] writeKey() {
            return writeKey.clone();
        }

        @Override
        public byte[] writeIv() {
            return writeIv.clone();
        }

        @Override
        public byte[] macKey() {
            return macKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Keys k && suite == k.suite && encryptThenMac == k.encryptThenMac
                    && Arrays.equals(writeKey, k.writeKey) && Arrays.equals(writeIv, k.writeIv)
                    && Arrays.equals(macKey, k.macKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(suite, encryptThenMac, Arrays.hashCode(writeKey), Arrays.hashCode(writeIv),
                    Arrays.hashCode(macKey));
        }

        @Override
        public String toString() {
            return "Keys[" + suite + ", key=" + Hex.of(writeKey) + ", iv=" + Hex.of(writeIv) + ", mac="
                    + Hex.of(macKey) + (encryptThenMac ? ", encrypt_then_mac" : "") + "]";
        }

        private static void requireKind(CipherSuite suite, boolean tls13, boolean aead) {
            Objects.requireNonNull(suite, "suite");
            if (suite.isTls13() != tls13 || suite.isAead() != aead) {
                throw new IllegalArgumentException(suite + " is not a " + (tls13 ? "TLS 1.3" : "TLS 1.2")
                        + (aead ? " AES-GCM" : " AES-CBC") + " suite");
            }
        }

        private static void requireLength(String what, byte[] value, int expected, CipherSuite suite) {
            if (value.length != expected) {
                throw new IllegalArgumentException(what + " for " + suite + " must be " + expected
                        + " bytes, got " + value.length);
            }
        }
    }

    /**
     * A decrypted record: the real content type (for TLS 1.3 the inner one) and the content.
     *
     * @param padding TLS 1.3: how many zero bytes followed the inner content type (RFC 8446 section 5.4); 0 in TLS 1.2
     */
    public record Decrypted(int contentType, byte[] content, int padding) {
        public Decrypted {
            content = content.clone();
        }

        public Decrypted(int contentType, byte[] content) {
            this(contentType, content, 0);
        }

        /** RFC 8446 section 5.2: TLSInnerPlaintext = content || ContentType type || zeros[padding]. */
        public byte[] tls13InnerPlaintext() {
            byte[] inner = Arrays.copyOf(content, content.length + 1 + padding);
            inner[content.length] = (byte) contentType;
            return inner;
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Decrypted d && contentType == d.contentType && Arrays.equals(content, d.content)
                    && padding == d.padding;
        }

        @Override
        public int hashCode() {
            return 31 * contentType + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Decrypted[type=" + contentType + ", content=" + Hex.of(content) + ", padding=" + padding + "]";
        }
    }

    /** A record that cannot be decrypted; the message names the reason and the TLS alert it maps to. */
    public static final class BadRecordException extends Exception {
        public BadRecordException(String message) {
            super(message);
        }
    }

    /**
     * Decrypts one whole record (5-byte header + fragment).
     *
     * @param sequenceNumber the record's 64-bit sequence number in this direction (unsigned)
     */
    public static Decrypted decrypt(Keys keys, long sequenceNumber, byte[] wholeRecord) throws BadRecordException {
        Objects.requireNonNull(keys, "keys");
        if (wholeRecord == null || wholeRecord.length < HEADER_LENGTH) {
            throw new BadRecordException("record is shorter than its 5-byte header (decode_error)");
        }
        int type = wholeRecord[0] & 0xff;
        int version = u16(wholeRecord, 1);
        int length = u16(wholeRecord, 3);
        int actual = wholeRecord.length - HEADER_LENGTH;
        if (length != actual) {
            throw new BadRecordException("record header says " + length + " bytes follow but " + actual
                    + " do (decode_error)");
        }
        CipherSuite suite = keys.suite();
        if (suite.isTls13()) {
            return decrypt13(keys, sequenceNumber, wholeRecord, type, length);
        }
        // RFC 5246 section 6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048.
        if (length > MAX_PLAINTEXT + 2048) {
            throw new BadRecordException("record of " + length + " bytes exceeds 2^14 + 2048 (record_overflow)");
        }
        return suite.isAead()
                ? decrypt12Gcm(keys, sequenceNumber, wholeRecord, type, version, length)
                : decrypt12Cbc(keys, sequenceNumber, wholeRecord, type, version, length);
    }

    /**
     * Encrypts content into one whole record with outer version 0x0303.
     *
     * @param explicitNonceOrIv TLS 1.2 GCM: the 8-byte explicit nonce, or null to use the sequence number
     *                          (as most implementations do); TLS 1.2 CBC: the 16-byte explicit IV, required;
     *                          TLS 1.3: must be null or empty
     */
    public static byte[] encrypt(Keys keys, long sequenceNumber, int contentType, byte[] content,
            byte[] explicitNonceOrIv) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(content, "content");
        if (contentType < 0 || contentType > 255) {
            throw new IllegalArgumentException("content type must fit one byte, got " + contentType);
        }
        if (content.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("content of " + content.length + " bytes exceeds 2^14");
        }
        CipherSuite suite = keys.suite();
        byte[] explicit = explicitNonceOrIv == null ? new byte[0] : explicitNonceOrIv.clone();
        if (suite.isTls13()) {
            if (explicit.length != 0) {
                throw new IllegalArgumentException("TLS 1.3 records carry no explicit nonce");
            }
            return encrypt13(keys, sequenceNumber, contentType, content);
        }
        if (suite.isAead()) {
            if (explicitNonceOrIv == null) {
                explicit = ByteBuffer.allocate(8).putLong(sequenceNumber).array();
            }
            requireExplicit(explicit, 8, "explicit nonce");
            return encrypt12Gcm(keys, sequenceNumber, contentType, content, explicit);
        }
        requireExplicit(explicit, AES_BLOCK, "explicit IV");
        return encrypt12Cbc(keys, sequenceNumber, contentType, content, explicit);
    }

    // ---- TLS 1.3, RFC 8446 section 5.2 and 5.3 ----

    private static Decrypted decrypt13(Keys keys, long seq, byte[] record, int type, int length)
            throws BadRecordException {
        // RFC 8446 section 5.2: opaque_type is always application_data; length at most 2^14 + 256.
        if (type != APPLICATION_DATA) {
            throw new BadRecordException("outer content type " + type
                    + " is not application_data (23) as every TLS 1.3 protected record's is (unexpected_message)");
        }
        if (length > MAX_PLAINTEXT + 256) {
            throw new BadRecordException("record of " + length + " bytes exceeds 2^14 + 256 (record_overflow)");
        }
        if (length < GCM_TAG_LENGTH + 1) {
            throw new BadRecordException("record of " + length
                    + " bytes is too short for a 16-byte tag and a content type (decode_error)");
        }
        byte[] inner = gcm(Cipher.DECRYPT_MODE, keys.writeKey, nonce13(keys.writeIv, seq),
                Arrays.copyOf(record, HEADER_LENGTH), record, HEADER_LENGTH, length);
        // RFC 8446 section 5.4: the content type is the last non-zero byte; zeros after it are padding.
        int i = inner.length - 1;
        while (i >= 0 && inner[i] == 0) {
            i--;
        }
        if (i < 0) {
            throw new BadRecordException("inner plaintext is all zeros: no content type (unexpected_message)");
        }
        if (i > MAX_PLAINTEXT) {
            throw new BadRecordException("content of " + i + " bytes exceeds 2^14 (record_overflow)");
        }
        return new Decrypted(inner[i] & 0xff, Arrays.copyOf(inner, i), inner.length - i - 1);
    }

    private static byte[] encrypt13(Keys keys, long seq, int contentType, byte[] content) {
        // TLSInnerPlaintext = content || ContentType type || zeros (none added here).
        byte[] inner = Arrays.copyOf(content, content.length + 1);
        inner[content.length] = (byte) contentType;
        byte[] header = header(APPLICATION_DATA, inner.length + GCM_TAG_LENGTH);
        byte[] sealed = gcmEncrypt(keys.writeKey, nonce13(keys.writeIv, seq), header, inner);
        return concat(header, sealed);
    }

    /** RFC 8446 section 5.3: the 64-bit sequence number, left-padded to the IV length, XORed with the IV. */
    private static byte[] nonce13(byte[] iv, long seq) {
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
        }
        return nonce;
    }

    // ---- TLS 1.2 AES-GCM, RFC 5288 section 3, RFC 5246 section 6.2.3.3 ----

    private static Decrypted decrypt12Gcm(Keys keys, long seq, byte[] record, int type, int version, int length)
            throws BadRecordException {
        int explicitLength = keys.suite().recordIvLength();
        if (length < explicitLength + GCM_TAG_LENGTH) {
            throw new BadRecordException("record of " + length
                    + " bytes is too short for an 8-byte explicit nonce and a 16-byte tag (decode_error)");
        }
        byte[] nonce = concat(keys.writeIv, Arrays.copyOfRange(record, HEADER_LENGTH, HEADER_LENGTH + explicitLength));
        int plainLength = length - explicitLength - GCM_TAG_LENGTH;
        byte[] aad = additionalData(seq, type, version, plainLength);
        byte[] content = gcm(Cipher.DECRYPT_MODE, keys.writeKey, nonce, aad, record, HEADER_LENGTH + explicitLength,
                length - explicitLength);
        return new Decrypted(type, content);
    }

    private static byte[] encrypt12Gcm(Keys keys, long seq, int type, byte[] content, byte[] explicit) {
        byte[] nonce = concat(keys.writeIv, explicit);
        byte[] sealed = gcmEncrypt(keys.writeKey, nonce, additionalData(seq, type, VERSION_TLS12, content.length),
                content);
        return concat(header(type, explicit.length + sealed.length), explicit, sealed);
    }

    // ---- TLS 1.2 AES-CBC + HMAC, RFC 5246 section 6.2.3.2 and RFC 7366 ----

    private static Decrypted decrypt12Cbc(Keys keys, long seq, byte[] record, int type, int version, int length)
            throws BadRecordException {
        int macLength = keys.suite().macKeyLength();
        int offset = HEADER_LENGTH;
        if (keys.encryptThenMac()) {
            // RFC 7366 section 3: IV || ciphertext || MAC, the MAC over the header fields and IV || ciphertext.
            int cipherLength = length - AES_BLOCK - macLength;
            if (cipherLength < AES_BLOCK || cipherLength % AES_BLOCK != 0) {
                throw new BadRecordException("record of " + length + " bytes cannot hold a 16-byte IV, whole"
                        + " cipher blocks and a " + macLength + "-byte MAC (decode_error)");
            }
            int ivAndCipher = AES_BLOCK + cipherLength;
            byte[] expected = hmac(keys, additionalData(seq, type, version, ivAndCipher), record, offset, ivAndCipher);
            byte[] received = Arrays.copyOfRange(record, offset + ivAndCipher, offset + length);
            if (!MessageDigest.isEqual(expected, received)) {
                throw new BadRecordException("MAC does not verify (bad_record_mac)");
            }
            byte[] padded = cbcDecrypt(keys, record, offset, cipherLength);
            int contentLength = checkPadding(padded, 0);
            return new Decrypted(type, Arrays.copyOf(padded, contentLength));
        }
        // RFC 5246 section 6.2.3.2: IV || E(content || MAC || padding || padding_length).
        int cipherLength = length - AES_BLOCK;
        if (cipherLength < AES_BLOCK || cipherLength % AES_BLOCK != 0) {
            throw new BadRecordException("record of " + length
                    + " bytes is not a 16-byte IV followed by whole cipher blocks (decode_error)");
        }
        byte[] padded = cbcDecrypt(keys, record, offset, cipherLength);
        // Teaching code: the padding and MAC checks are not timing-uniform (Lucky Thirteen, RFC 7366 section 1).
        int unpadded = checkPadding(padded, macLength);
        int contentLength = unpadded - macLength;
        byte[] expected = hmac(keys, additionalData(seq, type, version, contentLength), padded, 0, contentLength);
        byte[] received = Arrays.copyOfRange(padded, contentLength, unpadded);
        if (!MessageDigest.isEqual(expected, received)) {
            throw new BadRecordException("MAC does not verify (bad_record_mac)");
        }
        return new Decrypted(type, Arrays.copyOf(padded, contentLength));
    }

    private static byte[] encrypt12Cbc(Keys keys, long seq, int type, byte[] content, byte[] iv) {
        int macLength = keys.suite().macKeyLength();
        if (keys.encryptThenMac()) {
            byte[] cipherText = cbcEncrypt(keys, iv, pad(content));
            byte[] ivAndCipher = concat(iv, cipherText);
            byte[] mac = hmac(keys, additionalData(seq, type, VERSION_TLS12, ivAndCipher.length), ivAndCipher, 0,
                    ivAndCipher.length);
            return concat(header(type, ivAndCipher.length + macLength), ivAndCipher, mac);
        }
        byte[] mac = hmac(keys, additionalData(seq, type, VERSION_TLS12, content.length), content, 0, content.length);
        byte[] cipherText = cbcEncrypt(keys, iv, pad(concat(content, mac)));
        return concat(header(type, iv.length + cipherText.length), iv, cipherText);
    }

    /** RFC 5246 section 6.2.3.2: the fewest padding bytes (each = padding_length) reaching a block boundary. */
    private static byte[] pad(byte[] data) {
        int paddingLength = (AES_BLOCK - (data.length + 1) % AES_BLOCK) % AES_BLOCK;
        byte[] padded = Arrays.copyOf(data, data.length + paddingLength + 1);
        Arrays.fill(padded, data.length, padded.length, (byte) paddingLength);
        return padded;
    }

    /** Returns the length before the padding, or fails if the padding is malformed or leaves no room for the MAC. */
    private static int checkPadding(byte[] padded, int macLength) throws BadRecordException {
        int paddingLength = padded[padded.length - 1] & 0xff;
        int unpadded = padded.length - paddingLength - 1;
        if (unpadded < macLength) {
            throw new BadRecordException("padding length " + paddingLength
                    + " is longer than the record allows (bad_record_mac)");
        }
        for (int i = unpadded; i < padded.length; i++) {
            if ((padded[i] & 0xff) != paddingLength) {
                throw new BadRecordException("padding bytes are not all " + paddingLength + " (bad_record_mac)");
            }
        }
        return unpadded;
    }

    // ---- JDK primitives ----

    /** seq_num(8) + type(1) + version(2) + length(2), the MAC input prefix and the GCM additional data. */
    private static byte[] additionalData(long seq, int type, int version, int length) {
        return ByteBuffer.allocate(13).putLong(seq).put((byte) type).putShort((short) version)
                .putShort((short) length).array();
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] data, int offset, int length)
            throws BadRecordException {
        try {
            // The JDK refuses to encrypt twice with one key and nonce on the same Cipher, so only decryption
            // (the hot path) reuses the thread's instance.
            Cipher cipher = mode == Cipher.DECRYPT_MODE ? GCM.get() : cipher("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(GCM_TAG_LENGTH * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(data, offset, length);
        } catch (AEADBadTagException e) {
            throw new BadRecordException("authentication tag does not verify (bad_record_mac)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot run AES-GCM: " + e.getMessage(), e);
        }
    }

    private static byte[] gcmEncrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plain) {
        try {
            return gcm(Cipher.ENCRYPT_MODE, key, nonce, aad, plain, 0, plain.length);
        } catch (BadRecordException e) {
            throw new IllegalStateException("encryption cannot fail a tag check", e);
        }
    }

    private static byte[] cbcDecrypt(Keys keys, byte[] record, int ivOffset, int cipherLength) {
        return cbc(Cipher.DECRYPT_MODE, keys, Arrays.copyOfRange(record, ivOffset, ivOffset + AES_BLOCK), record,
                ivOffset + AES_BLOCK, cipherLength);
    }

    private static byte[] cbcEncrypt(Keys keys, byte[] iv, byte[] padded) {
        return cbc(Cipher.ENCRYPT_MODE, keys, iv, padded, 0, padded.length);
    }

    private static byte[] cbc(int mode, Keys keys, byte[] iv, byte[] data, int offset, int length) {
        try {
            Cipher cipher = CBC.get();
            cipher.init(mode, new SecretKeySpec(keys.writeKey, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot run AES-CBC: " + e.getMessage(), e);
        }
    }

    private static byte[] hmac(Keys keys, byte[] prefix, byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance(keys.suite().mac().jdkName());
            mac.init(new SecretKeySpec(keys.macKey, keys.suite().mac().jdkName()));
            mac.update(prefix);
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot run " + keys.suite().mac().jdkName() + ": "
                    + e.getMessage(), e);
        }
    }

    // ---- bytes ----

    private static byte[] header(int type, int length) {
        return new byte[] {(byte) type, (byte) (VERSION_TLS12 >>> 8), (byte) VERSION_TLS12, (byte) (length >>> 8),
                (byte) length};
    }

    private static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }

    private static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] copyOrEmpty(byte[] b) {
        return b == null ? new byte[0] : b.clone();
    }

    private static void requireExplicit(byte[] explicit, int length, String what) {
        if (explicit.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + explicit.length);
        }
    }
}
