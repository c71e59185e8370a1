package io.tlsviz.engine;

/**
 * Thrown when a value the engine computed disagrees with what went over the wire in an untampered
 * handshake. Such a trace is never displayed as if it were correct.
 */
public final class ProofFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ProofFailedException(String message) {
        super(message);
    }
}
