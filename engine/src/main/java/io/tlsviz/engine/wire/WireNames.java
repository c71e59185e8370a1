package io.tlsviz.engine.wire;

import io.tlsviz.engine.crypto.CipherSuite;
import java.util.HashMap;
import java.util.Map;

/**
 * Names of the code points that appear on the wire, as the IANA TLS registries spell them. Unknown codes
 * come back as {@code 0x....} so a student still sees the number.
 */
public final class WireNames {
    private WireNames() {
    }

    private static final Map<Integer, String> CONTENT_TYPES = Map.of(
            20, "change_cipher_spec", 21, "alert", 22, "handshake", 23, "application_data", 24, "heartbeat");

    /** RFC 8446 section 4 and RFC 5246 section 7.4. */
    private static final Map<Integer, String> HANDSHAKE_TYPES = Map.ofEntries(
            Map.entry(0, "hello_request"), Map.entry(1, "client_hello"), Map.entry(2, "server_hello"),
            Map.entry(4, "new_session_ticket"), Map.entry(5, "end_of_early_data"),
            Map.entry(8, "encrypted_extensions"), Map.entry(11, "certificate"),
            Map.entry(12, "server_key_exchange"), Map.entry(13, "certificate_request"),
            Map.entry(14, "server_hello_done"), Map.entry(15, "certificate_verify"),
            Map.entry(16, "client_key_exchange"), Map.entry(20, "finished"), Map.entry(24, "key_update"),
            Map.entry(254, "message_hash"));
    private static final String[] CONTENT_TYPE_TEXTS = texts(CONTENT_TYPES);
    private static final String[] HANDSHAKE_TYPE_TEXTS = texts(HANDSHAKE_TYPES);

    /** The short message names {@link RecordParser#describe} uses. */
    private static final Map<Integer, String> HANDSHAKE_TITLES = Map.ofEntries(
            Map.entry(0, "HelloRequest"), Map.entry(1, "ClientHello"), Map.entry(2, "ServerHello"),
            Map.entry(4, "NewSessionTicket"), Map.entry(5, "EndOfEarlyData"),
            Map.entry(8, "EncryptedExtensions"), Map.entry(11, "Certificate"),
            Map.entry(12, "ServerKeyExchange"), Map.entry(13, "CertificateRequest"),
            Map.entry(14, "ServerHelloDone"), Map.entry(15, "CertificateVerify"),
            Map.entry(16, "ClientKeyExchange"), Map.entry(20, "Finished"), Map.entry(24, "KeyUpdate"),
            Map.entry(254, "MessageHash"));

    /** IANA TLS ExtensionType values. */
    private static final Map<Integer, String> EXTENSIONS = Map.ofEntries(
            Map.entry(0, "server_name"), Map.entry(1, "max_fragment_length"), Map.entry(5, "status_request"),
            Map.entry(10, "supported_groups"), Map.entry(11, "ec_point_formats"),
            Map.entry(13, "signature_algorithms"), Map.entry(14, "use_srtp"), Map.entry(15, "heartbeat"),
            Map.entry(16, "application_layer_protocol_negotiation"), Map.entry(17, "status_request_v2"),
            Map.entry(18, "signed_certificate_timestamp"), Map.entry(21, "padding"),
            Map.entry(22, "encrypt_then_mac"), Map.entry(23, "extended_master_secret"),
            Map.entry(27, "compress_certificate"), Map.entry(28, "record_size_limit"),
            Map.entry(35, "session_ticket"), Map.entry(41, "pre_shared_key"), Map.entry(42, "early_data"),
            Map.entry(43, "supported_versions"), Map.entry(44, "cookie"),
            Map.entry(45, "psk_key_exchange_modes"), Map.entry(47, "certificate_authorities"),
            Map.entry(48, "oid_filters"), Map.entry(49, "post_handshake_auth"),
            Map.entry(50, "signature_algorithms_cert"), Map.entry(51, "key_share"),
            Map.entry(0xff01, "renegotiation_info"));

    /** IANA TLS SupportedGroups (RFC 8446 section 4.2.7, RFC 7919, RFC 8422). */
    private static final Map<Integer, String> GROUPS = Map.ofEntries(
            Map.entry(0x0017, "secp256r1"), Map.entry(0x0018, "secp384r1"), Map.entry(0x0019, "secp521r1"),
            Map.entry(0x001a, "brainpoolP256r1"), Map.entry(0x001b, "brainpoolP384r1"),
            Map.entry(0x001c, "brainpoolP512r1"), Map.entry(0x001d, "x25519"), Map.entry(0x001e, "x448"),
            Map.entry(0x001f, "brainpoolP256r1tls13"), Map.entry(0x0020, "brainpoolP384r1tls13"),
            Map.entry(0x0021, "brainpoolP512r1tls13"), Map.entry(0x0029, "curveSM2"),
            Map.entry(0x0100, "ffdhe2048"), Map.entry(0x0101, "ffdhe3072"), Map.entry(0x0102, "ffdhe4096"),
            Map.entry(0x0103, "ffdhe6144"), Map.entry(0x0104, "ffdhe8192"),
            Map.entry(0x0200, "MLKEM512"), Map.entry(0x0201, "MLKEM768"), Map.entry(0x0202, "MLKEM1024"),
            Map.entry(0x11eb, "SecP256r1MLKEM768"), Map.entry(0x11ec, "X25519MLKEM768"),
            Map.entry(0x11ed, "SecP384r1MLKEM1024"));

    /** RFC 8446 section 4.2.3, plus the TLS 1.2 hash/signature pairs of RFC 5246 section 7.4.1.4.1. */
    private static final Map<Integer, String> SIGNATURE_SCHEMES = Map.ofEntries(
            Map.entry(0x0201, "rsa_pkcs1_sha1"), Map.entry(0x0202, "dsa_sha1"), Map.entry(0x0203, "ecdsa_sha1"),
            Map.entry(0x0301, "rsa_pkcs1_sha224"), Map.entry(0x0302, "dsa_sha224"),
            Map.entry(0x0303, "ecdsa_sha224"),
            Map.entry(0x0401, "rsa_pkcs1_sha256"), Map.entry(0x0402, "dsa_sha256"),
            Map.entry(0x0403, "ecdsa_secp256r1_sha256"),
            Map.entry(0x0501, "rsa_pkcs1_sha384"), Map.entry(0x0502, "dsa_sha384"),
            Map.entry(0x0503, "ecdsa_secp384r1_sha384"),
            Map.entry(0x0601, "rsa_pkcs1_sha512"), Map.entry(0x0602, "dsa_sha512"),
            Map.entry(0x0603, "ecdsa_secp521r1_sha512"),
            Map.entry(0x0804, "rsa_pss_rsae_sha256"), Map.entry(0x0805, "rsa_pss_rsae_sha384"),
            Map.entry(0x0806, "rsa_pss_rsae_sha512"), Map.entry(0x0807, "ed25519"), Map.entry(0x0808, "ed448"),
            Map.entry(0x0809, "rsa_pss_pss_sha256"), Map.entry(0x080a, "rsa_pss_pss_sha384"),
            Map.entry(0x080b, "rsa_pss_pss_sha512"),
            Map.entry(0x081a, "ecdsa_brainpoolP256r1tls13_sha256"),
            Map.entry(0x081b, "ecdsa_brainpoolP384r1tls13_sha384"),
            Map.entry(0x081c, "ecdsa_brainpoolP512r1tls13_sha512"),
            Map.entry(0x0904, "mldsa44"), Map.entry(0x0905, "mldsa65"), Map.entry(0x0906, "mldsa87"));

    /** Suites a client may offer that tlsviz cannot negotiate, so they are not in {@link CipherSuite}. */
    private static final Map<Integer, String> OTHER_SUITES = Map.ofEntries(
            Map.entry(0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA"),
            Map.entry(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA"),
            Map.entry(0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256"),
            Map.entry(0x006a, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256"),
            Map.entry(0x00a2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"),
            Map.entry(0x00a3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384"),
            Map.entry(0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"),
            Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
            Map.entry(0x1304, "TLS_AES_128_CCM_SHA256"), Map.entry(0x1305, "TLS_AES_128_CCM_8_SHA256"),
            Map.entry(0x5600, "TLS_FALLBACK_SCSV"),
            Map.entry(0xc012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));

    /** RFC 8446 section 6 and RFC 5246 section 7.2. */
    private static final Map<Integer, String> ALERTS = new HashMap<>();
    private static final Map<Integer, String> ALERT_EXPLANATIONS = new HashMap<>();

    static {
        alert(0, "close_notify", "the sender is done and will send nothing more; a polite goodbye");
        alert(10, "unexpected_message", "a message arrived that does not fit the handshake at this point");
        alert(20, "bad_record_mac", "a record failed its integrity check: wrong keys, or it was tampered with");
        alert(21, "decryption_failed_RESERVED", "an old alert no longer sent");
        alert(22, "record_overflow", "a record was longer than the protocol allows");
        alert(30, "decompression_failure", "an old alert for failed compression");
        alert(40, "handshake_failure", "the two sides could not agree on acceptable security parameters");
        alert(41, "no_certificate_RESERVED", "an old SSL 3.0 alert no longer sent");
        alert(42, "bad_certificate", "a certificate was corrupt or its signature did not verify");
        alert(43, "unsupported_certificate", "a certificate was of a type the receiver cannot use");
        alert(44, "certificate_revoked", "a certificate was revoked by its issuer");
        alert(45, "certificate_expired", "a certificate has expired or is not yet valid");
        alert(46, "certificate_unknown", "some other problem with a certificate made it unacceptable");
        alert(47, "illegal_parameter", "a field in a message was out of range or inconsistent");
        alert(48, "unknown_ca", "the certificate chain does not lead to a trusted authority");
        alert(49, "access_denied", "the certificate was fine but access was refused");
        alert(50, "decode_error", "a message could not be decoded: wrong length or an impossible value");
        alert(51, "decrypt_error", "a signature, key exchange or Finished check failed");
        alert(60, "export_restriction", "an old alert about export ciphers");
        alert(70, "protocol_version", "the offered protocol version is not supported");
        alert(71, "insufficient_security", "the server wants stronger cipher suites than the client offered");
        alert(80, "internal_error", "the sender failed for a reason unrelated to the peer");
        alert(86, "inappropriate_fallback", "a client retried with a lower version although the server supports more");
        alert(90, "user_canceled", "the user or application cancelled the handshake");
        alert(100, "no_renegotiation", "the peer does not want to renegotiate");
        alert(109, "missing_extension", "a required extension was not sent");
        alert(110, "unsupported_extension", "an extension appeared in a message that must not carry it");
        alert(111, "certificate_unobtainable", "a certificate could not be fetched");
        alert(112, "unrecognized_name", "the server has no site with the name the client asked for");
        alert(113, "bad_certificate_status_response", "the OCSP response about a certificate was bad");
        alert(114, "bad_certificate_hash_value", "a certificate did not match its announced hash");
        alert(115, "unknown_psk_identity", "the server does not know the pre-shared key the client named");
        alert(116, "certificate_required", "the server needs a client certificate but got none");
        alert(120, "no_application_protocol", "the two sides share no application protocol (ALPN)");
    }

    private static void alert(int code, String name, String explanation) {
        ALERTS.put(code, name);
        ALERT_EXPLANATIONS.put(code, explanation);
    }

    /** GREASE values (RFC 8701) look like 0x?a?a with both bytes equal. */
    public static boolean isGrease(int code16) {
        return (code16 & 0x0f0f) == 0x0a0a && (code16 >> 8) == (code16 & 0xff);
    }

    /** E.g. {@code "handshake (22)"}. */
    public static String contentType(int type) {
        return type >= 0 && type < 256 ? CONTENT_TYPE_TEXTS[type] : text(CONTENT_TYPES, type);
    }

    /** The texts of all 256 one-byte codes, made once: the parser asks for one per record. */
    private static String[] texts(Map<Integer, String> names) {
        String[] out = new String[256];
        for (int code = 0; code < out.length; code++) {
            out[code] = text(names, code);
        }
        return out;
    }

    private static String text(Map<Integer, String> names, int code) {
        String name = names.get(code);
        return (name == null ? "unknown" : name) + " (" + code + ")";
    }

    /** E.g. {@code "client_hello (1)"}. */
    public static String handshakeType(int type) {
        return type >= 0 && type < 256 ? HANDSHAKE_TYPE_TEXTS[type] : text(HANDSHAKE_TYPES, type);
    }

    /** Snake-case name or null if unknown. */
    static String handshakeTypeName(int type) {
        return HANDSHAKE_TYPES.get(type);
    }

    /** E.g. {@code "ClientHello"}, or null if unknown. */
    public static String handshakeTitle(int type) {
        return HANDSHAKE_TITLES.get(type);
    }

    /** E.g. {@code "TLS 1.2 (0x0303)"}. */
    public static String version(int version) {
        String name = switch (version) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> isGrease(version) ? "GREASE" : "unknown";
        };
        return name + " (" + hex(version, 4) + ")";
    }

    /** {@code 0x} and exactly {@code digits} lowercase hex digits (String.format is slow on a hot path). */
    public static String hex(int code, int digits) {
        String h = Integer.toHexString(code);
        return "0x" + "0".repeat(Math.max(0, digits - h.length())) + h;
    }

    /** The IANA name alone, e.g. {@code TLS_AES_128_GCM_SHA256}, or {@code 0x....} when unknown. */
    public static String cipherSuiteName(int code) {
        String name = Texts.SUITE_NAMES.get(code);
        if (name != null) {
            return name;
        }
        return isGrease(code) ? "GREASE (" + hex(code, 4) + ")" : hex(code, 4);
    }

    /** E.g. {@code "TLS_AES_128_GCM_SHA256 (0x1301)"}. */
    public static String cipherSuite(int code) {
        String text = Texts.SUITES.get(code);
        return text != null ? text : cipherSuiteName(code);
    }

    /**
     * The "name (0x....)" texts of every named 16-bit code, made once: a ClientHello alone lists dozens of
     * suites, groups and schemes, and formatting each anew was most of what parsing it cost.
     */
    private static final class Texts {
        static final Map<Integer, String> SUITE_NAMES;
        static final Map<Integer, String> SUITES;
        static final Map<Integer, String> EXTENSIONS = texts16(WireNames.EXTENSIONS);
        static final Map<Integer, String> GROUPS = texts16(WireNames.GROUPS);
        static final Map<Integer, String> SIGNATURE_SCHEMES = texts16(WireNames.SIGNATURE_SCHEMES);

        static {
            Map<Integer, String> names = new java.util.HashMap<>(OTHER_SUITES);
            for (CipherSuite s : CipherSuite.values()) {
                names.put(s.code(), s.ianaName());
            }
            SUITE_NAMES = Map.copyOf(names);
            SUITES = texts16(SUITE_NAMES);
        }

        private static Map<Integer, String> texts16(Map<Integer, String> names) {
            Map<Integer, String> out = new java.util.HashMap<>();
            names.forEach((code, name) -> out.put(code, name + " (" + hex(code, 4) + ")"));
            return Map.copyOf(out);
        }

        private Texts() {
        }
    }

    private static String named16(Map<Integer, String> texts, int code) {
        String text = texts.get(code);
        if (text != null) {
            return text;
        }
        return (isGrease(code) ? "GREASE (" : "unknown (") + hex(code, 4) + ")";
    }

    /** E.g. {@code "key_share (0x0033)"}. */
    public static String extension(int type) {
        return named16(Texts.EXTENSIONS, type);
    }

    /** Snake-case extension name, or null if unknown. */
    static String extensionName(int type) {
        return EXTENSIONS.get(type);
    }

    /** E.g. {@code "x25519 (0x001d)"}. */
    public static String group(int code) {
        return named16(Texts.GROUPS, code);
    }

    /** Group name alone, or null if unknown. */
    static String groupName(int code) {
        return GROUPS.get(code);
    }

    /** E.g. {@code "rsa_pss_rsae_sha256 (0x0804)"}. */
    public static String signatureScheme(int code) {
        return named16(Texts.SIGNATURE_SCHEMES, code);
    }

    /** E.g. {@code "bad_record_mac (20)"}. */
    public static String alertDescription(int code) {
        String name = ALERTS.get(code);
        return (name == null ? "unknown" : name) + " (" + code + ")";
    }

    /** The alert name alone, e.g. {@code "bad_record_mac"}, or {@code "unknown_alert_N"}. */
    public static String alertName(int code) {
        String name = ALERTS.get(code);
        return name == null ? "unknown_alert_" + code : name;
    }

    /** One line a student understands, or null if the code is unknown. */
    static String alertExplanation(int code) {
        return ALERT_EXPLANATIONS.get(code);
    }

    /** RFC 5246 section 7.2: 1 warning, 2 fatal. */
    public static String alertLevel(int level) {
        return switch (level) {
            case 1 -> "warning";
            case 2 -> "fatal";
            default -> "unknown_level_" + level;
        };
    }
}
