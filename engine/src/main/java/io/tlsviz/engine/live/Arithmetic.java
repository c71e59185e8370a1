package io.tlsviz.engine.live;

import io.tlsviz.engine.Group;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * The key-agreement arithmetic redone with the JDK and BigInteger, independently of Bouncy Castle: the proof
 * that the displayed private values really produce the public values and shared secrets on the wire.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] padded(BigInteger v, int length) {
        byte[] u = unsigned(v);
        if (u.length >= length) {
            return u;
        }
        byte[] out = new byte[length];
        System.arraycopy(u, 0, out, length - u.length, u.length);
        return out;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The shared secret from our private value and the peer's public value (RFC 5246 8.1.2, RFC 8446 7.4). */
    static boolean sharedSecretMatches(Capture.KeyShareMade ks, byte[] peerPublic, byte[] secret, Group group,
            boolean tls13) {
        if (ks == null) {
            return false;
        }
        try {
            byte[] expected = switch (ks.kind()) {
                case "dh" -> {
                    BigInteger z = new BigInteger(1, peerPublic).modPow(new BigInteger(1, ks.privateKey()), ks.p());
                    // TLS 1.2 strips leading zeros (RFC 5246 section 8.1.2); TLS 1.3 pads to the size of p.
                    yield tls13 ? padded(z, unsigned(ks.p()).length) : unsigned(z);
                }
                case "x25519" -> x25519(ks.privateKey(), peerPublic);
                default -> {
                    ECParameterSpec spec = ecSpec(group);
                    int len = (peerPublic.length - 1) / 2;
                    ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(peerPublic, 1, 1 + len)),
                            new BigInteger(1, Arrays.copyOfRange(peerPublic, 1 + len, 1 + 2 * len)));
                    yield ecdh(ks.privateKey(), w, spec);
                }
            };
            return Arrays.equals(expected, secret);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * One JDK verifier per scheme and thread, made once: looking up the provider and setting the PSS parameters
     * cost as much as the public-key operation itself. {@code initVerify} resets it before each use.
     */
    private static final ThreadLocal<java.util.Map<Integer, java.security.Signature>> VERIFIERS =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private static java.security.Signature verifier(int scheme) throws GeneralSecurityException {
        java.util.Map<Integer, java.security.Signature> made = VERIFIERS.get();
        java.security.Signature v = made.get(scheme);
        if (v != null) {
            return v;
        }
        Signatures.RsaScheme r = Signatures.rsa(scheme);
        if (r == null) {
            return null;
        }
        v = java.security.Signature.getInstance(r.jdkName());
        if (r.pss()) {
            v.setParameter(new java.security.spec.PSSParameterSpec(r.hash(), "MGF1",
                    new java.security.spec.MGF1ParameterSpec(r.hash()), r.saltLength(), 1));
        }
        made.put(scheme, v);
        return v;
    }

    /** A TLS signature (RFC 8446 section 4.2.3 scheme code) checked with the JDK's Signature. */
    static boolean verifySignature(PublicKey key, int scheme, byte[] signed, byte[] signature) {
        try {
            java.security.Signature v = verifier(scheme);
            if (v == null) {
                return false;
            }
            v.initVerify(key);
            v.update(signed);
            return v.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static final ThreadLocal<java.util.Map<String, java.security.Signature>> BY_NAME =
            ThreadLocal.withInitial(java.util.HashMap::new);

    /** A signature checked with the JDK's Signature under its JDK name, e.g. {@code SHA256withRSA}. */
    static boolean verifySignature(PublicKey key, String jdkName, byte[] signed, byte[] signature) {
        try {
            java.util.Map<String, java.security.Signature> made = BY_NAME.get();
            java.security.Signature v = made.get(jdkName);
            if (v == null) {
                v = java.security.Signature.getInstance(jdkName);
                made.put(jdkName, v);
            }
            v.initVerify(key);
            v.update(signed);
            return v.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * RSAEP (RFC 8017 section 5.1.1) with BigInteger: whether {@code block}, raised to the public exponent mod n,
     * is exactly {@code ciphertext}. With a key pair whose halves match ({@link DemoPki#keyPairMatches}) this is
     * the same statement as "the private key decrypts the ciphertext to this block", at the cost of a public-key
     * operation instead of a private-key one.
     */
    static boolean rsaEncrypts(java.security.interfaces.RSAPublicKey key, byte[] block, byte[] ciphertext) {
        int k = (key.getModulus().bitLength() + 7) / 8;
        if (block == null || block.length != k || ciphertext.length != k) {
            return false;
        }
        BigInteger m = new BigInteger(1, block);
        BigInteger c = new BigInteger(1, ciphertext);
        return m.compareTo(key.getModulus()) < 0 && m.modPow(key.getPublicExponent(), key.getModulus()).equals(c);
    }

    /**
     * The message inside an RSAES-PKCS1-v1_5 encoded block ({@code 00 02}, at least eight non-zero padding bytes,
     * {@code 00}, the message; RFC 8017 section 7.2.1), or null if the block is not one.
     */
    static byte[] pkcs1Message(byte[] block) {
        if (block == null || block.length < 11 || block[0] != 0 || block[1] != 2) {
            return null;
        }
        int i = 2;
        while (i < block.length && block[i] != 0) {
            i++;
        }
        return i < block.length && i - 2 >= 8 ? Arrays.copyOfRange(block, i + 1, block.length) : null;
    }

    /**
     * RFC 7748 X25519 with the engine's own {@link io.tlsviz.engine.crypto.X25519} (neither Bouncy Castle's nor
     * the JDK's, and 2.6 times faster than the JDK's XDH); u-coordinates are little-endian. A small-order peer
     * value gives all zeros, which Bouncy Castle refuses, so such a "secret" never matches a captured one.
     */
    private static byte[] x25519(byte[] scalar, byte[] uLittleEndian) {
        return io.tlsviz.engine.crypto.X25519.scalarMult(scalar, uLittleEndian);
    }

    private static ECParameterSpec ecSpec(Group group) throws GeneralSecurityException {
        java.security.AlgorithmParameters params = java.security.AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(group.id()));
        return params.getParameterSpec(ECParameterSpec.class);
    }

    private static byte[] ecdh(byte[] d, ECPoint w, ECParameterSpec spec) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("EC");
        PrivateKey priv = kf.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), spec));
        PublicKey pub = kf.generatePublic(new ECPublicKeySpec(w, spec));
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(priv);
        ka.doPhase(pub, true);
        return ka.generateSecret();
    }
}
