package io.tlsviz.engine.wire;

import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.crypto.CipherSuite;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of one TLS record into a tree of {@link Field}s whose leaves tile the record exactly
 * (RFC 5246 section 6.2, RFC 8446 section 5). Never throws on malformed input: what cannot be read becomes
 * a leaf named "Malformed ..." or "Unparsed bytes" whose meaning says what was expected.
 *
 * <p>Path scheme: the root is {@code record} (or {@code plaintext}); handshake messages are
 * {@code handshake}, {@code handshake_1}, {@code handshake_2}, ... in order, each with {@code msg_type},
 * {@code length} and a body named after the message, e.g. {@code record.handshake.client_hello.random}.
 * Constants for the most used paths are in {@link FieldPaths}.
 */
public final class RecordParser {
    /**
     * Where a TLS 1.2 CBC record's IV comes from: the record itself (RFC 5246 section 6.2.3.2), never the key block,
     * which has IVs only for GCM (section 6.3).
     */
    private static final String CBC_IV_MEANING = "This record's own initialisation vector for AES-CBC: 16 random "
            + "bytes sent in the clear (RFC 5246 section 6.2.3.2). TLS 1.2 takes no CBC IV from the key block";

    private RecordParser() {
    }

    /**
     * What the parser must know about the connection to decode a record.
     *
     * @param tls13          true once TLS 1.3 is negotiated (changes Certificate, NewSessionTicket and
     *                       record protection)
     * @param suite          the negotiated suite, or null before the ServerHello; ServerKeyExchange,
     *                       ClientKeyExchange and TLS 1.2 encrypted records depend on it
     * @param encrypted      true when the sender of the record already protects its records
     * @param encryptThenMac true when RFC 7366 encrypt-then-MAC was negotiated (CBC suites only)
     */
    public record Context(boolean tls13, CipherSuite suite, boolean encrypted, boolean encryptThenMac) {

        /** Nothing negotiated yet: ClientHello, ServerHello. */
        public static Context beforeServerHello() {
            return new Context(false, null, false, false);
        }

        /** TLS 1.2 with {@code suite} chosen, records still in plaintext. */
        public static Context tls12(CipherSuite suite) {
            return new Context(false, suite, false, false);
        }

        /** TLS 1.3 with {@code suite} chosen, records still in plaintext. */
        public static Context tls13(CipherSuite suite) {
            return new Context(true, suite, false, false);
        }

        /** The same connection once the sender has started to protect its records. */
        public Context asEncrypted() {
            return new Context(tls13, suite, true, encryptThenMac);
        }

        /** The same connection with RFC 7366 encrypt-then-MAC negotiated (or not). */
        public Context withEncryptThenMac(boolean etm) {
            return new Context(tls13, suite, encrypted, etm);
        }
    }

    static final int CHANGE_CIPHER_SPEC = 20;
    static final int ALERT = 21;
    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;
    static final int HEARTBEAT = 24;

    /**
     * Parses a whole record: the 5-byte header and its fragment. The root has path {@code record} and
     * covers every byte given, including bytes beyond the length the header announces.
     */
    public static Field parseRecord(byte[] record, Context ctx) {
        byte[] bytes = record == null ? new byte[0] : record.clone(); // the fields keep it for their hex
        Context c = ctx == null ? Context.beforeServerHello() : ctx;
        try {
            Node root = Node.root(bytes, false, FieldPaths.RECORD, "TLS Record");
            root.leftoverMeaning("Bytes after the end the record header announced: they belong to no record");
            root.run(n -> record(n, bytes, c));
            return root.build();
        } catch (RuntimeException e) {
            return internalError(bytes, false, FieldPaths.RECORD, "TLS Record", e);
        }
    }

    /**
     * Parses the decrypted content of an encrypted record (for TLS 1.3 the content without its inner
     * content type and padding). Fields have {@code inPlaintext} set, offsets count from the first byte of
     * {@code content}, the root path is {@code plaintext}.
     *
     * @param contentType the real content type: 22 handshake, 21 alert, 23 application data
     */
    public static Field parsePlaintext(byte[] content, int contentType, Context ctx) {
        byte[] bytes = content == null ? new byte[0] : content.clone(); // the fields keep it for their hex
        Context c = ctx == null ? Context.beforeServerHello() : ctx;
        try {
            Node root = Node.root(bytes, true, FieldPaths.PLAINTEXT, "Decrypted Content");
            root.run(n -> {
                n.describe(describe(bytes, contentType),
                        "What the encrypted record carried, as only the two endpoints can see it");
                content(n, contentType, c);
            });
            return root.build();
        } catch (RuntimeException e) {
            return internalError(bytes, true, FieldPaths.PLAINTEXT, "Decrypted Content", e);
        }
    }

    /**
     * Parses the decrypted TLSInnerPlaintext of a TLS 1.3 record (RFC 8446 section 5.2): the content, then the
     * real content type, then any zero padding, each a field, so that every decrypted byte is explained. Paths
     * of the content's fields are those {@link #parsePlaintext} gives.
     *
     * @param inner   content || ContentType || zeros, as decrypted
     * @param content how many of the first bytes are the content
     */
    public static Field parseTls13InnerPlaintext(byte[] inner, int content, Context ctx) {
        byte[] bytes = inner == null ? new byte[0] : inner.clone();
        Context c = ctx == null ? Context.tls13(null) : ctx;
        int type = content < bytes.length ? bytes[content] & 0xff : -1;
        try {
            Node root = Node.root(bytes, true, FieldPaths.PLAINTEXT, "Decrypted Content");
            root.run(n -> {
                n.describe(describe(java.util.Arrays.copyOf(bytes, Math.min(content, bytes.length)), type),
                        "What the encrypted record carried, as only the two endpoints can see it: the content, "
                                + "its real content type, and any padding (TLSInnerPlaintext)");
                n.window(content, "Content this tool could not read", w -> content(w, type, c));
                n.u8("inner_content_type", "Content Type", v -> WireNames.contentType((int) v),
                        "The real content type, hidden inside the encryption: the record header always says "
                                + "application_data (23) in TLS 1.3, so only the endpoints see what this record is");
                if (n.hasMore()) {
                    n.rest("padding", "Padding", b -> Node.bytesText(b.length) + " of zeros",
                            "Zero bytes a sender may add to hide the true length of the content; the receiver "
                                    + "strips them: the content type is the last non-zero byte");
                }
            });
            return root.build();
        } catch (RuntimeException e) {
            return internalError(bytes, true, FieldPaths.PLAINTEXT, "Decrypted Content", e);
        }
    }

    /**
     * A short name of what plaintext content holds: "ClientHello", "Certificate", "Finished", "Alert",
     * "ChangeCipherSpec", "ApplicationData", ...; handshake messages sharing a record are joined with "+",
     * e.g. "EncryptedExtensions+Certificate". "Encrypted" when the bytes cannot be plaintext of that type
     * (for instance the encrypted Finished of TLS 1.2, which travels with content type 22).
     *
     * @param content     the record's fragment (without the 5-byte header) or decrypted content
     * @param contentType the (real) content type
     */
    public static String describe(byte[] content, int contentType) {
        byte[] c = content == null ? new byte[0] : content;
        return switch (contentType) {
            case HANDSHAKE -> describeHandshakes(c);
            case CHANGE_CIPHER_SPEC -> c.length == 1 ? "ChangeCipherSpec" : "Encrypted";
            case ALERT -> c.length == 2 ? "Alert" : "Encrypted";
            case APPLICATION_DATA -> "ApplicationData";
            case HEARTBEAT -> "Heartbeat";
            default -> "Encrypted";
        };
    }

    /** {@link #describe} for a whole record, or "Encrypted" when {@code ctx} says it is protected. */
    public static String describeRecord(byte[] record, Context ctx) {
        if (record == null || record.length < 5) {
            return "Encrypted";
        }
        int type = record[0] & 0xff;
        Context c = ctx == null ? Context.beforeServerHello() : ctx;
        if (isProtected(type, c)) {
            return "Encrypted";
        }
        int len = Math.min(((record[3] & 0xff) << 8) | (record[4] & 0xff), record.length - 5);
        return describe(java.util.Arrays.copyOfRange(record, 5, 5 + len), type);
    }

    /**
     * For alert content (2 bytes, RFC 8446 section 6): level and description name, e.g.
     * {@code "fatal bad_record_mac"}; "Encrypted" when the content is not two bytes.
     */
    public static String describeAlert(byte[] content) {
        if (content == null || content.length != 2) {
            return "Encrypted";
        }
        return WireNames.alertLevel(content[0] & 0xff) + " " + WireNames.alertName(content[1] & 0xff);
    }

    private static String describeHandshakes(byte[] c) {
        List<String> names = new ArrayList<>();
        int pos = 0;
        while (pos < c.length) {
            if (pos + 4 > c.length) {
                return "Encrypted";
            }
            int type = c[pos] & 0xff;
            int len = ((c[pos + 1] & 0xff) << 16) | ((c[pos + 2] & 0xff) << 8) | (c[pos + 3] & 0xff);
            String title = WireNames.handshakeTitle(type);
            if (title == null || pos + 4 + len > c.length) {
                return "Encrypted";
            }
            if (type == 2 && len >= 34 && Messages.isHelloRetryRandom(c, pos + 6)) {
                title = "HelloRetryRequest";
            }
            names.add(title);
            pos += 4 + len;
        }
        return names.isEmpty() ? "Encrypted" : String.join("+", names);
    }

    /**
     * Whether a record of this outer type is protected. A ChangeCipherSpec is never encrypted (RFC 5246
     * section 7.1; RFC 8446 section 5); in TLS 1.3 every protected record has outer type 23 (section 5.2).
     */
    static boolean isProtected(int type, Context ctx) {
        if (!ctx.encrypted() || type == CHANGE_CIPHER_SPEC) {
            return false;
        }
        return !ctx.tls13() || type == APPLICATION_DATA;
    }

    // RFC 5246 section 6.2.1, RFC 8446 section 5.1
    private static void record(Node n, byte[] bytes, Context ctx) {
        n.describe("", "One TLS record: a 5-byte header, then the content it announces");
        int type = n.u8("content_type", "Content Type", t -> WireNames.contentType((int) t),
                "What the record carries: 22 handshake, 20 change cipher spec, 21 alert, 23 application data");
        n.u16("version", "Record Version", v -> WireNames.version((int) v),
                ctx.tls13() ? "Legacy field, frozen at TLS 1.2 (or 1.0) so old middleboxes let TLS 1.3 through"
                        : "Protocol version of this record; the first ClientHello may say TLS 1.0 for compatibility");
        int len = n.length("length", "Record Length", 2, "Number of content bytes that follow this 5-byte header");
        boolean prot = isProtected(type, ctx);
        int available = Math.min(len, bytes.length - 5);
        byte[] fragment = java.util.Arrays.copyOfRange(bytes, 5, 5 + available);
        String what = prot ? "Encrypted" : describe(fragment, type);
        // The whole record, as the diagram's arrow counts it, and how it splits: "267 bytes = 5 + 262". The
        // Record Length field below says 262; without the sum a student sees two sizes for one record.
        String size = Node.bytesText(5 + len) + " = 5 + " + len;
        if (available < len) {
            size = Node.bytesText(len);
            String first = type == HANDSHAKE && fragment.length > 0 ? WireNames.handshakeTitle(fragment[0] & 0xff) : null;
            what = prot ? what : first != null ? first : "incomplete";
            size += "; cut short: only " + Math.max(available, 0) + " of " + size + " present";
        }
        n.describe(beforeParenthesis(WireNames.contentType(type)) + " record: " + what + ", " + size,
                "One TLS record: a 5-byte header, then the content it announces");
        n.window(len, "Bytes of the record's content that do not belong to any message",
                w -> {
                    if (prot) {
                        encrypted(w, type, ctx);
                    } else {
                        content(w, type, ctx);
                    }
                });
    }

    static void content(Node n, int type, Context ctx) {
        switch (type) {
            case HANDSHAKE -> Messages.handshakes(n, ctx);
            case CHANGE_CIPHER_SPEC -> n.u8("change_cipher_spec", "Change Cipher Spec",
                    v -> v == 1 ? "1 (change_cipher_spec)" : "unexpected value " + v,
                    ctx.tls13() ? "Ignored in TLS 1.3: sent only so middleboxes take the connection for TLS 1.2"
                            : "From the next record on, this sender encrypts with the newly agreed keys");
            case ALERT -> n.group("alert", "Alert", 2, Messages::alert);
            case APPLICATION_DATA -> n.rest("application_data", "Application Data", RecordParser::preview,
                    "The application's own bytes (for example an HTTP request), protected by the record layer");
            case HEARTBEAT -> n.rest("heartbeat", "Heartbeat Message", b -> "",
                    "A keep-alive message (RFC 6520), not decoded here");
            default -> n.rest("fragment", "Unknown Content", b -> "",
                    "Content of a type this tool does not know; shown raw");
        }
    }

    // Record protection: RFC 5246 section 6.2.3, RFC 5288 section 3, RFC 7366 section 3, RFC 8446 section 5.2
    private static void encrypted(Node n, int type, Context ctx) {
        int len = n.remaining();
        CipherSuite suite = ctx.suite();
        if (ctx.tls13()) {
            if (len >= 17) {
                n.bytes("encrypted_record", "Encrypted Record", len - 16, Node.bytesText(len - 16),
                        "Ciphertext: the real content type (handshake, alert or application data), the message "
                                + "and any padding are all hidden inside");
                n.bytes("tag", "Authentication Tag", 16, "",
                        "16-byte AEAD tag over the ciphertext and the record header (type, legacy version, length) as additional data (RFC 8446 section 5.2): the receiver rejects the record if a single bit was changed");
            } else {
                tooShort(n, "at least 17 bytes: encrypted content type plus a 16-byte tag");
            }
            return;
        }
        if (suite == null) {
            n.rest("encrypted_fragment", "Encrypted Fragment", b -> Node.bytesText(b.length),
                    "Protected content; its layout depends on the cipher suite, which is not known here");
            return;
        }
        String inner = type == HANDSHAKE ? "the handshake message (usually Finished)"
                : type == ALERT ? "the alert" : "the application data";
        if (suite.isAead()) {
            if (len >= 8 + 16) {
                n.bytes("explicit_nonce", "Explicit Nonce", 8, "",
                        "8 bytes sent in the clear; with the 4-byte salt from the key block they form the GCM nonce");
                n.bytes("ciphertext", "Ciphertext", len - 24, Node.bytesText(len - 24),
                        "AES-GCM encryption of " + inner + ", same length as the plaintext");
                n.bytes("tag", "Authentication Tag", 16, "",
                        "16-byte GCM tag over the ciphertext and the additional data: sequence number, content type, version and plaintext length (RFC 5246 section 6.2.3.3); any change is detected");
            } else {
                tooShort(n, "at least 24 bytes: 8-byte explicit nonce and 16-byte tag");
            }
            return;
        }
        int mac = suite.mac().length();
        if (ctx.encryptThenMac()) {
            if (len >= 16 + 16 + mac) {
                n.bytes("iv", "IV", 16, "", CBC_IV_MEANING);
                n.bytes("ciphertext", "Ciphertext", len - 16 - mac, Node.bytesText(len - 16 - mac),
                        "AES-CBC encryption of " + inner + " plus padding up to a multiple of 16 bytes");
                n.bytes("mac", "MAC", mac, suite.mac().jdkName(),
                        "Encrypt-then-MAC: an HMAC over the header, IV and ciphertext, checked before decrypting");
            } else {
                tooShort(n, "at least " + (32 + mac) + " bytes: IV, one cipher block and a " + mac + "-byte MAC");
            }
            return;
        }
        if (len >= 32) {
            n.bytes("iv", "IV", 16, "", CBC_IV_MEANING);
            n.bytes("ciphertext", "Ciphertext", len - 16, Node.bytesText(len - 16),
                    "AES-CBC encryption of " + inner + ", then its " + suite.mac().jdkName()
                            + " MAC, then padding (MAC-then-encrypt)");
        } else {
            tooShort(n, "at least 32 bytes: a 16-byte IV and one cipher block");
        }
    }

    private static void tooShort(Node n, String expected) {
        n.rest("malformed", "Malformed Encrypted Record", b -> Node.bytesText(b.length),
                "Too short for this cipher suite's record protection, which needs " + expected);
    }

    /** Printable ASCII is shown as text, anything else by its size. */
    static String preview(byte[] b) {
        if (b.length == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == '\r') {
                s.append("\\r");
            } else if (c == '\n') {
                s.append("\\n");
            } else if (c == '\t') {
                s.append("\\t");
            } else if (c >= 0x20 && c < 0x7f) {
                s.append((char) c);
            } else {
                return Node.bytesText(b.length) + " (binary)";
            }
            if (s.length() > 80) {
                return s.append("...\" (").append(Node.bytesText(b.length)).append(")").toString();
            }
        }
        return s.append("\"").toString();
    }

    /** Last resort when the parser itself fails: one leaf, so callers still get a tiling. */
    private static Field internalError(byte[] bytes, boolean plaintext, String path, String name, Exception e) {
        Field leaf = new Field("Unparsed bytes", path + ".unparsed", 0, bytes.length, Hex.of(bytes),
                Node.bytesText(bytes.length), "The parser hit an internal error (" + e + ") and shows these raw",
                plaintext, List.of());
        return new Field(name, path, 0, bytes.length, Hex.of(bytes), "", "", plaintext,
                bytes.length == 0 ? List.of() : List.of(leaf));
    }

    /** "handshake (22)" -> "handshake". */
    private static String beforeParenthesis(String s) {
        int i = s.indexOf(" (");
        return i < 0 ? s : s.substring(0, i);
    }
}
