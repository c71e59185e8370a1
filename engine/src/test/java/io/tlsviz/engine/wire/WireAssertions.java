package io.tlsviz.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Field;
import java.util.List;

/** Assertions shared by the wire tests. */
final class WireAssertions {
    private WireAssertions() {
    }

    /** Leaves tile {@code bytes} exactly and the tree is well formed (see {@link TilingCheck}). */
    static void assertTiles(Field root, byte[] bytes) {
        assertThat(TilingCheck.problems(root, bytes)).as("tiling of %s", root.path()).isEmpty();
    }

    /** Tiles, and the parser understood every byte: no "Unparsed" or "Malformed" leaf, nothing cut short. */
    static void assertFullyParsed(Field root, byte[] bytes) {
        assertTiles(root, bytes);
        List<String> bad = Leaves.all(root).stream()
                .filter(f -> f.name().startsWith("Unparsed") || f.name().startsWith("Malformed")
                        || f.value().contains("cut short") || f.meaning().contains("Incomplete"))
                .map(f -> f.path() + " = " + f.value() + " (" + f.meaning() + ")")
                .toList();
        assertThat(bad).as("fields not understood").isEmpty();
    }

    static Field field(Field root, String path) {
        return Leaves.find(root, path).orElseThrow(() -> new AssertionError("no field " + path + " in "
                + Leaves.all(root).stream().map(Field::path).toList()));
    }

    /** Every leaf has a name and a meaning; a student never sees a blank. */
    static void assertExplained(Field root) {
        assertThat(Leaves.leaves(root)).allSatisfy(f -> {
            assertThat(f.name()).as("name of %s", f.path()).isNotBlank();
            assertThat(f.meaning()).as("meaning of %s", f.path()).isNotBlank();
        });
    }

    /** A printable dump, for failure messages. */
    static String dump(Field f) {
        StringBuilder s = new StringBuilder();
        dump(f, 0, s);
        return s.toString();
    }

    private static void dump(Field f, int depth, StringBuilder s) {
        s.append("  ".repeat(depth)).append(f.path()).append(" [").append(f.offset()).append('+').append(f.length())
                .append("] ").append(f.name()).append(" = ").append(f.value()).append('\n');
        for (Field c : f.children()) {
            dump(c, depth + 1, s);
        }
    }
}
