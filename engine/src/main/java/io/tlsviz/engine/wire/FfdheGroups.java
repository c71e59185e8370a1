package io.tlsviz.engine.wire;

import java.math.BigInteger;
import org.bouncycastle.crypto.agreement.DHStandardGroups;

/** Recognises the RFC 7919 primes so a ServerKeyExchange can say which group it uses. */
final class FfdheGroups {
    private FfdheGroups() {
    }

    static String nameOf(BigInteger p) {
        if (p.equals(DHStandardGroups.rfc7919_ffdhe2048.getP())) {
            return "ffdhe2048";
        }
        if (p.equals(DHStandardGroups.rfc7919_ffdhe3072.getP())) {
            return "ffdhe3072";
        }
        if (p.equals(DHStandardGroups.rfc7919_ffdhe4096.getP())) {
            return "ffdhe4096";
        }
        return null;
    }
}
