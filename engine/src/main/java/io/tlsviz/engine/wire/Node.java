package io.tlsviz.engine.wire;

import io.tlsviz.engine.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Builds one {@link Field} while reading its bytes. Every read adds a leaf at the current position, so the
 * leaves tile whatever was read. A read that would run past the node's end throws {@link Short}, which the
 * node turns into one "Malformed" leaf covering the rest; bytes left over at the end of a node with a known
 * length become one "Unparsed bytes" leaf. Either way no byte is lost and nothing escapes to the caller.
 */
final class Node {
    /** Thrown when a read needs more bytes than the node has; the message says what was expected. */
    static final class Short extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Short(String expected) {
            super(expected, null, false, false);
        }
    }

    private final byte[] data;
    private final boolean plaintext;
    private final String path;
    private final String name;
    private final int start;
    private final int declaredEnd;
    private int limit;
    private int pos;
    private final boolean fillToLimit;
    private final List<Field> children = new ArrayList<>();
    /** Path segments already given out here: a short array, then a set once a node has many children. */
    private String[] usedSegments;
    private int usedCount;
    private Set<String> usedSet;
    private String value = "";
    private String meaning = "";
    private String leftoverMeaning;

    private Node(byte[] data, boolean plaintext, String path, String name, int start, int declaredEnd,
            int limit, boolean fillToLimit) {
        this.data = data;
        this.plaintext = plaintext;
        this.path = path;
        this.name = name;
        this.start = start;
        this.declaredEnd = declaredEnd;
        this.limit = limit;
        this.pos = start;
        this.fillToLimit = fillToLimit;
    }

    /** A node covering all of {@code data}. */
    static Node root(byte[] data, boolean plaintext, String path, String name) {
        return new Node(data, plaintext, path, name, 0, data.length, data.length, true);
    }

    String path() {
        return path;
    }

    int remaining() {
        return limit - pos;
    }

    boolean hasMore() {
        return pos < limit;
    }

    /** Unsigned byte at {@code ahead} bytes from the current position, or -1 if not present. */
    int peekU8(int ahead) {
        int i = pos + ahead;
        return i < limit ? data[i] & 0xff : -1;
    }

    /** Unsigned 16-bit value at {@code ahead} bytes from the current position, or -1 if not present. */
    int peekU16(int ahead) {
        int i = pos + ahead;
        return i + 1 < limit ? ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff) : -1;
    }

    /** {@code n} bytes from {@code ahead} bytes past the current position, or null if not all present. */
    byte[] peekBytes(int ahead, int n) {
        int i = pos + ahead;
        return i + n <= limit ? java.util.Arrays.copyOfRange(data, i, i + n) : null;
    }

    void describe(String value, String meaning) {
        this.value = value;
        this.meaning = meaning;
    }

    void value(String value) {
        this.value = value;
    }

    /** The meaning of the "Unparsed bytes" leaf if this node ends before its last byte. */
    void leftoverMeaning(String meaning) {
        this.leftoverMeaning = meaning;
    }

    private String segment(String seg) {
        String unique = seg;
        for (int n = 2; !claim(unique); n++) {
            unique = seg + "_" + n;
        }
        return path + "." + unique;
    }

    /** Whether {@code seg} was still free here (and is now taken). */
    private boolean claim(String seg) {
        if (usedSet != null) {
            return usedSet.add(seg);
        }
        if (usedSegments == null) {
            usedSegments = new String[8];
        }
        for (int i = 0; i < usedCount; i++) {
            if (usedSegments[i].equals(seg)) {
                return false;
            }
        }
        if (usedCount == usedSegments.length) {
            usedSet = new HashSet<>(java.util.Arrays.asList(usedSegments));
            usedSegments = null;
            return usedSet.add(seg);
        }
        usedSegments[usedCount++] = seg;
        return true;
    }

    private void need(int n, String what) {
        if (n > remaining()) {
            throw new Short(what + " needs " + n + (n == 1 ? " byte" : " bytes") + " but only "
                    + remaining() + " " + (remaining() == 1 ? "is" : "are") + " left");
        }
    }

    private void addLeaf(String seg, String leafName, int len, String leafValue, String leafMeaning) {
        children.add(Field.over(leafName, segment(seg), pos, len, data, pos, leafValue, leafMeaning, plaintext,
                List.of()));
        pos += len;
    }

    /** Reads a big-endian unsigned integer of {@code size} bytes as a leaf and returns it. */
    long uint(String seg, String leafName, int size, LongFunction<String> valueOf, String leafMeaning) {
        need(size, leafName);
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = (v << 8) | (data[pos + i] & 0xff);
        }
        addLeaf(seg, leafName, size, valueOf.apply(v), leafMeaning);
        return v;
    }

    int u8(String seg, String leafName, LongFunction<String> valueOf, String leafMeaning) {
        return (int) uint(seg, leafName, 1, valueOf, leafMeaning);
    }

    int u16(String seg, String leafName, LongFunction<String> valueOf, String leafMeaning) {
        return (int) uint(seg, leafName, 2, valueOf, leafMeaning);
    }

    int u24(String seg, String leafName, LongFunction<String> valueOf, String leafMeaning) {
        return (int) uint(seg, leafName, 3, valueOf, leafMeaning);
    }

    /** A length prefix: value "N bytes". */
    int length(String seg, String leafName, int size, String leafMeaning) {
        return (int) uint(seg, leafName, size, Node::bytesText, leafMeaning);
    }

    /** Reads {@code len} bytes as one leaf (none when {@code len} is 0) and returns them. */
    byte[] bytes(String seg, String leafName, int len, Function<byte[], String> valueOf, String leafMeaning) {
        need(len, leafName);
        byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + len);
        if (len > 0) {
            addLeaf(seg, leafName, len, valueOf.apply(b), leafMeaning);
        }
        return b;
    }

    byte[] bytes(String seg, String leafName, int len, String leafValue, String leafMeaning) {
        return bytes(seg, leafName, len, b -> leafValue, leafMeaning);
    }

    /** Everything up to the node's end as one leaf. */
    byte[] rest(String seg, String leafName, Function<byte[], String> valueOf, String leafMeaning) {
        return bytes(seg, leafName, remaining(), valueOf, leafMeaning);
    }

    /**
     * A child node of {@code len} bytes (cut to what is there), or open-ended up to this node's end when
     * {@code len} is negative; its length is then what the body read.
     */
    void group(String seg, String childName, int len, Consumer<Node> body) {
        String childPath = segment(seg);
        int end = len < 0 ? limit : (int) Math.min((long) pos + len, limit);
        int declared = len < 0 ? limit : (int) Math.min((long) pos + len, Integer.MAX_VALUE);
        Node child = new Node(data, plaintext, childPath, childName, pos, declared, end, len >= 0);
        child.run(body);
        Field f = child.build();
        if (f.length() > 0) {
            children.add(f);
        }
        pos = f.end();
    }

    /**
     * Runs {@code body} on the next {@code len} bytes only (cut to what is there), as siblings in this node;
     * whatever the body leaves of that window becomes "Unparsed bytes".
     */
    void window(int len, String windowMeaning, Consumer<Node> body) {
        int outer = limit;
        limit = (int) Math.min((long) pos + len, outer);
        try {
            body.accept(this);
        } catch (Short e) {
            malformed(e.getMessage());
        }
        if (pos < limit) {
            addLeaf("unparsed", "Unparsed bytes", limit - pos, bytesText(limit - pos), windowMeaning);
        }
        limit = outer;
    }

    void run(Consumer<Node> body) {
        try {
            body.accept(this);
        } catch (Short e) {
            malformed(e.getMessage());
        }
    }

    private void malformed(String problem) {
        if (pos < limit) {
            addLeaf("malformed", "Malformed " + name, limit - pos, bytesText(limit - pos),
                    "Could not be read as " + name + ": " + problem);
        } else {
            meaning = (meaning.isEmpty() ? "" : meaning + " ") + "(Incomplete: " + problem + ".)";
        }
    }

    Field build() {
        if (fillToLimit && pos < limit) {
            addLeaf("unparsed", "Unparsed bytes", limit - pos, bytesText(limit - pos),
                    leftoverMeaning != null ? leftoverMeaning
                            : "Bytes after the end of the " + name + " that the parser did not expect");
        }
        String v = value;
        if (fillToLimit && declaredEnd > limit) {
            String cut = "cut short: only " + (limit - start) + " of " + (declaredEnd - start)
                    + " announced bytes are present";
            v = v.isEmpty() ? cut : v + "; " + cut;
        }
        return Field.over(name, path, start, pos - start, data, start, v, meaning, plaintext, children);
    }

    static String bytesText(long n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }
}
