package io.tlsviz.engine.wire;

import io.tlsviz.engine.testsupport.Vectors;

/** RFC 8448 section 3 (simple 1-RTT handshake), copied from the shared vectors into test resources. */
final class Rfc8448Vectors {
    private static final Vectors RFC8448 = Vectors.load("rfc8448_simple_1rtt.json");

    private Rfc8448Vectors() {
    }

    static byte[] bytes(String key) {
        return RFC8448.bytes(key);
    }

    /** Wraps a handshake message in a plaintext handshake record header (RFC 8446 section 5.1). */
    static byte[] record(int type, byte[] content) {
        byte[] r = new byte[5 + content.length];
        r[0] = (byte) type;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (content.length >> 8);
        r[4] = (byte) content.length;
        System.arraycopy(content, 0, r, 5, content.length);
        return r;
    }
}
