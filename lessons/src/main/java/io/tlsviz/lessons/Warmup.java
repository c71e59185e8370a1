package io.tlsviz.lessons;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Diffie-Hellman with numbers small enough to check by hand, before the real 2048-bit values. Only the
 * inputs are written in a lesson; the rest is computed here, so a teacher cannot get the arithmetic wrong.
 * The client picks {@code a}, the server picks {@code b}.
 *
 * @param p the prime modulus
 * @param g the generator
 * @param a the client's private number
 * @param b the server's private number
 */
public record Warmup(BigInteger p, BigInteger g, BigInteger a, BigInteger b) {

    /** The client's public value A = g^a mod p. */
    public BigInteger clientPublic() {
        return g.modPow(a, p);
    }

    /** The server's public value B = g^b mod p. */
    public BigInteger serverPublic() {
        return g.modPow(b, p);
    }

    /** What the client computes: B^a mod p. */
    public BigInteger sharedByClient() {
        return serverPublic().modPow(a, p);
    }

    /** What the server computes: A^b mod p; always equal to {@link #sharedByClient()}. */
    public BigInteger sharedByServer() {
        return clientPublic().modPow(b, p);
    }

    /**
     * The numbers as narration placeholders: {@code warmup.p}, {@code warmup.g}, {@code warmup.a},
     * {@code warmup.b}, {@code warmup.A}, {@code warmup.B}, {@code warmup.shared}.
     */
    public Map<String, String> numbers() {
        Map<String, String> n = new LinkedHashMap<>();
        n.put("warmup.p", p.toString());
        n.put("warmup.g", g.toString());
        n.put("warmup.a", a.toString());
        n.put("warmup.b", b.toString());
        n.put("warmup.A", clientPublic().toString());
        n.put("warmup.B", serverPublic().toString());
        n.put("warmup.shared", sharedByClient().toString());
        return n;
    }

    /** The placeholder names {@link #numbers()} fills. */
    public static java.util.Set<String> placeholderNames() {
        return java.util.Set.of("warmup.p", "warmup.g", "warmup.a", "warmup.b", "warmup.A", "warmup.B",
                "warmup.shared");
    }
}
