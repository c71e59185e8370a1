package io.tlsviz.engine.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A deterministic random source: SHA-256 in counter mode over a seed and a label. Each peer gets its own
 * stream ({@code "client"}, {@code "server"}), so a seed reproduces a handshake byte for byte.
 *
 * <p>For "fresh" handshakes the seed itself comes from the system's SecureRandom (32 bytes), so the keys
 * are as unpredictable as the system's; the seed is kept only so that Back can replay the session.
 * See docs/decisions/0004-seeded-randomness.md.
 */
final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    SeededRandom(byte[] seed, String label) {
        super(new Spi(seed, label), null);
    }

    /** The 32-byte seed material for a numeric seed. */
    static byte[] seedMaterial(long seed) {
        return sha256(("tlsviz seed " + seed).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] freshSeedMaterial() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final byte[] key;
        private long counter;
        private byte[] block = new byte[0];
        private int used;

        Spi(byte[] seed, String label) {
            this.key = sha256(seed, label.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // Deliberately ignored: callers must not perturb a reproducible stream.
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (used == block.length) {
                    block = sha256(key, ByteBuffer.allocate(8).putLong(counter++).array());
                    used = 0;
                }
                bytes[i] = block[used++];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] out = new byte[numBytes];
            engineNextBytes(out);
            return out;
        }
    }
}
