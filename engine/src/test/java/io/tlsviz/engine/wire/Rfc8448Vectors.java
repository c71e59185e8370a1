package io.tlsviz.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsviz.engine.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** RFC 8448 section 3 (simple 1-RTT handshake), copied from the shared vectors into test resources. */
final class Rfc8448Vectors {
    private static final JsonNode JSON = load();

    private Rfc8448Vectors() {
    }

    private static JsonNode load() {
        String resource = "/vectors/rfc8448_simple_1rtt.json";
        try (InputStream in = Rfc8448Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resource not found: " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String key) {
        JsonNode n = JSON.get(key);
        if (n == null) {
            throw new IllegalArgumentException("no vector " + key);
        }
        return Hex.parse(n.asText());
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
