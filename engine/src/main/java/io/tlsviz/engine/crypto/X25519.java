package io.tlsviz.engine.crypto;

/**
 * The X25519 function of RFC 7748 section 5, written out here so the proof can recompute X25519 public
 * values and shared secrets independently of both libraries in play: Bouncy Castle, whose TLS code ran the
 * handshake, and the JDK's XDH (correct, but over twice as slow). It depends on neither.
 *
 * <p>It only recomputes values that are already on display, so it is not constant time (the ladder's
 * conditional swap is a branch) and must not be used to generate or handle secret keys. It is correct for
 * every input: any 32-byte scalar, and any 32-byte u-coordinate, including ones with the top bit set (it is
 * ignored) and non-canonical ones at or above p = 2<sup>255</sup> - 19 (they are reduced), as the RFC asks.
 *
 * <p>Field elements are five {@code long} limbs of 51 bits (radix 2<sup>51</sup>); the 128-bit limb
 * products come from {@link Math#multiplyHigh} and {@code *}. Limbs between operations may exceed 51 bits
 * a little: multiplication and squaring accept limbs below 2<sup>53</sup> and return limbs of at most
 * 2<sup>51</sup>, which is what every subtraction here relies on.
 */
public final class X25519 {
    /** The length of a scalar, a u-coordinate and a result, in bytes. */
    public static final int LENGTH = 32;

    private static final long M = (1L << 51) - 1;
    private static final int A24 = 121665;
    /** 2p in limbs, added before a subtraction so no limb goes negative. */
    private static final long TWO_P0 = 2 * (M - 18);
    private static final long TWO_P = 2 * M;

    private X25519() {
    }

    /** X25519(scalar, 9): the public key (u-coordinate) for a private scalar. */
    public static byte[] publicKey(byte[] scalar) {
        byte[] nine = new byte[LENGTH];
        nine[0] = 9;
        return scalarMult(scalar, nine);
    }

    /**
     * X25519(scalar, u) as defined in RFC 7748 section 5; neither argument is modified.
     *
     * @param scalar 32 bytes, little-endian; clamped as decodeScalar25519 does
     * @param u 32 bytes, little-endian; the top bit is masked and values of p or more are reduced
     * @return the 32-byte little-endian u-coordinate of the result; all zero for a u of small order, which
     *     the RFC allows (the JDK's XDH throws instead)
     * @throws IllegalArgumentException if either argument is not 32 bytes
     */
    public static byte[] scalarMult(byte[] scalar, byte[] u) {
        requireLength(scalar, "scalar");
        requireLength(u, "u-coordinate");
        byte[] k = scalar.clone();
        k[0] &= (byte) 248;
        k[31] &= 127;
        k[31] |= 64;

        long[] x1 = decode(u);
        long[] x2 = {1, 0, 0, 0, 0};
        long[] z2 = new long[5];
        long[] x3 = x1.clone();
        long[] z3 = {1, 0, 0, 0, 0};
        long[] a = new long[5];
        long[] b = new long[5];
        long[] c = new long[5];
        long[] d = new long[5];
        long[] e = new long[5];
        int swap = 0;
        for (int t = 254; t >= 0; t--) {
            int kt = (k[t >>> 3] >>> (t & 7)) & 1;
            if ((swap ^ kt) != 0) {
                long[] s = x2;
                x2 = x3;
                x3 = s;
                s = z2;
                z2 = z3;
                z3 = s;
            }
            swap = kt;
            add(a, x2, z2); // A
            sub(b, x2, z2); // B
            add(c, x3, z3); // C
            sub(d, x3, z3); // D
            mul(d, d, a); // DA
            mul(c, c, b); // CB
            sq(a, a); // AA
            sq(b, b); // BB
            add(x3, d, c);
            sq(x3, x3); // x_3 = (DA + CB)^2
            sub(z3, d, c);
            sq(z3, z3);
            mul(z3, z3, x1); // z_3 = x_1 * (DA - CB)^2
            mul(x2, a, b); // x_2 = AA * BB
            sub(e, a, b); // E = AA - BB
            mulSmall(z2, e, A24);
            add(z2, z2, a);
            mul(z2, z2, e); // z_2 = E * (AA + a24 * E)
        }
        if (swap != 0) {
            x2 = x3;
            z2 = z3;
        }
        invert(z2, z2);
        mul(x2, x2, z2);
        return encode(x2);
    }

    private static void requireLength(byte[] value, String what) {
        if (value == null || value.length != LENGTH) {
            throw new IllegalArgumentException("an X25519 " + what + " is " + LENGTH + " bytes, not "
                    + (value == null ? "null" : value.length));
        }
    }

    /** decodeUCoordinate: little-endian, top bit masked; the value may still be p or more. */
    private static long[] decode(byte[] u) {
        long w0 = word(u, 0);
        long w1 = word(u, 8);
        long w2 = word(u, 16);
        long w3 = word(u, 24) & Long.MAX_VALUE;
        return new long[] {w0 & M, (w0 >>> 51 | w1 << 13) & M, (w1 >>> 38 | w2 << 26) & M,
            (w2 >>> 25 | w3 << 39) & M, w3 >>> 12};
    }

    private static long word(byte[] bytes, int offset) {
        long w = 0;
        for (int i = 7; i >= 0; i--) {
            w = w << 8 | (bytes[offset + i] & 0xff);
        }
        return w;
    }

    /** encodeUCoordinate, after reducing f fully to its canonical value below p. */
    private static byte[] encode(long[] f) {
        long[] h = f.clone();
        carry(h);
        carry(h); // now every limb is below 2^51, so h < 2^255 < 2p
        long q = (h[0] + 19) >>> 51; // q = 1 exactly when h + 19 >= 2^255, i.e. h >= p
        for (int i = 1; i < 5; i++) {
            q = (h[i] + q) >>> 51;
        }
        h[0] += 19 * q;
        for (int i = 0; i < 4; i++) {
            h[i + 1] += h[i] >>> 51;
            h[i] &= M;
        }
        h[4] &= M; // drops the 2^255 that subtracting p leaves over
        long[] w = {h[0] | h[1] << 51, h[1] >>> 13 | h[2] << 38, h[2] >>> 26 | h[3] << 25, h[3] >>> 39 | h[4] << 12};
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = (byte) (w[i >>> 3] >>> 8 * (i & 7));
        }
        return out;
    }

    /** One carry pass: limbs 1..4 end below 2^51, limb 0 may exceed it slightly (2^255 wraps to 19). */
    private static void carry(long[] h) {
        for (int i = 0; i < 4; i++) {
            h[i + 1] += h[i] >>> 51;
            h[i] &= M;
        }
        h[0] += 19 * (h[4] >>> 51);
        h[4] &= M;
    }

    private static void add(long[] r, long[] f, long[] g) {
        for (int i = 0; i < 5; i++) {
            r[i] = f[i] + g[i];
        }
    }

    /** r = f - g + 2p; g's limbs must not exceed 2p's (any result of mul or sq qualifies). */
    private static void sub(long[] r, long[] f, long[] g) {
        r[0] = f[0] + TWO_P0 - g[0];
        for (int i = 1; i < 5; i++) {
            r[i] = f[i] + TWO_P - g[i];
        }
    }

    /*
     * The limb products are up to 111 bits. Their operands are passed pre-shifted, the left one by 8 bits and
     * the right one by 5 (both still below 2^63), so a 64 x 64-bit product is the wanted one times 2^13: its
     * high word is the wanted product shifted right by 51, and its low word, shifted right by 13, the wanted
     * product's low 51 bits. That takes two multiplications and one shift per limb product.
     */

    /** The low 51 bits of x * y, given a = x * 2^8 and b = y * 2^5. */
    private static long lo(long a, long b) {
        return (a * b) >>> 13;
    }

    /** x * y shifted right by 51 bits, given a = x * 2^8 and b = y * 2^5. */
    private static long hi(long a, long b) {
        return Math.multiplyHigh(a, b);
    }

    /** r = f * g; r may be f or g. */
    private static void mul(long[] r, long[] f, long[] g) {
        long f0 = f[0] << 8, f1 = f[1] << 8, f2 = f[2] << 8, f3 = f[3] << 8, f4 = f[4] << 8;
        long g0 = g[0] << 5, g1 = g[1] << 5, g2 = g[2] << 5, g3 = g[3] << 5, g4 = g[4] << 5;
        long g1x = 19 * g1, g2x = 19 * g2, g3x = 19 * g3, g4x = 19 * g4;
        // limb i of the product is the sum of f_j * g_(i-j), where 2^255 = 19 folds indices past 4 back
        reduce(r,
                lo(f0, g0) + lo(f1, g4x) + lo(f2, g3x) + lo(f3, g2x) + lo(f4, g1x),
                hi(f0, g0) + hi(f1, g4x) + hi(f2, g3x) + hi(f3, g2x) + hi(f4, g1x),
                lo(f0, g1) + lo(f1, g0) + lo(f2, g4x) + lo(f3, g3x) + lo(f4, g2x),
                hi(f0, g1) + hi(f1, g0) + hi(f2, g4x) + hi(f3, g3x) + hi(f4, g2x),
                lo(f0, g2) + lo(f1, g1) + lo(f2, g0) + lo(f3, g4x) + lo(f4, g3x),
                hi(f0, g2) + hi(f1, g1) + hi(f2, g0) + hi(f3, g4x) + hi(f4, g3x),
                lo(f0, g3) + lo(f1, g2) + lo(f2, g1) + lo(f3, g0) + lo(f4, g4x),
                hi(f0, g3) + hi(f1, g2) + hi(f2, g1) + hi(f3, g0) + hi(f4, g4x),
                lo(f0, g4) + lo(f1, g3) + lo(f2, g2) + lo(f3, g1) + lo(f4, g0),
                hi(f0, g4) + hi(f1, g3) + hi(f2, g2) + hi(f3, g1) + hi(f4, g0));
    }

    /** r = f^2; r may be f. Like mul, with the equal cross products paired (d are the doubled limbs). */
    private static void sq(long[] r, long[] f) {
        long f0 = f[0] << 8, f1 = f[1] << 8, f2 = f[2] << 8, f3 = f[3] << 8, f4 = f[4] << 8;
        long d0 = f0 << 1, d1 = f1 << 1, d2 = f2 << 1, d3 = f3 << 1;
        long g0 = f[0] << 5, g1 = f[1] << 5, g2 = f[2] << 5, g3 = f[3] << 5, g4 = f[4] << 5;
        long g3x = 19 * g3, g4x = 19 * g4;
        reduce(r,
                lo(f0, g0) + lo(d1, g4x) + lo(d2, g3x),
                hi(f0, g0) + hi(d1, g4x) + hi(d2, g3x),
                lo(d0, g1) + lo(d2, g4x) + lo(f3, g3x),
                hi(d0, g1) + hi(d2, g4x) + hi(f3, g3x),
                lo(d0, g2) + lo(f1, g1) + lo(d3, g4x),
                hi(d0, g2) + hi(f1, g1) + hi(d3, g4x),
                lo(d0, g3) + lo(d1, g2) + lo(f4, g4x),
                hi(d0, g3) + hi(d1, g2) + hi(f4, g4x),
                lo(d0, g4) + lo(d1, g3) + lo(f2, g2),
                hi(d0, g4) + hi(d1, g3) + hi(f2, g2));
    }

    /**
     * Stores the five limbs t_i = l_i + 2^51 h_i as 51-bit limbs (limb 1 may reach 2^51 itself):
     * each h_i moves up one limb, and h_4, at 2^255, comes back to limb 0 times 19. Each l_i is below 2^54
     * and each h_i below 2^62, so nothing overflows.
     */
    private static void reduce(long[] r, long l0, long h0, long l1, long h1, long l2, long h2, long l3, long h3,
            long l4, long h4) {
        long r0 = l0 + 19 * (h4 & M);
        long r1 = l1 + h0 + 19 * (h4 >>> 51);
        long r2 = l2 + h1;
        long r3 = l3 + h2;
        long r4 = l4 + h3;
        r1 += r0 >>> 51;
        r0 &= M;
        r2 += r1 >>> 51;
        r1 &= M;
        r3 += r2 >>> 51;
        r2 &= M;
        r4 += r3 >>> 51;
        r3 &= M;
        r0 += 19 * (r4 >>> 51);
        r4 &= M;
        r1 += r0 >>> 51;
        r0 &= M;
        r[0] = r0;
        r[1] = r1;
        r[2] = r2;
        r[3] = r3;
        r[4] = r4;
    }

    /** r = f * n for a small n (below 2^17). */
    private static void mulSmall(long[] r, long[] f, long n) {
        long m = n << 5;
        long f0 = f[0] << 8, f1 = f[1] << 8, f2 = f[2] << 8, f3 = f[3] << 8, f4 = f[4] << 8;
        r[0] = lo(f0, m) + 19 * hi(f4, m);
        r[4] = lo(f4, m) + hi(f3, m);
        r[3] = lo(f3, m) + hi(f2, m);
        r[2] = lo(f2, m) + hi(f1, m);
        r[1] = lo(f1, m) + hi(f0, m);
    }

    /** r = f^(p-2) = 1/f (0 for f = 0), by the addition chain 1, 2, 9, 11, 2^5-1, 2^10-1, ..., 2^250-1. */
    private static void invert(long[] r, long[] f) {
        long[] z2 = new long[5];
        long[] z9 = new long[5];
        long[] z11 = new long[5];
        long[] t = new long[5];
        sq(z2, f);
        sqn(t, z2, 2);
        mul(z9, t, f);
        mul(z11, z9, z2);
        sq(t, z11);
        long[] e5 = new long[5];
        mul(e5, t, z9); // 2^5 - 1
        long[] e10 = pow2kMinus1(e5, 5, e5); // 2^10 - 1
        long[] e20 = pow2kMinus1(e10, 10, e10); // 2^20 - 1
        long[] e40 = pow2kMinus1(e20, 20, e20); // 2^40 - 1
        long[] e50 = pow2kMinus1(e40, 10, e10); // 2^50 - 1
        long[] e100 = pow2kMinus1(e50, 50, e50); // 2^100 - 1
        long[] e200 = pow2kMinus1(e100, 100, e100); // 2^200 - 1
        long[] e250 = pow2kMinus1(e200, 50, e50); // 2^250 - 1
        sqn(t, e250, 5); // 2^255 - 32
        mul(r, t, z11); // 2^255 - 21 = p - 2
    }

    /** f^(2^n) * g: with f = x^(2^a - 1) and g = x^(2^n - 1), that is x^(2^(a+n) - 1). */
    private static long[] pow2kMinus1(long[] f, int n, long[] g) {
        long[] r = new long[5];
        sqn(r, f, n);
        mul(r, r, g);
        return r;
    }

    private static void sqn(long[] r, long[] f, int n) {
        sq(r, f);
        for (int i = 1; i < n; i++) {
            sq(r, r);
        }
    }
}
