package io.tlsviz.engine.crypto;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The cipher suites tlsviz knows, with everything the key schedules and record protection need.
 * Lengths follow RFC 5246 appendix C and RFC 5288 (GCM: 4-byte implicit salt, 8-byte explicit nonce);
 * TLS 1.3 suites follow RFC 8446 appendix B.4.
 */
public enum CipherSuite {
    TLS_RSA_WITH_AES_128_CBC_SHA(0x002F, KeyExchange.RSA, BulkCipher.AES_CBC, 16, MacAlgorithm.SHA1, "SHA-256"),
    TLS_RSA_WITH_AES_256_CBC_SHA(0x0035, KeyExchange.RSA, BulkCipher.AES_CBC, 32, MacAlgorithm.SHA1, "SHA-256"),
    TLS_RSA_WITH_AES_128_CBC_SHA256(0x003C, KeyExchange.RSA, BulkCipher.AES_CBC, 16, MacAlgorithm.SHA256, "SHA-256"),
    TLS_RSA_WITH_AES_256_CBC_SHA256(0x003D, KeyExchange.RSA, BulkCipher.AES_CBC, 32, MacAlgorithm.SHA256, "SHA-256"),
    TLS_RSA_WITH_AES_128_GCM_SHA256(0x009C, KeyExchange.RSA, BulkCipher.AES_GCM, 16, MacAlgorithm.AEAD, "SHA-256"),
    TLS_RSA_WITH_AES_256_GCM_SHA384(0x009D, KeyExchange.RSA, BulkCipher.AES_GCM, 32, MacAlgorithm.AEAD, "SHA-384"),

    TLS_DHE_RSA_WITH_AES_128_CBC_SHA(0x0033, KeyExchange.DHE_RSA, BulkCipher.AES_CBC, 16, MacAlgorithm.SHA1, "SHA-256"),
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA(0x0039, KeyExchange.DHE_RSA, BulkCipher.AES_CBC, 32, MacAlgorithm.SHA1, "SHA-256"),
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA256(0x0067, KeyExchange.DHE_RSA, BulkCipher.AES_CBC, 16, MacAlgorithm.SHA256, "SHA-256"),
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA256(0x006B, KeyExchange.DHE_RSA, BulkCipher.AES_CBC, 32, MacAlgorithm.SHA256, "SHA-256"),
    TLS_DHE_RSA_WITH_AES_128_GCM_SHA256(0x009E, KeyExchange.DHE_RSA, BulkCipher.AES_GCM, 16, MacAlgorithm.AEAD, "SHA-256"),
    TLS_DHE_RSA_WITH_AES_256_GCM_SHA384(0x009F, KeyExchange.DHE_RSA, BulkCipher.AES_GCM, 32, MacAlgorithm.AEAD, "SHA-384"),

    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA(0xC009, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_CBC, 16, MacAlgorithm.SHA1, "SHA-256"),
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA(0xC00A, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_CBC, 32, MacAlgorithm.SHA1, "SHA-256"),
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xC013, KeyExchange.ECDHE_RSA, BulkCipher.AES_CBC, 16, MacAlgorithm.SHA1, "SHA-256"),
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA(0xC014, KeyExchange.ECDHE_RSA, BulkCipher.AES_CBC, 32, MacAlgorithm.SHA1, "SHA-256"),
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256(0xC023, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_CBC, 16, MacAlgorithm.SHA256, "SHA-256"),
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384(0xC024, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_CBC, 32, MacAlgorithm.SHA384, "SHA-384"),
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256(0xC027, KeyExchange.ECDHE_RSA, BulkCipher.AES_CBC, 16, MacAlgorithm.SHA256, "SHA-256"),
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384(0xC028, KeyExchange.ECDHE_RSA, BulkCipher.AES_CBC, 32, MacAlgorithm.SHA384, "SHA-384"),
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xC02B, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_GCM, 16, MacAlgorithm.AEAD, "SHA-256"),
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xC02C, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_GCM, 32, MacAlgorithm.AEAD, "SHA-384"),
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F, KeyExchange.ECDHE_RSA, BulkCipher.AES_GCM, 16, MacAlgorithm.AEAD, "SHA-256"),
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xC030, KeyExchange.ECDHE_RSA, BulkCipher.AES_GCM, 32, MacAlgorithm.AEAD, "SHA-384"),

    TLS_AES_128_GCM_SHA256(0x1301, KeyExchange.TLS13, BulkCipher.AES_GCM, 16, MacAlgorithm.AEAD, "SHA-256"),
    TLS_AES_256_GCM_SHA384(0x1302, KeyExchange.TLS13, BulkCipher.AES_GCM, 32, MacAlgorithm.AEAD, "SHA-384");

    /** How the premaster (TLS 1.2) is agreed and the server authenticated. */
    public enum KeyExchange { RSA, DHE_RSA, ECDHE_RSA, ECDHE_ECDSA, TLS13 }

    public enum BulkCipher { AES_CBC, AES_GCM }

    /** The record MAC of a CBC suite (JDK {@code Mac} name and length), or none for AEAD. */
    public enum MacAlgorithm {
        AEAD(null, 0), SHA1("HmacSHA1", 20), SHA256("HmacSHA256", 32), SHA384("HmacSHA384", 48);

        private final String jdkName;
        private final int length;

        MacAlgorithm(String jdkName, int length) {
            this.jdkName = jdkName;
            this.length = length;
        }

        public String jdkName() {
            return jdkName;
        }

        public int length() {
            return length;
        }
    }

    private final int code;
    private final KeyExchange keyExchange;
    private final BulkCipher cipher;
    private final int keyLength;
    private final MacAlgorithm mac;
    private final String hash;

    CipherSuite(int code, KeyExchange keyExchange, BulkCipher cipher, int keyLength, MacAlgorithm mac, String hash) {
        this.code = code;
        this.keyExchange = keyExchange;
        this.cipher = cipher;
        this.keyLength = keyLength;
        this.mac = mac;
        this.hash = hash;
    }

    /** The two-byte IANA code, e.g. 0x009C. */
    public int code() {
        return code;
    }

    /** The IANA name, e.g. {@code TLS_RSA_WITH_AES_128_GCM_SHA256}. */
    public String ianaName() {
        return name();
    }

    public KeyExchange keyExchange() {
        return keyExchange;
    }

    public BulkCipher cipher() {
        return cipher;
    }

    public boolean isTls13() {
        return keyExchange == KeyExchange.TLS13;
    }

    public boolean isAead() {
        return cipher == BulkCipher.AES_GCM;
    }

    /** Length of each write key in bytes. */
    public int keyLength() {
        return keyLength;
    }

    public MacAlgorithm mac() {
        return mac;
    }

    /** Length of each MAC key in bytes (0 for AEAD suites). */
    public int macKeyLength() {
        return mac.length();
    }

    /** JDK name of the hash of the PRF (TLS 1.2) or of HKDF and the transcript (TLS 1.3). */
    public String hash() {
        return hash;
    }

    /** JDK {@code Mac} name of that hash, e.g. {@code HmacSHA256}. */
    public String hmac() {
        return "HmacSHA" + hash.substring(4);
    }

    /** Hash output length in bytes. */
    public int hashLength() {
        return "SHA-384".equals(hash) ? 48 : 32;
    }

    /**
     * SecurityParameters.fixed_iv_length: the length of each write IV taken from the TLS 1.2 key block. RFC 5246
     * section 6.3 generates client_write_IV and server_write_IV only for AEAD ciphers with an implicit nonce: 4 for
     * GCM (the salt, RFC 5288 section 3). For CBC it is 0: the key block holds no IVs, and every record carries its
     * own IV in the clear ({@link #recordIvLength()}, RFC 5246 section 6.2.3.2). For TLS 1.3 the traffic IV
     * length, 12 (RFC 8446 section 7.3).
     */
    public int fixedIvLength() {
        if (isTls13()) {
            return 12;
        }
        return isAead() ? 4 : 0;
    }

    /**
     * SecurityParameters.record_iv_length, the explicit IV or nonce sent at the start of each TLS 1.2 record: 8 for
     * GCM (RFC 5288 section 3), the block size 16 for CBC (RFC 5246 section 6.2.3.2); 0 for TLS 1.3.
     */
    public int recordIvLength() {
        if (isTls13()) {
            return 0;
        }
        return isAead() ? 8 : 16;
    }

    public static CipherSuite fromName(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (CipherSuite s : values()) {
            if (s.name().equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown cipher suite '" + name + "' (expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }

    public static CipherSuite fromCode(int code) {
        for (CipherSuite s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException(String.format("unknown cipher suite 0x%04X", code));
    }

    public static List<CipherSuite> forKeyExchange(KeyExchange kx) {
        return Arrays.stream(values()).filter(s -> s.keyExchange == kx).toList();
    }
}
