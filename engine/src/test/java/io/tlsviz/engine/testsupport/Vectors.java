package io.tlsviz.engine.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsviz.engine.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Public test vectors copied from {@code shared/vectors/} into the test resources. */
public final class Vectors {
    private final String name;
    private final JsonNode root;

    private Vectors(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    public static Vectors load(String fileName) {
        String resource = "/vectors/" + fileName;
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resource not found: " + resource);
            }
            return new Vectors(fileName, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hex value under {@code key}, as bytes; fails loudly if the key is missing. */
    public byte[] bytes(String key) {
        return bytes(root, key, name);
    }

    /** The whole file, for vectors that are lists. */
    public JsonNode json() {
        return root;
    }

    /** The hex value under {@code key} of one node of a vector file; fails loudly if the key is missing. */
    public static byte[] bytes(JsonNode node, String key) {
        return bytes(node, key, "the vector");
    }

    private static byte[] bytes(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no hex value '" + key + "' in " + where);
        }
        return Hex.parse(value.asText());
    }
}
