package io.tlsviz.engine;

import java.util.List;
import java.util.Optional;

/**
 * Something one side computes inside its own memory: nothing crosses the wire. Bouncy Castle computes a
 * whole flight inside one call, so the engine emits these in protocol order, before the record that
 * depends on them.
 *
 * @param party  the side that computes
 * @param failed true when this computation is where the handshake broke (e.g. a Finished that does not
 *               verify); {@code meaning} then says why
 * @param result the name of the value the step is about (e.g. {@code master_secret} where the step also
 *               shows the {@code session_hash} it needs), or empty: then its first value
 */
public record ComputationStep(int index, String name, String title, String meaning, Party party,
        List<Secret> secrets, boolean failed, String result) implements Step {

    public ComputationStep {
        secrets = List.copyOf(secrets);
        result = result == null ? "" : result;
    }

    /** A step whose main value is its first one. */
    public ComputationStep(int index, String name, String title, String meaning, Party party, List<Secret> secrets,
            boolean failed) {
        this(index, name, title, meaning, party, secrets, failed, "");
    }

    /** The value this step is about: the one named {@link #result()}, else the first; empty for a step without values. */
    public Optional<Secret> mainSecret() {
        return secrets.stream().filter(s -> s.name().equals(result)).findFirst()
                .or(() -> secrets.stream().findFirst());
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
