package io.tlsviz.app.viewmodel;

import io.tlsviz.engine.Party;
import io.tlsviz.engine.Step;

/** A step of the whole handshake as planned, revealed or not: what the step strip shows. */
public record PlannedStep(int index, String name, String title, Step.Kind kind, Party actor) {

    static PlannedStep of(Step s) {
        return new PlannedStep(s.index(), s.name(), s.title(), s.kind(), s.actor());
    }
}
