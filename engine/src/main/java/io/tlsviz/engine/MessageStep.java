package io.tlsviz.engine;

import java.util.List;
import java.util.Optional;

/**
 * A record sent from one peer to the other.
 *
 * @param record      the exact bytes on the wire: one whole TLS record with its 5-byte header
 * @param fields      parse of {@code record} (offsets from its first byte), followed, for an encrypted record
 *                    that could be decrypted, by the parse of its plaintext (fields with {@code inPlaintext})
 * @param plaintext   the decrypted content of an encrypted record (TLS 1.3: the whole TLSInnerPlaintext, the
 *                    content followed by its real content type and any zero padding, RFC 8446 section 5.2), or
 *                    empty when the record is not encrypted
 * @param messageType what is inside, e.g. {@code "ClientHello"}, {@code "Finished"}, {@code "Alert"}
 * @param tampered    true when a caller replaced the bytes before delivery
 * @param dropped     true when the record was lost on the way: sent, never received
 */
public record MessageStep(int index, String name, String title, String meaning, Party from, Party to,
        byte[] record, List<Field> fields, Optional<byte[]> plaintext, String messageType, boolean encrypted,
        boolean tampered, boolean dropped, List<Secret> secrets) implements Step {

    public MessageStep {
        record = record.clone();
        fields = List.copyOf(fields);
        plaintext = plaintext.map(byte[]::clone);
        secrets = List.copyOf(secrets);
    }

    @Override
    public byte[] record() {
        return record.clone();
    }

    @Override
    public Optional<byte[]> plaintext() {
        return plaintext.map(byte[]::clone);
    }

    public int size() {
        return record.length;
    }

    public String recordHex() {
        return Hex.of(record);
    }

    @Override
    public Kind kind() {
        return Kind.MESSAGE;
    }

    @Override
    public Party actor() {
        return from;
    }
}
