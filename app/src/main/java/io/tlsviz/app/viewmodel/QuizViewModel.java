package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Step;
import io.tlsviz.lessons.Quiz;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One quiz at a beat: the options as numbered choices, the student's pick, and after answering whether it
 * was right and why. Not graded: the result is only shown. A quiz is {@link #doneProperty() done} when
 * answered or skipped; until then the lesson does not move on.
 */
public final class QuizViewModel {
    /** The order of the "who knows" toggles, as the knowledge columns show the parties. */
    public static final List<Party> PARTIES = List.of(Party.CLIENT, Party.EAVESDROPPER, Party.SERVER);

    private final Quiz quiz;
    private final Messages messages;
    private final String question;
    private final List<String> options;
    /** For a next-message quiz: the step name behind each option. */
    private final List<String> optionSteps;
    private final ReadOnlyObjectWrapper<Set<Integer>> chosen = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyBooleanWrapper answered = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper skipped = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper correct = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final String resolvedExplanation;

    /**
     * @param quiz    the question as the lesson wrote it
     * @param resolve fills placeholders in question, options and explanation with the live values
     * @param plan    the steps of the handshake, to name the options of a next-message quiz
     */
    public QuizViewModel(Quiz quiz, UnaryOperator<String> resolve, List<PlannedStep> plan, Messages messages) {
        this.quiz = quiz;
        this.messages = messages;
        this.question = resolve.apply(quiz.question());
        this.resolvedExplanation = resolve.apply(quiz.explanation());
        List<String> labels = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        if (quiz instanceof Quiz.MultipleChoice mc) {
            mc.options().forEach(o -> labels.add(resolve.apply(o)));
        } else if (quiz instanceof Quiz.WhoKnows) {
            PARTIES.forEach(p -> labels.add(messages.get("quiz.party." + p.id())));
        } else if (quiz instanceof Quiz.NextMessage nm) {
            Map<String, String> titles = new LinkedHashMap<>();
            for (PlannedStep s : plan) {
                if (s.kind() == Step.Kind.MESSAGE) {
                    titles.putIfAbsent(s.name(), s.title());
                }
            }
            List<String> names = nm.options().isEmpty() ? List.copyOf(titles.keySet()) : nm.options();
            for (String n : names) {
                steps.add(n);
                labels.add(titles.getOrDefault(n, n));
            }
        }
        this.options = List.copyOf(labels);
        this.optionSteps = List.copyOf(steps);
        done.bind(answered.or(skipped));
    }

    /** What the student did with a quiz: carried to the same quiz when the window is rebuilt in another language. */
    public record State(Quiz.Kind kind, int optionCount, Set<Integer> correct, Set<Integer> chosen, boolean answered,
            boolean skipped) {
        public State {
            correct = Set.copyOf(correct);
            chosen = Set.copyOf(chosen);
        }
    }

    public State state() {
        return new State(kind(), options.size(), correctOptions(), chosen.get(), answered.get(), skipped.get());
    }

    /**
     * Replays a state taken from the same quiz in another language: the same picks, then the same answer or skip,
     * so the verdict and explanation come in this quiz's language. Ignored once this quiz is done, and when the
     * quiz is not the same one (another kind, another number of options, another right answer): a translation
     * that orders its options differently starts afresh rather than carry a pick to the wrong option.
     */
    public void restore(State state) {
        if (done.get() || state.kind() != kind() || state.optionCount() != options.size()
                || !state.correct().equals(correctOptions())) {
            return;
        }
        chosen.set(state.chosen());
        if (state.answered()) {
            answer();
        } else if (state.skipped()) {
            skip();
        }
    }

    public Quiz.Kind kind() {
        return quiz.kind();
    }

    /** True when any number of options may be ticked ("who knows": client, eavesdropper, server). */
    public boolean multipleAnswers() {
        return quiz instanceof Quiz.WhoKnows;
    }

    public String question() {
        return question;
    }

    /** The options to show, numbered from 1 on screen. */
    public List<String> options() {
        return options;
    }

    /** Picks option {@code index} (from 0); for "who knows" it toggles that party. Ignored once answered. */
    public void choose(int index) {
        if (answered.get() || index < 0 || index >= options.size()) {
            return;
        }
        if (multipleAnswers()) {
            Set<Integer> now = new TreeSet<>(chosen.get());
            if (!now.remove(index)) {
                now.add(index);
            }
            chosen.set(Set.copyOf(now));
        } else {
            chosen.set(Set.of(index));
        }
    }

    /**
     * Checks the picked option(s). "Who knows" may be answered with nobody ticked (nobody knows it); the
     * other kinds need a pick.
     *
     * @return false when there was nothing to check
     */
    public boolean answer() {
        if (answered.get() || (chosen.get().isEmpty() && !multipleAnswers())) {
            return false;
        }
        boolean right = quiz instanceof Quiz.WhoKnows wk ? wk.isCorrect(chosenParties())
                : isRight(chosen.get().iterator().next());
        correct.set(right);
        verdict.set(messages.get(right ? "quiz.correct" : "quiz.wrong"));
        explanation.set(resolvedExplanation);
        answered.set(true);
        return true;
    }

    /** Moves on without answering; the explanation is still shown. */
    public void skip() {
        if (done.get()) {
            return;
        }
        verdict.set(messages.get("quiz.skipped"));
        explanation.set(resolvedExplanation);
        skipped.set(true);
    }

    private Set<Party> chosenParties() {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        chosen.get().forEach(i -> parties.add(PARTIES.get(i)));
        return parties;
    }

    /** The options that are right, from 0: shown after answering. */
    public Set<Integer> correctOptions() {
        Set<Integer> right = new TreeSet<>();
        for (int i = 0; i < options.size(); i++) {
            if (isRight(i)) {
                right.add(i);
            }
        }
        return right;
    }

    /** Whether option {@code i} is (one of) the right answer(s). */
    private boolean isRight(int i) {
        if (quiz instanceof Quiz.MultipleChoice mc) {
            return mc.isCorrect(i);
        }
        if (quiz instanceof Quiz.NextMessage nm) {
            return nm.isCorrect(optionSteps.get(i));
        }
        return ((Quiz.WhoKnows) quiz).answer().contains(PARTIES.get(i));
    }

    /** The picked options, from 0. */
    public ReadOnlyObjectProperty<Set<Integer>> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }

    /** Answered or skipped: the lesson may move on. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty correctProperty() {
        return correct.getReadOnlyProperty();
    }

    /** "Correct.", "Not quite." or "Skipped." once done, else empty. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The lesson's explanation once done, else empty. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }
}
