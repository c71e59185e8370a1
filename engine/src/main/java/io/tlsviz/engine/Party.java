package io.tlsviz.engine;

import java.util.Locale;

/** Who can know a value: the two peers, and an eavesdropper who records everything on the wire. */
public enum Party {
    CLIENT,
    SERVER,
    EAVESDROPPER;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The stable id used in JSON and lesson files: {@code client}, {@code server}, {@code eavesdropper}. */
    public String id() {
        return id;
    }

    public static Party fromId(String id) {
        for (Party p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown party '" + id + "' (expected client, server or eavesdropper)");
    }
}
