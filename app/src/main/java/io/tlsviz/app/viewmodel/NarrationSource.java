package io.tlsviz.app.viewmodel;

import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Step;

/**
 * Where the narration for a step comes from. Today {@link EngineNarration} shows the engine's title and
 * meaning; the lessons module plugs in here with its own implementation (the seam for lessons).
 */
public interface NarrationSource {

    /** The text shown for a step. */
    Narration narrationFor(Step step, ScenarioOptions options);

    /** The text shown before the first step. */
    Narration beforeFirstStep(ScenarioOptions options);

    /** A title and a body of plain text. */
    record Narration(String title, String text) {
    }
}
