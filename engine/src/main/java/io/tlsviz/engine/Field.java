package io.tlsviz.engine;

import java.util.List;

/**
 * One field of a parsed record or handshake message, in the style of the Illustrated TLS pages: every
 * byte of a record belongs to exactly one leaf field.
 *
 * @param name        short display name, e.g. {@code "Client Random"}
 * @param path        dot-separated stable path, e.g. {@code "record.handshake.client_hello.random"}; a
 *                    child's path has its parent's path as prefix
 * @param offset      first byte of the field, counted from the first byte of the step's record, or of the
 *                    decrypted plaintext when {@code inPlaintext}
 * @param length      number of bytes
 * @param hex         the field's bytes, lowercase hex
 * @param value       the decoded value, e.g. {@code "TLS 1.2 (0x0303)"}; empty when raw bytes say it all
 * @param meaning     one line saying what the field is for
 * @param inPlaintext true for fields inside the decrypted plaintext of an encrypted record
 * @param children    sub-fields in byte order; empty for a leaf
 */
public record Field(String name, String path, int offset, int length, String hex, String value,
        String meaning, boolean inPlaintext, List<Field> children) {

    public Field {
        children = List.copyOf(children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** End offset, exclusive. */
    public int end() {
        return offset + length;
    }
}
