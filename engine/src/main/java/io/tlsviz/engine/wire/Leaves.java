package io.tlsviz.engine.wire;

import io.tlsviz.engine.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Walks a field tree. */
public final class Leaves {
    private Leaves() {
    }

    /** The leaf fields in byte order. */
    public static List<Field> leaves(Field root) {
        List<Field> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Field f, List<Field> out) {
        if (f.isLeaf()) {
            out.add(f);
        } else {
            for (Field c : f.children()) {
                collect(c, out);
            }
        }
    }

    /** All fields, parents before their children. */
    public static List<Field> all(Field root) {
        List<Field> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Field f, List<Field> out) {
        out.add(f);
        for (Field c : f.children()) {
            walk(c, out);
        }
    }

    /** The field with exactly this path. */
    public static Optional<Field> find(Field root, String path) {
        if (root.path().equals(path)) {
            return Optional.of(root);
        }
        for (Field c : root.children()) {
            if (path.startsWith(c.path() + ".") || path.equals(c.path())) {
                Optional<Field> hit = find(c, path);
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }

    /** The first field, in byte order, whose path ends with {@code suffix}, e.g. ".finished.verify_data". */
    public static Optional<Field> findBySuffix(Field root, String suffix) {
        return all(root).stream().filter(f -> f.path().endsWith(suffix)).findFirst();
    }
}
