package io.tlsviz.engine;

import java.util.List;

/**
 * Something one side computes inside its own memory: nothing crosses the wire. Bouncy Castle computes a
 * whole flight inside one call, so the engine emits these in protocol order, before the record that
 * depends on them.
 *
 * @param party  the side that computes
 * @param failed true when this computation is where the handshake broke (e.g. a Finished that does not
 *               verify); {@code meaning} then says why
 */
public record ComputationStep(int index, String name, String title, String meaning, Party party,
        List<Secret> secrets, boolean failed) implements Step {

    public ComputationStep {
        secrets = List.copyOf(secrets);
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
