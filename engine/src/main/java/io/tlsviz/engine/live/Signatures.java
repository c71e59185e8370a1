package io.tlsviz.engine.live;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.crypto.Tls13KeySchedule;
import io.tlsviz.engine.wire.WireNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a signature in the handshake covers, rebuilt from one side's own view of the wire (never from Bouncy
 * Castle's TLS code), and how to write its making and its check as formulas. The check itself is the JDK's
 * {@code Signature} ({@link Arithmetic#verifySignature}).
 */
final class Signatures {
    private Signatures() {
    }

    /** RFC 8446 section 4.4.3: the context string of the server's CertificateVerify. */
    static final String SERVER_CONTEXT = "TLS 1.3, server CertificateVerify";

    /**
     * The bytes a signature covers and the signature that arrived with them.
     *
     * @param content        what is signed ({@code signed_content})
     * @param contentFormula how {@code content} is made of named values, for a student to redo
     * @param contentInputs  the names that formula uses
     * @param transcriptHash TLS 1.3: Transcript-Hash(ClientHello..Certificate), inside {@code content}; else null
     * @param covered        TLS 1.3: the messages that hash covers, as its formula names them
     *                       ({@link Transcripts#names}); else null
     * @param scheme         the SignatureScheme code the message names (RFC 8446 section 4.2.3)
     * @param signature      the signature bytes the message carries
     */
    record Signed(byte[] content, String contentFormula, List<String> contentInputs, byte[] transcriptHash,
            String covered, int scheme, byte[] signature) {
    }

    /**
     * RFC 5246 section 7.4.3 (RFC 8422 section 5.4 for ECDHE): a ServerKeyExchange's signature covers
     * client_random + server_random + the params exactly as they are on the wire, length fields included.
     *
     * @param ske the whole handshake message, header included
     * @return empty when the message is too short to hold params, a scheme and a signature
     */
    static Optional<Signed> serverKeyExchange(Exchange exchange, byte[] clientRandom, byte[] serverRandom,
            byte[] ske) {
        if (clientRandom == null || serverRandom == null || ske.length < 4 || (ske[0] & 0xff) != 12) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOfRange(ske, 4, ske.length);
        boolean dh = exchange == Exchange.DHE;
        int paramsEnd = dh ? skipVectors16(body, 0, 3) : skipEcParams(body);
        if (paramsEnd < 0 || paramsEnd + 4 > body.length) {
            return Optional.empty();
        }
        int scheme = u16(body, paramsEnd);
        int length = u16(body, paramsEnd + 2);
        if (paramsEnd + 4 + length != body.length) {
            return Optional.empty();
        }
        byte[] params = Arrays.copyOfRange(body, 0, paramsEnd);
        byte[] signature = Arrays.copyOfRange(body, paramsEnd + 4, body.length);
        String formula;
        List<String> inputs;
        if (dh) {
            // ServerDHParams: dh_p<1..2^16-1>, dh_g<1..2^16-1>, dh_Ys<1..2^16-1>.
            int p = u16(params, 0);
            int g = u16(params, 2 + p);
            int ys = u16(params, 4 + p + g);
            formula = "signed_content = client_random + server_random + " + WireNames.hex(p, 4) + " + dh_p + "
                    + WireNames.hex(g, 4) + " + dh_g + " + WireNames.hex(ys, 4) + " + server_dh_public " + DH_PARAMS;
            inputs = List.of("client_random", "server_random", "dh_p", "dh_g", "server_dh_public");
        } else {
            // ServerECDHParams: curve_type (1), named_curve (2), ECPoint point<1..2^8-1>.
            formula = "signed_content = client_random + server_random + " + WireNames.hex(params[0] & 0xff, 2)
                    + " + " + WireNames.hex(u16(params, 1), 4) + " + " + WireNames.hex(params[3] & 0xff, 2)
                    + " + server_ecdh_public " + EC_PARAMS;
            inputs = List.of("client_random", "server_random", "server_ecdh_public");
        }
        return Optional.of(new Signed(concat(clientRandom, serverRandom, params), formula, inputs, null, null,
                scheme, signature));
    }

    /** What the DHE formula says about the bytes between the named values. */
    static final String DH_PARAMS = "(ServerDHParams, each value after its 2-byte length; RFC 5246 section 7.4.3)";
    /** What the ECDHE formula says about the bytes between the named values. */
    static final String EC_PARAMS = "(ServerECDHParams: named_curve, the curve's code, the point after its 1-byte "
            + "length; RFC 8422 section 5.4)";

    /**
     * RFC 8446 section 4.4.3: 64 bytes of 0x20, the context string, a zero byte, then
     * Transcript-Hash(ClientHello..Certificate).
     *
     * @param before the handshake messages before the CertificateVerify, in order
     * @param cv     the CertificateVerify message, header included
     */
    static Optional<Signed> certificateVerify(CipherSuite suite, List<byte[]> before, byte[] cv) {
        if (cv.length < 8 || (cv[0] & 0xff) != 15 || 8 + u16(cv, 6) != cv.length) {
            return Optional.empty();
        }
        byte[] hash = Tls13KeySchedule.transcriptHash(suite, before.toArray(new byte[0][]));
        byte[] spaces = new byte[64];
        Arrays.fill(spaces, (byte) 0x20);
        byte[] content = concat(spaces, SERVER_CONTEXT.getBytes(StandardCharsets.US_ASCII), new byte[1], hash);
        String formula = "signed_content = 64 \u00d7 0x20 + \"" + SERVER_CONTEXT
                + "\" + 0x00 + certificate_verify_hash (RFC 8446 section 4.4.3)";
        return Optional.of(new Signed(content, formula, List.of("certificate_verify_hash"), hash,
                Transcripts.names(before, true), u16(cv, 4), Arrays.copyOfRange(cv, 8, cv.length)));
    }

    // ------------------------------------------------------------------ formulas

    /**
     * An RSA SignatureScheme tlsviz can check (RFC 8446 section 4.2.3): PKCS#1 v1.5 or PSS, its hash, and for PSS
     * MGF1 with the same hash and a salt as long as the hash. The one table both the formulas and the JDK verifier
     * ({@link Arithmetic#verifySignature(java.security.PublicKey, int, byte[], byte[])}) are made from.
     */
    record RsaScheme(boolean pss, String hash, int saltLength) {
        /** RFC 8017's name of the operation. */
        String operation() {
            return pss ? "RSASSA-PSS" : "RSASSA-PKCS1-v1_5";
        }

        /** The parameters as the formula writes them. */
        String parameters() {
            return pss ? "Hash = " + hash + ", MGF = MGF1(" + hash + "), sLen = " + saltLength : "Hash = " + hash;
        }

        /** The JDK's Signature algorithm name. */
        String jdkName() {
            return pss ? "RSASSA-PSS" : hash.replace("-", "") + "withRSA";
        }
    }

    /** The scheme for a SignatureScheme code, or null for one tlsviz cannot check. */
    static RsaScheme rsa(int scheme) {
        return switch (scheme) {
            case 0x0401 -> new RsaScheme(false, "SHA-256", 0);
            case 0x0501 -> new RsaScheme(false, "SHA-384", 0);
            case 0x0601 -> new RsaScheme(false, "SHA-512", 0);
            case 0x0804 -> new RsaScheme(true, "SHA-256", 32);
            case 0x0805 -> new RsaScheme(true, "SHA-384", 48);
            case 0x0806 -> new RsaScheme(true, "SHA-512", 64);
            default -> null;
        };
    }

    /** E.g. {@code server_signature = RSASSA-PSS-Sign(server_private_key, signed_content), Hash = ...; name (0x0804)}. */
    static String signFormula(int scheme, String signature, String key, String content) {
        RsaScheme r = rsa(scheme);
        return signature + " = " + (r == null ? "Sign" : r.operation() + "-Sign") + "(" + key + ", " + content + ")"
                + (r == null ? "" : ", " + r.parameters()) + "; " + WireNames.signatureScheme(scheme);
    }

    /** E.g. {@code RSASSA-PSS-Verify(server_public_key, signed_content, server_signature) = valid signature; ...}. */
    static String verifyFormula(int scheme, String signature, String key, String content, boolean valid) {
        RsaScheme r = rsa(scheme);
        return (r == null ? "Verify" : r.operation() + "-Verify") + "(" + key + ", " + content + ", " + signature
                + ") = " + verdict(valid) + "; " + WireNames.signatureScheme(scheme);
    }

    /** RFC 8017 sections 8.1.2 and 8.2.2: a verification outputs "valid signature" or "invalid signature". */
    static String verdict(boolean valid) {
        return valid ? "valid signature" : "invalid signature";
    }

    // ------------------------------------------------------------------ the server's certificate

    /**
     * The CA's signature on a certificate (RFC 5280 section 4.1): the DER of tbsCertificate exactly as it
     * crossed the wire, the algorithm, and the signature bits.
     *
     * @param algorithm the algorithm's name in RFC 4055 / RFC 8017, e.g. {@code sha256WithRSAEncryption}
     * @param jdkName   the JDK's name for it, e.g. {@code SHA256withRSA}
     */
    record SignedCertificate(byte[] tbs, String algorithm, String jdkName, byte[] signature) {
    }

    /** DER of the OID 1.2.840.113549.1.1 (PKCS #1), to which the RSA signature algorithms append one arc. */
    private static final byte[] PKCS1_ARC = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01};

    /**
     * The first certificate of a Certificate message (RFC 5246 section 7.4.2; RFC 8446 section 4.4.2 adds a
     * request context before the list and extensions after each entry), cut into its signed part and signature
     * with a minimal DER reader. Empty when the message or the DER is not what it should be, or the algorithm is
     * not one of the PKCS #1 v1.5 RSA signatures.
     */
    static Optional<SignedCertificate> leafCertificate(byte[] msg, boolean tls13) {
        try {
            int at = 4;
            if (tls13) {
                at += 1 + (msg[at] & 0xff);
            }
            at += 3; // certificate_list length
            int length = u24(msg, at);
            if (at + 3 + length > msg.length) {
                return Optional.empty();
            }
            byte[] der = Arrays.copyOfRange(msg, at + 3, at + 3 + length);
            int[] certificate = element(der, 0, 0x30);
            int inner = certificate[0];
            int[] tbs = element(der, inner, 0x30);
            int[] algorithm = element(der, tbs[1], 0x30);
            int[] oid = element(der, algorithm[0], 0x06);
            int[] bits = element(der, algorithm[1], 0x03);
            if (certificate[1] != der.length || bits[1] != certificate[1] || der[bits[0]] != 0) {
                return Optional.empty();
            }
            byte[] o = Arrays.copyOfRange(der, oid[0], oid[1]);
            if (o.length != PKCS1_ARC.length + 1 || !Arrays.equals(o, 0, PKCS1_ARC.length, PKCS1_ARC, 0,
                    PKCS1_ARC.length)) {
                return Optional.empty();
            }
            String bitsName = switch (o[PKCS1_ARC.length]) {
                case 11 -> "256";
                case 12 -> "384";
                case 13 -> "512";
                default -> null;
            };
            if (bitsName == null) {
                return Optional.empty();
            }
            return Optional.of(new SignedCertificate(Arrays.copyOfRange(der, inner, tbs[1]),
                    "sha" + bitsName + "WithRSAEncryption", "SHA" + bitsName + "withRSA",
                    Arrays.copyOfRange(der, bits[0] + 1, bits[1])));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * One DER element at {@code at} with the expected tag: {start of its content, end of the element}. Throws
     * IllegalArgumentException on another tag or a length it cannot read.
     */
    private static int[] element(byte[] der, int at, int tag) {
        if ((der[at] & 0xff) != tag) {
            throw new IllegalArgumentException("tag " + (der[at] & 0xff) + " at " + at + ", expected " + tag);
        }
        int first = der[at + 1] & 0xff;
        int length;
        int content;
        if (first < 0x80) {
            length = first;
            content = at + 2;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 3) {
                throw new IllegalArgumentException("length of " + n + " bytes at " + at);
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (der[at + 2 + i] & 0xff);
            }
            content = at + 2 + n;
        }
        if (content + length > der.length) {
            throw new IllegalArgumentException("element at " + at + " runs past the end");
        }
        return new int[] {content, content + length};
    }

    // ------------------------------------------------------------------ bytes

    /** Skips {@code count} 2-byte-length vectors from {@code at}; -1 when the body is cut short. */
    private static int skipVectors16(byte[] b, int at, int count) {
        for (int i = 0; i < count; i++) {
            if (at + 2 > b.length) {
                return -1;
            }
            at += 2 + u16(b, at);
        }
        return at <= b.length ? at : -1;
    }

    /** ServerECDHParams: curve_type (1), named_curve (2), point (1-byte length), RFC 8422 section 5.4. */
    private static int skipEcParams(byte[] b) {
        if (b.length < 4) {
            return -1;
        }
        int end = 4 + (b[3] & 0xff);
        return end <= b.length ? end : -1;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static int u24(byte[] b, int at) {
        return ((b[at] & 0xff) << 16) | ((b[at + 1] & 0xff) << 8) | (b[at + 2] & 0xff);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
