package io.tlsviz.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A value a step brings into being or reveals, with who knows it from this step on and how it was made.
 *
 * @param name    stable snake_case name, e.g. {@code premaster_secret}; the same names as the JSON's
 *                {@code secrets} object and lesson placeholders
 * @param bytes   the value (a defensive copy is kept)
 * @param knownBy who knows the value at this step
 * @param formula how it was derived, with the actual inputs named, or empty for a random value
 * @param inputs  names of the secrets the formula uses, so a view can highlight them
 */
public record Secret(String name, byte[] bytes, Set<Party> knownBy, String formula, List<String> inputs) {

    public Secret {
        bytes = bytes.clone();
        // An EnumSet copy, read-only: cheaper than Set.copyOf's hash table, and it iterates in a fixed order.
        java.util.EnumSet<Party> who = java.util.EnumSet.noneOf(Party.class);
        who.addAll(knownBy);
        knownBy = java.util.Collections.unmodifiableSet(who);
        inputs = List.copyOf(inputs);
        formula = formula == null ? "" : formula;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return Hex.of(bytes);
    }

    public boolean isKnownBy(Party party) {
        return knownBy.contains(party);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && name.equals(s.name) && Arrays.equals(bytes, s.bytes)
                && knownBy.equals(s.knownBy) && formula.equals(s.formula) && inputs.equals(s.inputs);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return name + "=" + hex() + " " + knownBy;
    }
}
