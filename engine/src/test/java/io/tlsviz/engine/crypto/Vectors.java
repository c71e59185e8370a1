package io.tlsviz.engine.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsviz.engine.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The published known-answer files in {@code src/test/resources/vectors/} (copied from {@code shared/vectors}). */
final class Vectors {
    private Vectors() {
    }

    static JsonNode load(String fileName) {
        String path = "/vectors/" + fileName;
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Resource not found: " + path);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /** The bytes of a hex field; fails loudly if the field is missing. */
    static byte[] bytes(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("vector has no hex field '" + field + "'");
        }
        return Hex.parse(value.asText());
    }
}
