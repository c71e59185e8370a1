package io.tlsviz.lessons;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Checks that the languages of one lesson tell the same lesson: the same scenario, the same beats on the
 * same steps, the same highlights, warm-ups, attacks and quiz answers. Only the words may differ. Each
 * translation is compared with the reference language (English when there is one).
 */
final class Translations {
    private Translations() {
    }

    /** Problems of {@code translation} compared with {@code reference}, at the translation's lines. */
    static List<Problem> compare(Lesson reference, Lesson translation, int scenarioLine, int lastLine) {
        List<Problem> problems = new ArrayList<>();
        String file = translation.source();
        String ref = reference.source();
        if (!reference.scenario().equals(translation.scenario())) {
            problems.add(new Problem(file, scenarioLine, "the scenario differs from " + ref + " (" + describe(translation)
                    + " here, " + describe(reference) + " there); translations run the same handshake"));
        }
        List<Beat> want = reference.beats();
        List<Beat> have = translation.beats();
        int n = Math.min(want.size(), have.size());
        for (int i = 0; i < n; i++) {
            Beat w = want.get(i);
            Beat h = have.get(i);
            if (!w.step().equals(h.step())) {
                problems.add(new Problem(file, h.line(), stepMismatch(want, have, i, ref)));
                return problems;
            }
            compareBeat(w, h, i + 1, ref, file, problems);
        }
        if (have.size() < want.size()) {
            Beat missing = want.get(have.size());
            int line = have.isEmpty() ? lastLine : have.get(have.size() - 1).line();
            problems.add(new Problem(file, line, "missing translation of beat " + (have.size() + 1) + " '"
                    + missing.step() + "' (" + ref + ":" + missing.line() + ")"));
        } else if (have.size() > want.size()) {
            Beat extra = have.get(want.size());
            problems.add(new Problem(file, extra.line(), "beat " + (want.size() + 1) + " '" + extra.step()
                    + "' is not in " + ref + ", which has " + want.size() + " beats"));
        }
        return problems;
    }

    private static String stepMismatch(List<Beat> want, List<Beat> have, int i, String ref) {
        Beat w = want.get(i);
        Beat h = have.get(i);
        if (steps(have, i).equals(steps(want, i + 1))) {
            return "missing translation of beat " + (i + 1) + " '" + w.step() + "' (" + ref + ":" + w.line() + ")";
        }
        if (steps(have, i + 1).equals(steps(want, i))) {
            return "beat " + (i + 1) + " '" + h.step() + "' is not in " + ref;
        }
        return "beat " + (i + 1) + " anchors on '" + h.step() + "' but beat " + (i + 1) + " of " + ref + ":" + w.line()
                + " anchors on '" + w.step() + "'";
    }

    private static List<String> steps(List<Beat> beats, int from) {
        return beats.subList(Math.min(from, beats.size()), beats.size()).stream().map(Beat::step).toList();
    }

    private static void compareBeat(Beat w, Beat h, int n, String ref, String file, List<Problem> out) {
        String there = ref + ":" + w.line();
        if (!new HashSet<>(w.highlight()).equals(new HashSet<>(h.highlight()))) {
            out.add(new Problem(file, h.line(), "beat " + n + " highlights " + h.highlight() + " but " + there
                    + " highlights " + w.highlight()));
        }
        if (!w.warmup().equals(h.warmup())) {
            out.add(new Problem(file, h.line(), "beat " + n + " has a different warmup from " + there));
        }
        if (!w.attack().equals(h.attack())) {
            out.add(new Problem(file, h.line(), "beat " + n + " has a different attack from " + there));
        }
        if (w.quiz().isPresent() != h.quiz().isPresent()) {
            out.add(new Problem(file, h.line(), "beat " + n + (h.quiz().isPresent() ? " has a quiz but " + there + " has none"
                    : " has no quiz but " + there + " has one")));
        } else if (w.quiz().isPresent() && !Objects.equals(answerKey(w.quiz().get()), answerKey(h.quiz().get()))) {
            out.add(new Problem(file, h.line(), "the quiz of beat " + n + " differs from " + there + ": "
                    + answerKey(h.quiz().get()) + " here, " + answerKey(w.quiz().get()) + " there"));
        }
    }

    /** What a translation must keep: the kind, the number of options and the right answer. */
    static String answerKey(Quiz quiz) {
        if (quiz instanceof Quiz.MultipleChoice mc) {
            return "multiple_choice with " + mc.options().size() + " options, answer " + (mc.correct() + 1);
        }
        if (quiz instanceof Quiz.NextMessage nm) {
            return "next_message " + nm.options() + ", answer " + nm.answer();
        }
        Quiz.WhoKnows wk = (Quiz.WhoKnows) quiz;
        return "who_knows " + wk.secret() + ", answer "
                + wk.answer().stream().map(io.tlsviz.engine.Party::id).sorted().toList();
    }

    private static String describe(Lesson lesson) {
        var o = lesson.scenario();
        return o.exchange().id() + " " + o.cipherSuite().name() + " " + o.group().id()
                + (o.extendedMasterSecret() ? " ems" : "") + (o.middleboxCompat() ? " middlebox" : "")
                + " seed " + (o.seed() == null ? "fresh" : o.seed());
    }

}
