package io.tlsviz.app.viewmodel;

/** A run of bytes in a record, or in its decrypted plaintext when {@code inPlaintext}. */
public record ByteRange(int offset, int length, boolean inPlaintext) {
}
