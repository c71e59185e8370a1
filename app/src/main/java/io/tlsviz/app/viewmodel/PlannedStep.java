package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.StepTexts;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Step;

/** A step of the whole handshake as planned, revealed or not: what the step strip shows (title in the app's language). */
public record PlannedStep(int index, String name, String title, Step.Kind kind, Party actor) {

    static PlannedStep of(Step s, StepTexts texts) {
        return new PlannedStep(s.index(), s.name(), texts.title(s), s.kind(), s.actor());
    }
}
