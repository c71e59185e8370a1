package io.tlsviz.engine.wire;

/**
 * The stable paths other code refers to most, so lessons and the app do not scatter string literals. Paths
 * of a plaintext record start with {@link #RECORD}; those of decrypted content with {@link #PLAINTEXT}. A
 * message that is not the first in its record sits under {@code handshake_1}, {@code handshake_2}, ...;
 * {@link Leaves#findBySuffix} finds a field wherever its message sits.
 */
public final class FieldPaths {
    private FieldPaths() {
    }

    public static final String RECORD = "record";
    public static final String PLAINTEXT = "plaintext";

    public static final String CONTENT_TYPE = "record.content_type";
    public static final String RECORD_VERSION = "record.version";
    public static final String RECORD_LENGTH = "record.length";
    public static final String HANDSHAKE = "record.handshake";
    public static final String HANDSHAKE_TYPE = "record.handshake.msg_type";
    public static final String HANDSHAKE_LENGTH = "record.handshake.length";

    public static final String CLIENT_HELLO = "record.handshake.client_hello";
    public static final String CLIENT_RANDOM = "record.handshake.client_hello.random";
    public static final String CLIENT_SESSION_ID = "record.handshake.client_hello.session_id";
    public static final String OFFERED_CIPHER_SUITES = "record.handshake.client_hello.cipher_suites";
    public static final String CLIENT_EXTENSIONS = "record.handshake.client_hello.extensions";
    /** The first (usually only) key share the client offers (TLS 1.3). */
    public static final String CLIENT_KEY_SHARE =
            "record.handshake.client_hello.extensions.key_share.data.entry_0.key_exchange";

    public static final String SERVER_HELLO = "record.handshake.server_hello";
    public static final String SERVER_RANDOM = "record.handshake.server_hello.random";
    public static final String SESSION_ID = "record.handshake.server_hello.session_id";
    public static final String CHOSEN_CIPHER_SUITE = "record.handshake.server_hello.cipher_suite";
    public static final String SERVER_EXTENSIONS = "record.handshake.server_hello.extensions";
    /** The server's key share (TLS 1.3). */
    public static final String SERVER_KEY_SHARE =
            "record.handshake.server_hello.extensions.key_share.data.key_exchange";
    public static final String SELECTED_VERSION =
            "record.handshake.server_hello.extensions.supported_versions.data.selected_version";
    public static final String HELLO_RETRY_REQUEST = "record.handshake.hello_retry_request";

    public static final String CERTIFICATE = "record.handshake.certificate";
    /** The server's own certificate (TLS 1.2, plaintext record). */
    public static final String SERVER_CERTIFICATE = "record.handshake.certificate.cert_0.der";

    public static final String SERVER_KEY_EXCHANGE = "record.handshake.server_key_exchange";
    public static final String DH_P = "record.handshake.server_key_exchange.dh_p";
    public static final String DH_G = "record.handshake.server_key_exchange.dh_g";
    public static final String DH_YS = "record.handshake.server_key_exchange.dh_ys";
    public static final String ECDHE_CURVE = "record.handshake.server_key_exchange.named_curve";
    public static final String ECDHE_SERVER_PUBLIC = "record.handshake.server_key_exchange.public_key";
    public static final String SKE_SIGNATURE_ALGORITHM = "record.handshake.server_key_exchange.signature_algorithm";
    public static final String SKE_SIGNATURE = "record.handshake.server_key_exchange.signature";

    public static final String CLIENT_KEY_EXCHANGE = "record.handshake.client_key_exchange";
    public static final String ENCRYPTED_PREMASTER = "record.handshake.client_key_exchange.encrypted_premaster";
    public static final String DH_YC = "record.handshake.client_key_exchange.dh_yc";
    public static final String ECDHE_CLIENT_PUBLIC = "record.handshake.client_key_exchange.public_key";

    public static final String CHANGE_CIPHER_SPEC = "record.change_cipher_spec";
    public static final String ALERT_LEVEL = "record.alert.level";
    public static final String ALERT_DESCRIPTION = "record.alert.description";

    /** Finished of TLS 1.2 once decrypted (the message is alone in its record). */
    public static final String VERIFY_DATA = "plaintext.handshake.finished.verify_data";
    /** Ends every Finished message's verify_data path, wherever the message sits. */
    public static final String VERIFY_DATA_SUFFIX = ".finished.verify_data";
    public static final String CERTIFICATE_VERIFY_SIGNATURE_SUFFIX = ".certificate_verify.signature";

    /** TLS 1.2 GCM record protection. */
    public static final String EXPLICIT_NONCE = "record.explicit_nonce";
    /** TLS 1.2 CBC record protection. */
    public static final String IV = "record.iv";
    public static final String CIPHERTEXT = "record.ciphertext";
    public static final String TAG = "record.tag";
    public static final String MAC = "record.mac";
    /** TLS 1.3 record protection. */
    public static final String ENCRYPTED_RECORD = "record.encrypted_record";
    public static final String APPLICATION_DATA = "plaintext.application_data";

    /** The same path for decrypted content: {@code record.x} becomes {@code plaintext.x}. */
    public static String inPlaintext(String recordPath) {
        return recordPath.startsWith(RECORD + ".") ? PLAINTEXT + recordPath.substring(RECORD.length()) : recordPath;
    }
}
