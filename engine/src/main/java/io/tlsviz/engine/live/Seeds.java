package io.tlsviz.engine.live;

/** Seed material for a handshake: from a number (reproducible) or from the system (fresh). */
public final class Seeds {
    private Seeds() {
    }

    public static byte[] of(long seed) {
        return SeededRandom.seedMaterial(seed);
    }

    public static byte[] fresh() {
        return SeededRandom.freshSeedMaterial();
    }
}
