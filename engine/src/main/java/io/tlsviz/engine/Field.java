package io.tlsviz.engine;

import java.util.List;

/**
 * One field of a parsed record or handshake message, in the style of the Illustrated TLS pages: every
 * byte of a record belongs to exactly one leaf field.
 *
 * <ul>
 *   <li>{@code name}: short display name, e.g. {@code "Client Random"};</li>
 *   <li>{@code path}: dot-separated stable path, e.g. {@code "record.handshake.client_hello.random"}; a
 *       child's path has its parent's path as prefix;</li>
 *   <li>{@code offset}: first byte of the field, counted from the first byte of the step's record, or of the
 *       decrypted plaintext when {@code inPlaintext}; {@code length}: number of bytes;</li>
 *   <li>{@code hex}: the field's bytes, lowercase hex (formatted on first use: a trace has thousands of
 *       fields, and a parent's hex repeats its children's);</li>
 *   <li>{@code value}: the decoded value, e.g. {@code "TLS 1.2 (0x0303)"}, empty when raw bytes say it all;
 *       {@code meaning}: one line saying what the field is for;</li>
 *   <li>{@code inPlaintext}: true for fields inside the decrypted plaintext of an encrypted record;
 *       {@code children}: sub-fields in byte order, empty for a leaf.</li>
 * </ul>
 * Immutable; equal when every part is.
 */
public final class Field {
    private final String name;
    private final String path;
    private final int offset;
    private final int length;
    private final String value;
    private final String meaning;
    private final boolean inPlaintext;
    private final List<Field> children;
    /** Where the bytes are, until {@link #hex()} first formats them (most fields are never shown as text). */
    private final byte[] source;
    private final int sourceOffset;
    private volatile String hex;

    public Field(String name, String path, int offset, int length, String hex, String value,
            String meaning, boolean inPlaintext, List<Field> children) {
        this(name, path, offset, length, null, 0, java.util.Objects.requireNonNull(hex, "hex"), value, meaning,
                inPlaintext, children);
    }

    private Field(String name, String path, int offset, int length, byte[] source, int sourceOffset, String hex,
            String value, String meaning, boolean inPlaintext, List<Field> children) {
        this.name = name;
        this.path = path;
        this.offset = offset;
        this.length = length;
        this.source = source;
        this.sourceOffset = sourceOffset;
        this.hex = hex;
        this.value = value;
        this.meaning = meaning;
        this.inPlaintext = inPlaintext;
        this.children = List.copyOf(children);
    }

    /**
     * A field over {@code length} bytes of {@code source} from {@code sourceOffset}; its hex is formatted when
     * first asked for. The parser owns {@code source} and never changes it.
     */
    public static Field over(String name, String path, int offset, int length, byte[] source, int sourceOffset,
            String value, String meaning, boolean inPlaintext, List<Field> children) {
        java.util.Objects.checkFromIndexSize(sourceOffset, length, source.length);
        return new Field(name, path, offset, length, source, sourceOffset, null, value, meaning, inPlaintext,
                children);
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** The field's bytes, lowercase hex. */
    public String hex() {
        String h = hex;
        if (h == null) {
            h = Hex.of(source, sourceOffset, length);
            hex = h;
        }
        return h;
    }

    public String value() {
        return value;
    }

    public String meaning() {
        return meaning;
    }

    public boolean inPlaintext() {
        return inPlaintext;
    }

    public List<Field> children() {
        return children;
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** End offset, exclusive. */
    public int end() {
        return offset + length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Field f && offset == f.offset && length == f.length && inPlaintext == f.inPlaintext
                && java.util.Objects.equals(name, f.name) && java.util.Objects.equals(path, f.path)
                && hex().equals(f.hex()) && java.util.Objects.equals(value, f.value)
                && java.util.Objects.equals(meaning, f.meaning) && children.equals(f.children);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, path, offset, length, hex(), value, meaning, inPlaintext, children);
    }

    @Override
    public String toString() {
        return "Field[name=" + name + ", path=" + path + ", offset=" + offset + ", length=" + length + ", hex="
                + hex() + ", value=" + value + ", meaning=" + meaning + ", inPlaintext=" + inPlaintext
                + ", children=" + children + "]";
    }
}
