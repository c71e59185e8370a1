package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.i18n.StepTexts;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Step;

/** Narration without a lesson: each step's title and meaning, in the app's language (see {@link StepTexts}). */
public final class EngineNarration implements NarrationSource {
    private final Messages messages;
    private final StepTexts stepTexts;

    public EngineNarration(Messages messages) {
        this.messages = messages;
        this.stepTexts = new StepTexts(messages.locale());
    }

    @Override
    public Narration narrationFor(Step step, ScenarioOptions options) {
        return new Narration(stepTexts.title(step), stepTexts.meaning(step, options));
    }

    @Override
    public Narration beforeFirstStep(ScenarioOptions options) {
        return new Narration(messages.format("narration.start.title", options.exchange().label()),
                messages.format("narration.start.text", options.cipherSuite().ianaName()));
    }
}
