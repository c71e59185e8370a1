package io.tlsviz.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The (EC)DH groups a teacher can choose (RFC 8446 section 4.2.7, RFC 7919). */
public enum Group {
    X25519("x25519", 0x001D, false),
    SECP256R1("secp256r1", 0x0017, false),
    SECP384R1("secp384r1", 0x0018, false),
    FFDHE2048("ffdhe2048", 0x0100, true),
    FFDHE3072("ffdhe3072", 0x0101, true);

    private final String id;
    private final int code;
    private final boolean finiteField;

    Group(String id, int code, boolean finiteField) {
        this.id = id;
        this.code = code;
        this.finiteField = finiteField;
    }

    public String id() {
        return id;
    }

    /** The NamedGroup code point. */
    public int code() {
        return code;
    }

    /** True for the RFC 7919 finite-field groups (DHE), false for elliptic curves (ECDHE). */
    public boolean isFiniteField() {
        return finiteField;
    }

    public static Group fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Group g : values()) {
            if (g.id.equals(wanted)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown group '" + id + "' (expected one of "
                + Arrays.stream(values()).map(Group::id).collect(Collectors.joining(", ")) + ")");
    }

    public static Group fromCode(int code) {
        for (Group g : values()) {
            if (g.code == code) {
                return g;
            }
        }
        throw new IllegalArgumentException(String.format("unknown group 0x%04X", code));
    }
}
