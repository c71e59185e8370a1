package io.tlsviz.app.viewmodel;

import io.tlsviz.engine.Party;
import java.util.List;

/**
 * One value in one party's column.
 *
 * @param party      whose column
 * @param name       the secret's stable name, e.g. {@code premaster_secret}
 * @param hex        the whole value, lowercase hex
 * @param shortHex   the value shortened for display
 * @param formula    how it was derived, or empty for a random or received value
 * @param inputs     names of the values the formula uses
 * @param sinceStep  index of the step from which this party knows it
 * @param proven     an independent check in the engine's proof covers this value
 * @param isNew      the party learned it at the current step
 * @param secret     the eavesdropper does not know this value
 */
public record KnowledgeItem(Party party, String name, String hex, String shortHex, String formula,
        List<String> inputs, int sinceStep, boolean proven, boolean isNew, boolean secret) {

    public KnowledgeItem {
        inputs = List.copyOf(inputs);
    }

    /** Number of bytes of the value. */
    public int size() {
        return hex.length() / 2;
    }

    /** Shortens long hex to its first and last 6 bytes. */
    public static String shorten(String hex) {
        return hex.length() <= 32 ? hex : hex.substring(0, 12) + "…" + hex.substring(hex.length() - 12);
    }
}
