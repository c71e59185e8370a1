package io.tlsviz.engine.wire;

import io.tlsviz.engine.Field;
import io.tlsviz.engine.Hex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the promise of every parse: the leaves tile the bytes exactly, in order, each leaf's hex is the
 * bytes at its offset, each parent spans its children, paths are unique and extend their parent's path.
 */
public final class TilingCheck {
    private TilingCheck() {
    }

    /** Everything wrong with {@code root} as a parse of {@code bytes}; empty when it tiles them exactly. */
    public static List<String> problems(Field root, byte[] bytes) {
        List<String> problems = new ArrayList<>();
        if (root.offset() != 0 || root.length() != bytes.length) {
            problems.add("root covers [" + root.offset() + ", " + root.end() + ") instead of [0, " + bytes.length + ")");
        }
        int next = 0;
        for (Field leaf : Leaves.leaves(root)) {
            if (leaf.length() <= 0 && bytes.length > 0) {
                problems.add(leaf.path() + " is an empty leaf");
            }
            if (leaf.offset() != next) {
                problems.add(leaf.path() + " starts at " + leaf.offset() + " but the previous leaf ended at " + next);
            }
            if (leaf.offset() >= 0 && leaf.end() <= bytes.length
                    && !leaf.hex().equals(Hex.of(bytes, leaf.offset(), leaf.length()))) {
                problems.add(leaf.path() + " hex differs from the bytes at offset " + leaf.offset());
            }
            next = leaf.end();
        }
        if (next != bytes.length) {
            problems.add("leaves end at " + next + " but there are " + bytes.length + " bytes");
        }
        Set<String> paths = new HashSet<>();
        checkTree(root, paths, problems);
        return problems;
    }

    private static void checkTree(Field f, Set<String> paths, List<String> problems) {
        if (!paths.add(f.path())) {
            problems.add("duplicate path " + f.path());
        }
        if (f.name() == null || f.name().isBlank()) {
            problems.add(f.path() + " has no name");
        }
        if (!f.isLeaf()) {
            Field first = f.children().get(0);
            Field last = f.children().get(f.children().size() - 1);
            if (first.offset() != f.offset() || last.end() != f.end()) {
                problems.add(f.path() + " does not span its children");
            }
        }
        for (Field c : f.children()) {
            if (!c.path().startsWith(f.path() + ".")) {
                problems.add(c.path() + " does not extend its parent's path " + f.path());
            }
            if (!c.path().substring(f.path().length() + 1).matches("[a-z0-9_]+")) {
                problems.add(c.path() + " has a segment that is not snake_case");
            }
            if (c.inPlaintext() != f.inPlaintext()) {
                problems.add(c.path() + " differs from its parent in inPlaintext");
            }
            checkTree(c, paths, problems);
        }
    }
}
