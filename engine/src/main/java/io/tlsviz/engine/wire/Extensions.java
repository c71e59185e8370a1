package io.tlsviz.engine.wire;

import java.nio.charset.StandardCharsets;

/** Hello and other extensions (RFC 8446 section 4.2, RFC 5246 section 7.4.1.4 and the RFCs named below). */
final class Extensions {
    private Extensions() {
    }

    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;

    /**
     * The extensions block at the end of a message: {@code extensions.length}, then one child per extension
     * named after its type. Absent when no bytes are left (a TLS 1.2 hello may end before it).
     */
    static void block(Node parent, int msgType, boolean hrr) {
        if (!parent.hasMore()) {
            return;
        }
        parent.group("extensions", "Extensions", -1, g -> {
            g.describe("", "Optional features, each a type, a length and data");
            Messages.list(g, "length", "Extensions Length", 2, "Number of bytes of extensions that follow",
                    (w, i) -> extension(w, msgType, hrr));
        });
    }

    private static String segmentOf(int type) {
        String name = WireNames.extensionName(type);
        if (name != null) {
            return name;
        }
        return (WireNames.isGrease(type) ? "grease_" : "ext_") + WireNames.hex(type, 4).substring(2);
    }

    private static void extension(Node w, int msgType, boolean hrr) {
        int peek = w.peekU16(0);
        String seg = peek < 0 ? "extension" : segmentOf(peek);
        String title = peek < 0 ? "Extension" : "Extension: " + displayName(peek);
        w.group(seg, title, -1, e -> {
            int type = e.u16("type", "Extension Type", t -> WireNames.extension((int) t), "Which extension this is");
            e.describe("", meaning(type, msgType, hrr));
            int len = e.length("length", "Extension Length", 2, len0Meaning(type));
            if (len == 0) {
                return;
            }
            if (decodes(type, msgType)) {
                e.group("data", "Extension Data", len, d -> {
                    d.describe("", "The contents of this extension");
                    data(d, type, msgType, hrr);
                });
            } else {
                int available = Math.min(len, e.remaining());
                e.bytes("data", "Extension Data", available, "", rawMeaning(type));
                if (available < len) {
                    e.value("cut short: only " + available + " of " + Node.bytesText(len) + " present");
                }
            }
        });
    }

    private static String displayName(int type) {
        String name = WireNames.extensionName(type);
        if (name != null) {
            return name;
        }
        return WireNames.isGrease(type) ? "GREASE" : WireNames.hex(type, 4);
    }

    private static String len0Meaning(int type) {
        return type == 22 || type == 23 || type == 49
                ? "Number of data bytes: 0, the extension's presence is the whole message"
                : "Number of bytes of extension data that follow";
    }

    private static String rawMeaning(int type) {
        return WireNames.isGrease(type) ? "Dummy data of a GREASE extension"
                : "The extension's data, shown raw";
    }

    private static boolean decodes(int type, int msgType) {
        return switch (type) {
            case 0, 5 -> msgType == CLIENT_HELLO;
            case 1, 10, 11, 13, 16, 28, 43, 45, 50, 51, 21, 0xff01 -> true;
            default -> false;
        };
    }

    private static String meaning(int type, int msgType, boolean hrr) {
        boolean client = msgType == CLIENT_HELLO;
        return switch (type) {
            case 0 -> client ? "The name of the site the client wants (SNI), so one server can host many sites"
                    : "The server confirms it used the name the client asked for";
            case 1 -> "Asks for smaller records, for constrained devices";
            // RFC 6066 section 8: only the ClientHello asks; a TLS 1.2 ServerHello's empty extension answers yes.
            case 5 -> client ? "Asks the server to staple a fresh OCSP response showing its certificate is not revoked"
                    : msgType == SERVER_HELLO ? "The server agrees to staple: right after its Certificate it sends a CertificateStatus message with a fresh OCSP response (TLS 1.2, RFC 6066 section 8)"
                    : "A fresh OCSP response for this certificate, stapled by the server (TLS 1.3, RFC 8446 section 4.4.2.1)";
            case 10 -> "The key exchange groups (elliptic curves, finite fields) the sender supports, preferred first";
            case 11 -> "How elliptic-curve points may be encoded; in practice always uncompressed";
            case 13 -> "The signature algorithms the sender accepts in the handshake";
            case 16 -> "Application protocols (such as h2 or http/1.1) to run over this connection";
            case 18 -> "Asks for certificate transparency proofs";
            case 21 -> "Zeros that pad the ClientHello to a size some servers handle better";
            case 22 -> "Encrypt-then-MAC (RFC 7366): CBC records get their MAC over the ciphertext";
            case 23 -> "Extended master secret (RFC 7627): the master secret is bound to the whole handshake";
            case 28 -> "The largest record the sender is willing to receive";
            case 35 -> "Session ticket (RFC 5077): empty asks for a ticket, non-empty resumes with one";
            case 41 -> "A pre-shared key to resume a session";
            case 42 -> "The client sends (or the server accepts) 0-RTT early data";
            case 43 -> client ? "The versions the client supports; this list, not the version field, offers TLS 1.3"
                    : "The version the server picked: this is how TLS 1.3 is negotiated";
            case 44 -> "A cookie the client must echo in its next ClientHello";
            case 45 -> "How a resumed session may use its pre-shared key: alone, or with a fresh (EC)DHE exchange";
            case 49 -> "The client is willing to authenticate after the handshake";
            case 50 -> "The signature algorithms accepted in certificates";
            case 51 -> hrr ? "The group the server wants a key share for"
                    : client ? "The client's ephemeral public key(s), sent at once so TLS 1.3 needs one round trip"
                    : "The server's ephemeral public key in the group it picked";
            case 0xff01 -> "Secure renegotiation (RFC 5746): empty on the first handshake of a connection";
            default -> WireNames.isGrease(type)
                    ? "A reserved dummy extension (GREASE) that keeps servers tolerant of unknown ones"
                    : "An extension this tool does not decode";
        };
    }

    private static void data(Node d, int type, int msgType, boolean hrr) {
        boolean client = msgType == CLIENT_HELLO;
        switch (type) {
            case 0 -> Messages.list(d, "list_length", "Server Name List Length", 2, "Number of bytes of names",
                    (w, i) -> w.group("name_" + i, "Server Name", -1, n -> {
                        n.u8("type", "Name Type", t -> t == 0 ? "host_name (0)" : "unknown (" + t + ")",
                                "The kind of name: 0 is a DNS host name");
                        int l = n.length("length", "Name Length", 2, "Number of bytes of the name");
                        byte[] host = n.bytes("host_name", "Host Name", l, Extensions::ascii,
                                "The DNS name of the site the client wants to reach; sent in the clear");
                        n.describe(ascii(host), "One server name");
                    }));
            case 1 -> d.u8("max_fragment_length", "Max Fragment Length",
                    v -> v >= 1 && v <= 4 ? (1 << (8 + v)) + " bytes (" + v + ")" : "unknown (" + v + ")",
                    "The largest record content the client wants to receive");
            case 5 -> { // RFC 6066 section 8
                d.u8("status_type", "Status Type", t -> t == 1 ? "ocsp (1)" : "unknown (" + t + ")",
                        "The kind of certificate status wanted: 1 is an OCSP response");
                int ids = d.length("responder_id_list_length", "Responder IDs Length", 2,
                        "Number of bytes naming trusted OCSP responders: 0 means any");
                d.bytes("responder_id_list", "Responder IDs", ids, "", "OCSP responders the client trusts");
                int exts = d.length("request_extensions_length", "Request Extensions Length", 2,
                        "Number of bytes of OCSP request extensions");
                d.bytes("request_extensions", "Request Extensions", exts, "", "Extensions for the OCSP request");
            }
            case 10 -> Messages.list(d, "list_length", "Groups Length", 2, "Number of bytes of groups, 2 per group",
                    (w, i) -> w.u16("group_" + i, "Group", g -> WireNames.group((int) g),
                            client ? "A group the client can use for key exchange" : "A group the server supports"));
            case 11 -> Messages.list(d, "list_length", "Formats Length", 1, "Number of formats",
                    (w, i) -> w.u8("format_" + i, "Point Format", Extensions::pointFormat,
                            "An encoding of curve points the sender can read"));
            case 13, 50 -> Messages.list(d, "list_length", "Algorithms Length", 2,
                    "Number of bytes of algorithms, 2 per algorithm",
                    (w, i) -> w.u16("algorithm_" + i, "Signature Algorithm", a -> WireNames.signatureScheme((int) a),
                            "A signature scheme (algorithm, padding, hash) the sender can verify"));
            case 16 -> Messages.list(d, "list_length", "Protocols Length", 2, "Number of bytes of protocol names",
                    (w, i) -> w.group("protocol_" + i, "Protocol", -1, p -> {
                        int l = p.length("length", "Protocol Name Length", 1, "Number of bytes of the name");
                        byte[] name = p.bytes("name", "Protocol Name", l, Extensions::ascii,
                                "An application protocol, e.g. h2 or http/1.1");
                        p.describe(ascii(name), "One application protocol");
                    }));
            case 21 -> d.rest("zeros", "Padding", b -> Node.bytesText(b.length), "Padding bytes, all zero");
            case 28 -> d.u16("limit", "Record Size Limit", v -> v + " bytes",
                    "The largest record (plaintext) the sender is willing to receive");
            case 43 -> {
                if (client) {
                    Messages.list(d, "list_length", "Versions Length", 1, "Number of bytes of versions, 2 per version",
                            (w, i) -> w.u16("version_" + i, "Supported Version", v -> WireNames.version((int) v),
                                    "A version the client supports, preferred first"));
                } else {
                    d.u16("selected_version", "Selected Version", v -> WireNames.version((int) v),
                            "The version the server chose from the client's list");
                }
            }
            case 45 -> Messages.list(d, "list_length", "Modes Length", 1, "Number of modes",
                    (w, i) -> w.u8("mode_" + i, "PSK Mode",
                            m -> m == 0 ? "psk_ke (0)" : m == 1 ? "psk_dhe_ke (1)" : "unknown (" + m + ")",
                            "psk_ke: resume with the key alone; psk_dhe_ke: also do a fresh (EC)DHE for forward secrecy"));
            case 51 -> {
                if (client) {
                    Messages.list(d, "list_length", "Key Shares Length", 2, "Number of bytes of key share entries",
                            (w, i) -> w.group("entry_" + i, "Key Share Entry", -1, Extensions::keyShareEntry));
                } else if (hrr) {
                    d.u16("group", "Selected Group", g -> WireNames.group((int) g),
                            "The group the server wants; the client must send a new ClientHello with a key share in it");
                } else {
                    keyShareEntry(d);
                }
            }
            case 0xff01 -> {
                int l = d.length("renegotiated_connection_length", "Renegotiated Connection Length", 1,
                        "Number of bytes that follow: 0 on a first handshake");
                d.bytes("renegotiated_connection", "Renegotiated Connection", l, "",
                        "The Finished data of the previous handshake, tying a renegotiation to it");
            }
            default -> d.rest("raw", "Extension Data", b -> "", "The extension's data, shown raw");
        }
    }

    // RFC 8446 section 4.2.8
    private static void keyShareEntry(Node e) {
        int group = e.u16("group", "Key Share Group", g -> WireNames.group((int) g),
                "The group this public key belongs to");
        int len = e.length("key_exchange_length", "Key Exchange Length", 2, "Number of bytes of the public key");
        e.bytes("key_exchange", "Public Key", len, k -> keyValue(group, k),
                "An ephemeral public key, fresh for this handshake; its private half never leaves the sender");
        e.describe(WireNames.group(group), "A public key in one group");
    }

    private static String keyValue(int group, byte[] k) {
        String name = WireNames.groupName(group);
        return (name == null ? "public key" : name + " public key") + " (" + Node.bytesText(k.length) + ")";
    }

    private static String pointFormat(long f) {
        return switch ((int) f) {
            case 0 -> "uncompressed (0)";
            case 1 -> "ansiX962_compressed_prime (1)";
            case 2 -> "ansiX962_compressed_char2 (2)";
            default -> "unknown (" + f + ")";
        };
    }

    static String ascii(byte[] b) {
        for (byte x : b) {
            if (x < 0x20 || x >= 0x7f) {
                return Node.bytesText(b.length) + " (not text)";
            }
        }
        return new String(b, StandardCharsets.US_ASCII);
    }
}
