package io.tlsviz.engine;

import java.util.List;

/**
 * One step of a handshake as a student sees it: a record crossing the wire, or a computation one side
 * makes. Step names are API: lessons anchor on them (see docs/steps.md for the list per exchange).
 */
public sealed interface Step permits MessageStep, ComputationStep {

    enum Kind {
        MESSAGE,
        COMPUTATION;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Position in the trace, from 0. */
    int index();

    /** Stable snake_case name, e.g. {@code client_hello}, {@code client_encrypts_premaster}. */
    String name();

    /** Short English title, e.g. {@code "ClientHello"}. */
    String title();

    /** One or two sentences on what happens at this step. */
    String meaning();

    /** The values this step creates or reveals, each with who knows it from here on. */
    List<Secret> secrets();

    Kind kind();

    /** The side that acts: the sender of a message, or the side that computes. */
    Party actor();
}
