package io.tlsviz.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads the lessons' classpath resources; a missing one fails loudly with its path. */
final class Resources {
    private Resources() {
    }

    /** The text of a resource (absolute classpath path without leading slash), or empty if there is none. */
    static Optional<String> find(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }

    static String read(String path) {
        return find(path).orElseThrow(() -> new IllegalStateException("Resource not found: " + path));
    }
}
