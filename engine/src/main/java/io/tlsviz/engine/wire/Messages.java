package io.tlsviz.engine.wire;

import io.tlsviz.engine.crypto.CipherSuite.KeyExchange;
import io.tlsviz.engine.wire.RecordParser.Context;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.BiConsumer;

/** Handshake messages (RFC 5246 section 7.4, RFC 8446 section 4) and alerts, read into a {@link Node}. */
final class Messages {
    private Messages() {
    }

    /** SHA-256("HelloRetryRequest"), the ServerHello.random of a HelloRetryRequest (RFC 8446 section 4.1.3). */
    private static final byte[] HELLO_RETRY_RANDOM = io.tlsviz.engine.Hex.parse(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    /** "DOWNGRD" and 01 or 00: a TLS 1.3 server negotiating TLS 1.2 or below (RFC 8446 section 4.1.3). */
    private static final byte[] DOWNGRADE_PREFIX = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44};

    static boolean isHelloRetryRandom(byte[] b, int offset) {
        return offset + 32 <= b.length
                && Arrays.equals(b, offset, offset + 32, HELLO_RETRY_RANDOM, 0, 32);
    }

    static final String HELLO_RETRY_REQUEST = "hello_retry_request";

    /** Reads handshake messages until the end of the node: {@code handshake}, {@code handshake_1}, ... */
    static void handshakes(Node n, Context ctx) {
        for (int i = 0; n.hasMore(); i++) {
            int before = n.remaining();
            n.group(i == 0 ? "handshake" : "handshake_" + i, "Handshake Message", -1, hs -> handshake(hs, ctx));
            if (n.remaining() == before) {
                return; // cannot happen: a message reads at least its type byte; guard against looping
            }
        }
    }

    // RFC 8446 section 4, RFC 5246 section 7.4
    private static void handshake(Node hs, Context ctx) {
        int type = hs.u8("msg_type", "Handshake Type", t -> WireNames.handshakeType((int) t),
                "Which handshake message follows");
        int len = hs.length("length", "Handshake Length", 3, "Number of bytes of the message body that follows");
        String seg = WireNames.handshakeTypeName(type);
        String title = WireNames.handshakeTitle(type);
        byte[] random = hs.peekBytes(2, 32);
        boolean hrr = type == 2 && random != null && isHelloRetryRandom(random, 0);
        if (hrr) {
            seg = HELLO_RETRY_REQUEST;
            title = "HelloRetryRequest";
        }
        if (title == null) {
            title = "Unknown Message";
        }
        hs.describe(title + ", " + Node.bytesText(len), "A handshake message: type, 3-byte length, then the body");
        if (len == 0) {
            return;
        }
        if (seg == null) {
            hs.bytes("body", "Unknown Message Body", Math.min(len, hs.remaining()), "",
                    "The body of a handshake message of a type this tool does not know");
            return;
        }
        String name = title;
        boolean isHrr = hrr;
        hs.group(seg, title, len, body -> body(body, type, name, isHrr, ctx));
    }

    private static void body(Node b, int type, String title, boolean hrr, Context ctx) {
        b.describe("", meaningOf(type, hrr, ctx));
        switch (type) {
            case 1 -> clientHello(b);
            case 2 -> serverHello(b, hrr);
            case 4 -> newSessionTicket(b, ctx);
            case 8 -> Extensions.block(b, 8, false);
            case 11 -> certificate(b, ctx);
            case 12 -> serverKeyExchange(b, ctx);
            case 13 -> certificateRequest(b, ctx);
            case 15 -> certificateVerify(b);
            case 16 -> clientKeyExchange(b, ctx);
            // The sender's client_verify_data or server_verify_data; the app names which, beside its value.
            case 20 -> b.rest("verify_data", "Verify Data", x -> Node.bytesText(x.length), ctx.tls13()
                    ? "The sender's verify_data: an HMAC with its finished key over the hash of every handshake "
                            + "message before this one. The receiver computes the same and compares: proves both saw "
                            + "the same handshake"
                    : "The sender's verify_data: 12 bytes of the PRF over the master_secret and the hash of every "
                            + "handshake message before this one. The receiver computes the same and compares: proves "
                            + "the handshake was not tampered with");
            case 24 -> b.u8("request_update", "Request Update",
                    v -> v == 0 ? "update_not_requested (0)" : v == 1 ? "update_requested (1)" : "unknown (" + v + ")",
                    "Whether the peer should update its sending keys too");
            default -> b.rest("data", title + " Data", x -> "", "The body of this message, not decoded here");
        }
    }

    private static String meaningOf(int type, boolean hrr, Context ctx) {
        if (hrr) {
            return "The server asks the client to send a new ClientHello with a key share it can use";
        }
        return switch (type) {
            case 0 -> "The server asks the client to start a new handshake";
            case 1 -> "The client opens the handshake: its random, the versions, suites and extensions it supports";
            case 2 -> "The server answers: its random, the version and cipher suite it picked, and its extensions";
            case 4 -> "A ticket the client can present later to resume this session without a full handshake";
            case 8 -> "Server extensions that need not be seen by eavesdroppers, sent encrypted";
            case 11 -> "The certificate chain that proves the server's identity";
            case 12 -> "The server's ephemeral key exchange parameters, signed with its certificate key";
            case 13 -> "The server asks the client to authenticate with a certificate";
            case 14 -> "The server has sent everything for now; the client's turn";
            case 15 -> ctx.tls13() ? "A signature over the transcript hash, proving the sender holds the certificate's key"
                    : "The client's signature over the handshake so far, proving it holds its certificate's key";
            case 16 -> "The client's part of the key exchange: after it both sides can compute the premaster secret";
            case 20 -> ctx.tls13()
                    ? "The MAC over the whole handshake with this sender's finished key: proof that both sides saw the same handshake. In TLS 1.3 it is not the first protected message: everything after ServerHello is encrypted with the handshake keys"
                    : "The first message protected with the new keys: proof that both sides saw the same handshake";
            case 24 -> "The sender switches to fresh traffic keys";
            default -> "A handshake message";
        };
    }

    // RFC 8446 section 4.1.2, RFC 5246 section 7.4.1.2
    private static void clientHello(Node b) {
        b.u16("version", "Client Version", v -> WireNames.version((int) v),
                "Highest version the client supports; frozen at TLS 1.2 when TLS 1.3 is offered in supported_versions");
        b.bytes("random", "Client Random", 32, "",
                // Parsed before the version is settled: true for both (RFC 5246 section 8.1, RFC 8446 section 7.1).
                "32 random bytes chosen by the client; in TLS 1.2 they go into the master secret and every key, in TLS 1.3 only through the transcript hash");
        sessionId(b, "Session ID",
                "An earlier session the client would like to resume, or (TLS 1.3) random bytes for middlebox "
                        + "compatibility");
        b.group("cipher_suites", "Cipher Suites", -1, cs -> {
            list(cs, "length", "Cipher Suites Length", 2, "Number of bytes of cipher suites that follow, 2 per suite",
                    (w, i) -> w.u16("suite_" + i, "Cipher Suite", c -> WireNames.cipherSuite((int) c),
                            "A cipher suite the client can use, most preferred first: " + Suites.explain(w.peekU16(0))));
            cs.describe("", "The cipher suites the client supports, in order of preference");
        });
        b.group("compression_methods", "Compression Methods", -1, cm -> {
            list(cm, "length", "Compression Methods Length", 1, "Number of compression methods that follow",
                    (w, i) -> w.u8("method_" + i, "Compression Method", Messages::compression,
                            "Compression the client accepts; only null (none) is still allowed"));
            cm.describe("", "Record compression the client accepts; compression was dropped after the CRIME attack");
        });
        Extensions.block(b, 1, false);
    }

    // RFC 8446 section 4.1.3, RFC 5246 section 7.4.1.3
    private static void serverHello(Node b, boolean hrr) {
        b.u16("version", "Server Version", v -> WireNames.version((int) v),
                "Version the server picked; in TLS 1.3 frozen at TLS 1.2 and the real choice is in supported_versions");
        if (hrr) {
            b.bytes("random", "HelloRetryRequest Marker", 32, "SHA-256 of \"HelloRetryRequest\"",
                    "Not random: this fixed value marks the message as a HelloRetryRequest");
        } else {
            b.bytes("random", "Server Random", 32, Messages::serverRandomValue,
                    "32 random bytes chosen by the server; in TLS 1.2 they go into the master secret and every key, in TLS 1.3 only through the transcript hash");
        }
        sessionId(b, "Session ID", "The session ID for resumption (TLS 1.2), or the client's echoed back (TLS 1.3)");
        b.u16("cipher_suite", "Cipher Suite", c -> WireNames.cipherSuite((int) c),
                "The cipher suite the server chose from the client's list: " + Suites.explain(b.peekU16(0)));
        b.u8("compression_method", "Compression Method", Messages::compression,
                "The compression the server chose: always null (none)");
        Extensions.block(b, 2, hrr);
    }

    private static String serverRandomValue(byte[] r) {
        if (Arrays.equals(r, 24, 31, DOWNGRADE_PREFIX, 0, 7)) {
            return "ends with \"DOWNGRD\": a TLS 1.3 server signals that it was asked for an older version";
        }
        return "";
    }

    private static void sessionId(Node b, String name, String meaning) {
        int len = b.length("session_id_length", name + " Length", 1, "Number of session ID bytes that follow (0 to 32)");
        b.bytes("session_id", name, len, "", meaning);
    }

    private static String compression(long m) {
        return m == 0 ? "null (0)" : m == 1 ? "DEFLATE (1)" : "unknown (" + m + ")";
    }

    /** A length-prefixed list whose items are read by {@code item} as siblings of the length. */
    static void list(Node n, String lenSeg, String lenName, int lenSize, String lenMeaning,
            BiConsumer<Node, Integer> item) {
        int len = n.length(lenSeg, lenName, lenSize, lenMeaning);
        n.window(len, "Bytes at the end of the list that do not form a whole entry", w -> {
            for (int i = 0; w.hasMore(); i++) {
                int before = w.remaining();
                item.accept(w, i);
                if (w.remaining() == before) {
                    return;
                }
            }
        });
    }

    // RFC 5246 section 7.4.2, RFC 8446 section 4.4.2
    private static void certificate(Node b, Context ctx) {
        boolean tls13 = certificateIsTls13(b, ctx);
        if (tls13) {
            int ctxLen = b.length("request_context_length", "Request Context Length", 1,
                    "Length of the request context: 0 when the server sends its certificate in the handshake");
            b.bytes("request_context", "Request Context", ctxLen, "",
                    "Echo of the context of a CertificateRequest, binding this answer to it");
        }
        list(b, "list_length", "Certificate List Length", 3, "Number of bytes of certificates that follow",
                (w, i) -> w.group("cert_" + i, i == 0 ? "End-entity Certificate" : "CA Certificate", -1, e -> {
                    int len = e.length("length", "Certificate Length", 3, "Number of bytes of the certificate that follows");
                    byte[] der = e.bytes("der", "Certificate", len, CertificateSummary::of, i == 0
                            ? "The server's X.509 certificate (DER): its public key, name and the issuer's signature"
                            : "A certificate of the chain that vouches for the one before it");
                    e.describe(CertificateSummary.subject(der), i == 0
                            ? "The first certificate: the server's own" : "An intermediate or root certificate");
                    if (tls13) {
                        Extensions.block(e, 11, false);
                    }
                }));
    }

    /** The TLS 1.3 form starts with a 1-byte context; use the layout when it fits only one form. */
    private static boolean certificateIsTls13(Node b, Context ctx) {
        int total = b.remaining();
        int u24at0 = b.peekU8(0) < 0 || b.peekU16(1) < 0 ? -1 : (b.peekU8(0) << 16) | b.peekU16(1);
        int ctxLen = b.peekU8(0);
        boolean fits12 = u24at0 == total - 3;
        boolean fits13 = false;
        if (ctxLen >= 0 && b.peekU8(1 + ctxLen) >= 0 && b.peekU16(2 + ctxLen) >= 0) {
            int l = (b.peekU8(1 + ctxLen) << 16) | b.peekU16(2 + ctxLen);
            fits13 = l == total - 4 - ctxLen;
        }
        if (fits12 != fits13) {
            return fits13;
        }
        return ctx.tls13();
    }

    // RFC 5246 section 7.4.3, RFC 8422 section 5.4, RFC 7919 section 3
    private static void serverKeyExchange(Node b, Context ctx) {
        KeyExchange kx = ctx.suite() == null ? null : ctx.suite().keyExchange();
        boolean ecdhe = kx == KeyExchange.ECDHE_RSA || kx == KeyExchange.ECDHE_ECDSA
                || (kx != KeyExchange.DHE_RSA && b.peekU8(0) == 3 && WireNames.groupName(b.peekU16(1)) != null);
        if (ecdhe) {
            b.u8("curve_type", "Curve Type", t -> t == 3 ? "named_curve (3)" : "unknown (" + t + ")",
                    "How the curve is given: 3 means by name, the only form still used");
            int group = b.u16("named_curve", "Named Curve", g -> WireNames.group((int) g),
                    "The elliptic curve the server picked from the client's supported_groups");
            int len = b.length("public_key_length", "Public Key Length", 1, "Number of bytes of the public key");
            b.bytes("public_key", "Server Public Key", len, k -> ecPointValue(group, k),
                    "server_ecdh_public, the server's ephemeral public key: a fresh point on the curve, made from "
                            + "server_ecdh_private, which never leaves the server; used for this connection only");
        } else {
            // The meanings use the knowledge columns' names (RFC 5246's dh_p, dh_g, dh_Ys are these fields' names).
            dhValue(b, "dh_p", "DH Prime p",
                    "dh_p, the prime modulus of the Diffie-Hellman group: all arithmetic is modulo dh_p",
                    Messages::primeValue);
            dhValue(b, "dh_g", "DH Generator g",
                    "dh_g, the generator: each side raises it to its own private value, modulo dh_p",
                    g -> new BigInteger(1, g).toString());
            dhValue(b, "dh_ys", "Server Public Value Ys",
                    "server_dh_public = dh_g ^ server_dh_private mod dh_p, the server's ephemeral public value; "
                            + "server_dh_private never leaves the server", Messages::bitsText);
        }
        signature(b, "The signature scheme the server used, chosen from the client's signature_algorithms",
                "The server's signature over both randoms and these parameters, made with its certificate key");
    }

    private static byte[] dhValue(Node b, String seg, String name, String meaning,
            java.util.function.Function<byte[], String> value) {
        int cut = name.lastIndexOf(' ');
        String base = cut > 0 ? name.substring(0, cut) : name; // "DH Prime p" -> "DH Prime"
        int len = b.length(seg + "_length", base + " Length", 2, "Number of bytes of " + base + " that follow");
        return b.bytes(seg, name, len, value, meaning);
    }

    private static String primeValue(byte[] p) {
        String group = FfdheGroups.nameOf(new BigInteger(1, p));
        return bitsText(p) + (group == null ? "" : ", the " + group + " prime of RFC 7919");
    }

    static String bitsText(byte[] v) {
        int i = 0;
        while (i < v.length && v[i] == 0) {
            i++;
        }
        int bits = i == v.length ? 0 : (v.length - i - 1) * 8 + 32 - Integer.numberOfLeadingZeros(v[i] & 0xff);
        return bits + "-bit number";
    }

    private static String ecPointValue(int group, byte[] k) {
        String name = WireNames.groupName(group);
        if (k.length > 0 && k[0] == 4 && (group == 0x17 || group == 0x18 || group == 0x19)) {
            return "uncompressed point (04 || x || y) on " + name;
        }
        return name == null ? "" : name + " public key";
    }

    private static void signature(Node b, String algMeaning, String sigMeaning) {
        b.u16("signature_algorithm", "Signature Algorithm", a -> WireNames.signatureScheme((int) a), algMeaning);
        int len = b.length("signature_length", "Signature Length", 2, "Number of bytes of the signature");
        b.bytes("signature", "Signature", len, Node.bytesText(len), sigMeaning);
    }

    // RFC 8446 section 4.4.3, RFC 5246 section 7.4.8
    private static void certificateVerify(Node b) {
        signature(b, "The signature scheme used, one the peer listed in signature_algorithms",
                "Signature over the hash of all handshake messages so far, with the certificate's private key");
    }

    // RFC 5246 section 7.4.7, RFC 8422 section 5.7
    private static void clientKeyExchange(Node b, Context ctx) {
        KeyExchange kx = ctx.suite() == null ? null : ctx.suite().keyExchange();
        if (kx == null) {
            kx = b.peekU8(0) == b.remaining() - 1 ? KeyExchange.ECDHE_RSA : null;
        }
        if (kx == KeyExchange.ECDHE_RSA || kx == KeyExchange.ECDHE_ECDSA) {
            int len = b.length("public_key_length", "Public Key Length", 1, "Number of bytes of the public key");
            b.bytes("public_key", "Client Public Key", len, "",
                    "client_ecdh_public, the client's ephemeral public key on the server's curve, made from "
                            + "client_ecdh_private, which never leaves the client; now both can compute the shared "
                            + "secret");
        } else if (kx == KeyExchange.DHE_RSA) {
            dhValue(b, "dh_yc", "Client Public Value Yc",
                    "client_dh_public = dh_g ^ client_dh_private mod dh_p, the client's ephemeral public value; "
                            + "client_dh_private never leaves the client; now both can compute the premaster secret",
                    Messages::bitsText);
        } else if (kx == KeyExchange.RSA) {
            int len = b.length("encrypted_premaster_length", "Encrypted Premaster Length", 2,
                    "Number of bytes of the encrypted premaster secret (the RSA key size)");
            b.bytes("encrypted_premaster", "Encrypted Premaster Secret", len, Node.bytesText(len),
                    "48 secret bytes chosen by the client, encrypted to the server's RSA key: whoever has that key "
                            + "can read them, later too (no forward secrecy)");
        } else {
            int len = b.length("exchange_keys_length", "Exchange Keys Length", 2, "Number of bytes that follow");
            b.bytes("exchange_keys", "Exchange Keys", len, "",
                    "Encrypted premaster secret (RSA) or the client's DH public value; the cipher suite says which");
        }
    }

    // RFC 5077 section 3.3, RFC 8446 section 4.6.1
    private static void newSessionTicket(Node b, Context ctx) {
        if (ctx.tls13()) {
            b.uint("ticket_lifetime", "Ticket Lifetime", 4, s -> s + " seconds",
                    "How long the client may use this ticket");
            b.uint("ticket_age_add", "Ticket Age Add", 4, a -> "", "A random number that hides the ticket's age on the wire");
            int nl = b.length("ticket_nonce_length", "Ticket Nonce Length", 1, "Number of nonce bytes");
            b.bytes("ticket_nonce", "Ticket Nonce", nl, "", "Makes the resumption secret of each ticket different");
        } else {
            b.uint("ticket_lifetime_hint", "Ticket Lifetime Hint", 4, s -> s + " seconds",
                    "How long the server suggests keeping the ticket");
        }
        int len = b.length("ticket_length", "Ticket Length", 2, "Number of ticket bytes");
        b.bytes("ticket", "Ticket", len, Node.bytesText(len),
                "Opaque to the client: the session state, encrypted with a key only the server knows");
        if (ctx.tls13()) {
            Extensions.block(b, 4, false);
        }
    }

    // RFC 5246 section 7.4.4, RFC 8446 section 4.3.2
    private static void certificateRequest(Node b, Context ctx) {
        if (ctx.tls13()) {
            int cl = b.length("request_context_length", "Request Context Length", 1, "Number of context bytes");
            b.bytes("request_context", "Request Context", cl, "", "Echoed in the client's Certificate");
            Extensions.block(b, 13, false);
            return;
        }
        b.group("certificate_types", "Certificate Types", -1, g -> list(g, "length", "Certificate Types Length", 1,
                "Number of certificate types", (w, i) -> w.u8("type_" + i, "Certificate Type",
                        t -> t == 1 ? "rsa_sign (1)" : t == 64 ? "ecdsa_sign (64)" : "type " + t,
                        "A kind of client certificate the server accepts")));
        b.group("signature_algorithms", "Signature Algorithms", -1, g -> list(g, "length",
                "Signature Algorithms Length", 2, "Number of bytes of algorithms", (w, i) -> w.u16("algorithm_" + i,
                        "Signature Algorithm", a -> WireNames.signatureScheme((int) a),
                        "A signature scheme the server accepts from the client")));
        int len = b.length("certificate_authorities_length", "Certificate Authorities Length", 2,
                "Number of bytes of CA names");
        b.bytes("certificate_authorities", "Certificate Authorities", len, "",
                "Names of the authorities whose certificates the server trusts (DER-encoded)");
    }

    // RFC 8446 section 6, RFC 5246 section 7.2
    static void alert(Node a) {
        int level = a.u8("level", "Alert Level", l -> WireNames.alertLevel((int) l) + " (" + l + ")",
                "How serious: 1 warning, 2 fatal (the connection ends at once); TLS 1.3 ignores it");
        int desc = a.u8("description", "Alert Description", d -> WireNames.alertDescription((int) d),
                explainAlert(a));
        a.describe(WireNames.alertLevel(level) + " " + WireNames.alertName(desc),
                "An alert: the sender reports a problem or that it is closing the connection");
    }

    private static String explainAlert(Node a) {
        String e = WireNames.alertExplanation(a.peekU8(0));
        return e == null ? "What happened: a code this tool does not know" : "What happened: " + e;
    }
}
