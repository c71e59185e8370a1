package io.tlsviz.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsviz.engine.Hex;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.KeyAgreement;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class X25519Test {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final byte[] ZERO = new byte[32];

    @ParameterizedTest
    @CsvSource({
        // RFC 7748 section 5.2: scalar, u-coordinate, output
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4,"
                + "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c,"
                + "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d,"
                + "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493,"
                + "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"})
    void matchesTheRfc7748Section52Vectors(String scalar, String u, String output) {
        byte[] k = Hex.parse(scalar);
        byte[] uBytes = Hex.parse(u);

        assertThat(Hex.of(X25519.scalarMult(k, uBytes))).isEqualTo(output);
        assertThat(Hex.of(k)).as("scalar untouched").isEqualTo(scalar);
        assertThat(Hex.of(uBytes)).as("u untouched").isEqualTo(u);
    }

    @Test
    void matchesTheRfc7748IteratedVectorAfter1And1000Iterations() {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();
        for (int i = 1; i <= 1000; i++) {
            byte[] next = X25519.scalarMult(k, u);
            u = k;
            k = next;
            if (i == 1) {
                assertThat(Hex.of(k)).isEqualTo("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
            }
        }
        assertThat(Hex.of(k)).isEqualTo("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
    }

    @Test
    void matchesTheRfc7748Section61DiffieHellman() {
        byte[] alice = Hex.parse("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = Hex.parse("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");

        byte[] alicePublic = X25519.publicKey(alice);
        byte[] bobPublic = X25519.publicKey(bob);

        assertThat(Hex.of(alicePublic)).isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(Hex.of(bobPublic)).isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertThat(Hex.of(X25519.scalarMult(alice, bobPublic))).isEqualTo(shared);
        assertThat(Hex.of(X25519.scalarMult(bob, alicePublic))).isEqualTo(shared);
    }

    @Test
    void agreesWithTheJdkForRandomScalarsAndUCoordinates() throws GeneralSecurityException {
        Random random = new Random(7748);
        int nonCanonical = 0;
        for (int i = 0; i < 300; i++) {
            byte[] k = bytes(random);
            byte[] u = switch (i % 6) {
                case 0 -> bytes(random); // top bit as it falls
                case 1 -> withTopBit(bytes(random));
                // p + 2 .. 2^255 - 1, non-canonical (p and p + 1 are 0 and 1, of small order: tested below)
                case 2 -> littleEndian(P.add(BigInteger.valueOf(2 + random.nextInt(17))));
                case 3 -> withTopBit(littleEndian(P.add(BigInteger.valueOf(2 + random.nextInt(17)))));
                case 4 -> littleEndian(P.subtract(BigInteger.valueOf(2 + random.nextInt(1 << 20)))); // limbs of ones
                default -> base();
            };
            if (i % 7 == 0) {
                k = i % 14 == 0 ? filled(0x00) : filled(0xff); // extremes the clamping must fix
            }
            BigInteger masked = new BigInteger(1, reverse(u)).clearBit(255);
            nonCanonical += masked.compareTo(P) >= 0 ? 1 : 0;

            assertThat(Hex.of(X25519.scalarMult(k, u))).as("scalar %s, u %s", Hex.of(k), Hex.of(u))
                    .isEqualTo(Hex.of(jdk(k, masked)));
        }
        assertThat(nonCanonical).as("u >= p cases exercised").isGreaterThanOrEqualTo(100);
    }

    @Test
    void reducesEveryNonCanonicalUCoordinate() throws GeneralSecurityException {
        byte[] k = bytes(new Random(19));
        for (int r = 0; r < 19; r++) {
            byte[] canonical = littleEndian(BigInteger.valueOf(r));
            byte[] nonCanonical = littleEndian(P.add(BigInteger.valueOf(r)));
            byte[] expected = X25519.scalarMult(k, canonical);

            assertThat(X25519.scalarMult(k, nonCanonical)).as("u = p + %d", r).containsExactly(expected);
            assertThat(X25519.scalarMult(k, withTopBit(nonCanonical))).as("u = 2^255 + p + %d", r)
                    .containsExactly(expected);
            if (r >= 2) {
                assertThat(expected).as("u = %d", r).containsExactly(jdk(k, BigInteger.valueOf(r)));
            }
        }
    }

    @Test
    void givesZeroForSmallOrderUCoordinates() {
        byte[] k = bytes(new Random(8));
        for (BigInteger u : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P,
            P.add(BigInteger.ONE)}) {
            assertThat(X25519.scalarMult(k, littleEndian(u))).as("u = %s", u).containsExactly(ZERO);
            assertThat(X25519.scalarMult(k, withTopBit(littleEndian(u)))).as("u = 2^255 + %s", u)
                    .containsExactly(ZERO);
        }
    }

    @Test
    void clampsTheScalarAsDecodeScalar25519Does() {
        Random random = new Random(25519);
        byte[] u = bytes(random);
        byte[] k = bytes(random);
        byte[] clamped = k.clone();
        clamped[0] &= (byte) 0xf8;
        clamped[31] = (byte) (clamped[31] & 0x7f | 0x40);
        byte[] unclamped = clamped.clone();
        unclamped[0] |= 7;
        unclamped[31] = (byte) (unclamped[31] & 0xbf | 0x80);

        byte[] unclampedBefore = unclamped.clone();
        byte[] expected = X25519.scalarMult(clamped, u);

        assertThat(X25519.scalarMult(k, u)).containsExactly(expected);
        assertThat(X25519.scalarMult(unclamped, u)).containsExactly(expected);
        assertThat(unclamped).as("the caller's scalar is not clamped in place").containsExactly(unclampedBefore);
        assertThat(X25519.publicKey(unclamped)).containsExactly(X25519.scalarMult(clamped, base()));
    }

    @Test
    void rejectsWrongLengths() {
        byte[] ok = new byte[32];
        for (int length : new int[] {0, 31, 33, 64}) {
            byte[] bad = new byte[length];
            assertRejected(() -> X25519.scalarMult(bad, ok), "an X25519 scalar is 32 bytes, not " + length);
            assertRejected(() -> X25519.scalarMult(ok, bad), "an X25519 u-coordinate is 32 bytes, not " + length);
            assertRejected(() -> X25519.publicKey(bad), "an X25519 scalar is 32 bytes, not " + length);
        }
        assertRejected(() -> X25519.scalarMult(ok, null), "an X25519 u-coordinate is 32 bytes, not null");
    }

    private static void assertRejected(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    /** X25519 by the JDK's own provider (SunEC), whatever else is registered; u is already decoded. */
    private static byte[] jdk(byte[] scalar, BigInteger u) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("XDH", "SunEC");
        KeyAgreement ka = KeyAgreement.getInstance("XDH", "SunEC");
        ka.init(kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar)));
        ka.doPhase(kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u)), true);
        return ka.generateSecret();
    }

    private static byte[] bytes(Random random) {
        byte[] out = new byte[32];
        random.nextBytes(out);
        return out;
    }

    private static byte[] filled(int value) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static byte[] base() {
        return littleEndian(BigInteger.valueOf(9));
    }

    private static byte[] withTopBit(byte[] u) {
        u[31] |= (byte) 0x80;
        return u;
    }

    /** A value below 2^256 as 32 little-endian bytes. */
    private static byte[] littleEndian(BigInteger value) {
        byte[] big = value.toByteArray(); // big-endian, possibly with a leading sign byte
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
