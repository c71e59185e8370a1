package io.tlsviz.engine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Something one side computes inside its own memory: nothing crosses the wire. Bouncy Castle computes a
 * whole flight inside one call, so the engine emits these in protocol order, before the record that
 * depends on them.
 *
 * @param party    the side that computes
 * @param secrets  the values this step brings into being, with who knows them from here on: the knowledge
 *                 columns list these
 * @param failed   true when this computation is where the handshake broke (e.g. a Finished that does not
 *                 verify); {@code meaning} then says why
 * @param result   the name of the value the step is about (e.g. {@code master_secret} where the step also
 *                 shows the {@code session_hash} it needs), or empty: then its first value
 * @param workings values the step computes and shows (in its box and the inspector) that are nobody's
 *                 knowledge worth tracking: what a signature covers, the signature, the verdict of a check.
 *                 Each is known by {@code party}; they never enter the knowledge columns
 *                 (docs/decisions/0014-signature-values-are-workings.md)
 */
public record ComputationStep(int index, String name, String title, String meaning, Party party,
        List<Secret> secrets, boolean failed, String result, List<Secret> workings) implements Step {

    public ComputationStep {
        secrets = List.copyOf(secrets);
        result = result == null ? "" : result;
        workings = List.copyOf(workings);
    }

    /** A step without workings. */
    public ComputationStep(int index, String name, String title, String meaning, Party party, List<Secret> secrets,
            boolean failed, String result) {
        this(index, name, title, meaning, party, secrets, failed, result, List.of());
    }

    /** A step whose main value is its first one. */
    public ComputationStep(int index, String name, String title, String meaning, Party party, List<Secret> secrets,
            boolean failed) {
        this(index, name, title, meaning, party, secrets, failed, "", List.of());
    }

    /** Every value the step shows: its secrets, then its workings. */
    public List<Secret> values() {
        return workings.isEmpty() ? secrets : Stream.concat(secrets.stream(), workings.stream()).toList();
    }

    /**
     * The value this step is about: the one named {@link #result()} (a secret or a working), else the first;
     * empty for a step without values.
     */
    public Optional<Secret> mainSecret() {
        List<Secret> all = values();
        return all.stream().filter(s -> s.name().equals(result)).findFirst().or(() -> all.stream().findFirst());
    }

    @Override
    public Kind kind() {
        return Kind.COMPUTATION;
    }

    @Override
    public Party actor() {
        return party;
    }
}
