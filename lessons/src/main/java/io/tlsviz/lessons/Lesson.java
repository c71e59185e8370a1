package io.tlsviz.lessons;

import io.tlsviz.engine.ScenarioOptions;
import java.util.List;
import java.util.Optional;

/**
 * One lesson in one language: the scenario to run, then the beats in the order a teacher explains them.
 *
 * @param id       stable id, e.g. {@code rsa}; the same in every language
 * @param language two-letter code, e.g. {@code en}, {@code de}
 * @param title    shown in the lesson picker
 * @param scenario the handshake to run, with every default filled in (a lesson without a seed gets
 *                 {@link ScenarioOptions#DEFAULT_SEED}, so its live values are the same in every class)
 * @param summary  one or two sentences for the picker
 * @param beats    in teaching order; never empty
 * @param source   where the lesson was read from, as problems name it
 */
public record Lesson(String id, String language, String title, ScenarioOptions scenario, String summary,
        List<Beat> beats, String source) {

    public Lesson {
        beats = List.copyOf(beats);
    }

    /** The first beat anchored on a step, if any. */
    public Optional<Beat> beat(String step) {
        return beats.stream().filter(b -> b.step().equals(step)).findFirst();
    }

    /** Every quiz of the lesson, in beat order. */
    public List<Quiz> quizzes() {
        return beats.stream().flatMap(b -> b.quiz().stream()).toList();
    }

    /** The steps the beats anchor on, in beat order (a step may appear more than once). */
    public List<String> steps() {
        return beats.stream().map(Beat::step).toList();
    }
}
