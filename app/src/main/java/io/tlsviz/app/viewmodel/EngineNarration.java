package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Step;

/** Narration straight from the engine: each step's title and meaning. */
public final class EngineNarration implements NarrationSource {
    private final Messages messages;

    public EngineNarration(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Narration narrationFor(Step step, ScenarioOptions options) {
        return new Narration(step.title(), step.meaning());
    }

    @Override
    public Narration beforeFirstStep(ScenarioOptions options) {
        return new Narration(messages.format("narration.start.title", options.exchange().label()),
                messages.format("narration.start.text", options.cipherSuite().ianaName()));
    }
}
