package io.tlsviz.engine.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK primitives both key schedules build on. Deliberately not Bouncy Castle, so they check it: the
 * JDK's own providers are asked first, even if Bouncy Castle has been registered ahead of them.
 */
final class JdkCrypto {
    private static final String JDK_DIGESTS = "SUN";
    private static final String JDK_MACS = "SunJCE";

    private JdkCrypto() {
    }

    static byte[] digest(String hashName, byte[]... parts) {
        try {
            MessageDigest md = messageDigest(hashName);
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + hashName, e);
        }
    }

    static Mac hmac(String hmacName, byte[] key) {
        try {
            Mac mac = mac(hmacName);
            // SecretKeySpec rejects an empty key; HMAC with an empty key is the same as with one zero byte
            // block-padded, so a single zero byte stands in for it (RFC 2104 section 2).
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, hmacName));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot do " + hmacName, e);
        }
    }

    private static MessageDigest messageDigest(String name) throws GeneralSecurityException {
        return Security.getProvider(JDK_DIGESTS) != null
                ? MessageDigest.getInstance(name, JDK_DIGESTS)
                : MessageDigest.getInstance(name);
    }

    private static Mac mac(String name) throws GeneralSecurityException {
        return Security.getProvider(JDK_MACS) != null ? Mac.getInstance(name, JDK_MACS) : Mac.getInstance(name);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
