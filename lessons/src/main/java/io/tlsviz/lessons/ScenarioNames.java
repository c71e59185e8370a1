package io.tlsviz.lessons;

import io.tlsviz.engine.Party;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names a lesson may use for one scenario: the steps its trace has, in trace order, and the secrets
 * it captures, from a live trace ({@link LiveNames}). With {@link #facts()} it also says what is true at
 * each step (which steps are messages, who knows which value, a message's field paths), so quiz answers and
 * highlights can be checked against the handshake rather than trusted.
 *
 * @param facts one entry per step, in the order of {@code steps}; empty when only the names are known (then
 *              nothing is checked against the facts)
 */
public record ScenarioNames(List<String> steps, Set<String> secrets, List<StepFacts> facts) {

    /**
     * What one step of the live handshake is.
     *
     * @param name       the step's name
     * @param message    true for a record on the wire, false for a computation
     * @param knownBy    the values this step lists, each with who knows it from this step on
     * @param fieldPaths every field path of the message's record (and of its decrypted plaintext); empty for a
     *                   computation
     */
    public record StepFacts(String name, boolean message, Map<String, Set<Party>> knownBy, Set<String> fieldPaths) {
        public StepFacts {
            Map<String, Set<Party>> copy = new LinkedHashMap<>();
            knownBy.forEach((secret, who) -> copy.put(secret, Collections.unmodifiableSet(parties(who))));
            knownBy = Collections.unmodifiableMap(copy);
            fieldPaths = Collections.unmodifiableSet(new LinkedHashSet<>(fieldPaths)); // in byte order, for messages
        }
    }

    public ScenarioNames {
        steps = List.copyOf(steps);
        secrets = Set.copyOf(secrets);
        facts = List.copyOf(facts);
        if (!facts.isEmpty() && !facts.stream().map(StepFacts::name).toList().equals(steps)) {
            throw new IllegalArgumentException("facts must name the steps in order: " + steps);
        }
    }

    /** Names only: nothing is known about what happens at each step. */
    public ScenarioNames(List<String> steps, Set<String> secrets) {
        this(steps, secrets, List.of());
    }

    /** True when {@link #facts()} describe the handshake, so answers can be checked against it. */
    public boolean hasFacts() {
        return !facts.isEmpty();
    }

    /** The first message sent after {@code step}, if any (empty too for an unknown step). */
    public Optional<String> nextMessage(String step) {
        int at = steps.indexOf(step);
        if (at < 0 || facts.isEmpty()) {
            return Optional.empty();
        }
        return facts.subList(at + 1, facts.size()).stream().filter(StepFacts::message).map(StepFacts::name).findFirst();
    }

    /**
     * Who knows {@code secret} once {@code step} has happened: every party that a step up to and including
     * it lists as knowing the value (as the app's knowledge columns show it). Empty when the value does not
     * exist yet.
     */
    public Set<Party> knownBy(String secret, String step) {
        Set<Party> who = EnumSet.noneOf(Party.class);
        int at = steps.indexOf(step);
        for (int i = 0; i <= at && i < facts.size(); i++) {
            who.addAll(facts.get(i).knownBy().getOrDefault(secret, Set.of()));
        }
        return who;
    }

    /** The first step that lists {@code secret}: where the value comes to be. */
    public Optional<String> firstStep(String secret) {
        return facts.stream().filter(f -> f.knownBy().containsKey(secret)).map(StepFacts::name).findFirst();
    }

    /** The first step at which {@code party} knows {@code secret}; empty when it never learns it. */
    public Optional<String> learnedAt(String secret, Party party) {
        return facts.stream().filter(f -> f.knownBy().getOrDefault(secret, Set.of()).contains(party))
                .map(StepFacts::name).findFirst();
    }

    /** The field paths of the message at {@code step}; empty when the step is a computation or unknown. */
    public Optional<Set<String>> fieldPaths(String step) {
        return facts.stream().filter(f -> f.name().equals(step) && f.message()).map(StepFacts::fieldPaths).findFirst();
    }

    private static Set<Party> parties(Set<Party> who) {
        Set<Party> copy = EnumSet.noneOf(Party.class);
        copy.addAll(who);
        return copy;
    }
}
