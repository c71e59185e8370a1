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

    /** Fields that carry a value the message reveals, by the end of their path, with the value's name. */
    private static final String[][] REVEALED = {
        {".client_hello.random", "client_random"},
        {".server_hello.random", "server_random"},
        {".server_key_exchange.dh_p", "dh_p"},
        {".server_key_exchange.dh_g", "dh_g"},
        {".server_key_exchange.dh_ys", "server_dh_public"},
        {".server_key_exchange.public_key", "server_ecdh_public"},
        {".client_key_exchange.dh_yc", "client_dh_public"},
        {".client_key_exchange.public_key", "client_ecdh_public"},
        {".client_key_exchange.encrypted_premaster", "encrypted_premaster_secret"},
    };

    /**
     * The name of the value in the knowledge columns that a field of this message carries, so that a view can say
     * which value the bytes are: {@code client_random}, {@code server_dh_public}, {@code client_verify_data}, ... A
     * field counts only if the value this message reveals under that name is exactly the field's bytes (after a
     * record was changed on the way, a changed key share is nobody's key share). A Finished's verify_data is the
     * sender's ({@code client_verify_data} or {@code server_verify_data}), as the sender computed it before.
     */
    public Optional<String> valueNameOf(Field field) {
        String path = field.path();
        if (path.endsWith(".finished.verify_data")) {
            return Optional.of(from.id() + "_verify_data");
        }
        String name = null;
        for (String[] entry : REVEALED) {
            if (path.endsWith(entry[0])) {
                name = entry[1];
                break;
            }
        }
        if (name == null && path.contains(".key_share.data.") && path.endsWith(".key_exchange")) {
            // RFC 8446 section 4.2.8: a TLS 1.3 key share, an (EC)DH public value of the group it names.
            String prefix = from.id();
            name = secrets.stream().map(Secret::name)
                    .filter(n -> n.equals(prefix + "_ecdh_public") || n.equals(prefix + "_dh_public"))
                    .findFirst().orElse(null);
        }
        String found = name;
        return secrets.stream().filter(s -> s.name().equals(found) && s.hex().equals(field.hex())).findFirst()
                .map(Secret::name);
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
