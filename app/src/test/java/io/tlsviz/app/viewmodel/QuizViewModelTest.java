package io.tlsviz.app.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.Party;
import io.tlsviz.lessons.Quiz;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class QuizViewModelTest {
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    private static QuizViewModel quiz(Quiz q) {
        return new QuizViewModel(q, UnaryOperator.identity(), List.of(), EN);
    }

    @Test
    void aRestoredStateGivesTheSamePicksAndVerdict() {
        QuizViewModel who = quiz(new Quiz.WhoKnows("Who knows the premaster?", "premaster_secret",
                Set.of(Party.CLIENT, Party.SERVER), "Both ends, never the wire."));
        who.choose(0);
        who.choose(1);
        QuizViewModel.State wrong = who.state();
        assertThat(wrong.answered()).isFalse();

        QuizViewModel later = quiz(new Quiz.WhoKnows("Wer kennt das Premaster-Secret?", "premaster_secret",
                Set.of(Party.CLIENT, Party.SERVER), "Beide Enden."));
        later.restore(wrong);
        assertThat(later.chosenProperty().get()).containsExactlyInAnyOrder(0, 1);
        assertThat(later.doneProperty().get()).as("picked, not yet answered").isFalse();

        who.answer();
        QuizViewModel answered = quiz(new Quiz.WhoKnows("Q", "premaster_secret", Set.of(Party.CLIENT, Party.SERVER), "E"));
        answered.restore(who.state());
        assertThat(answered.answeredProperty().get()).isTrue();
        assertThat(answered.correctProperty().get()).isFalse();
        assertThat(answered.verdictProperty().get()).isEqualTo(EN.get("quiz.wrong"));
        assertThat(answered.explanationProperty().get()).isEqualTo("E");
    }

    @Test
    void aSkipStaysASkip() {
        QuizViewModel mc = quiz(new Quiz.MultipleChoice("Q", List.of("a", "b", "c"), 2, "E"));
        mc.skip();
        QuizViewModel again = quiz(new Quiz.MultipleChoice("Q", List.of("a", "b", "c"), 2, "E"));
        again.restore(mc.state());
        assertThat(again.skippedProperty().get()).isTrue();
        assertThat(again.answeredProperty().get()).isFalse();
    }

    @Test
    void aStateFromAnotherQuizIsNotCarriedOver() {
        QuizViewModel three = quiz(new Quiz.MultipleChoice("Q", List.of("a", "b", "c"), 2, "E"));
        three.choose(2);
        three.answer();
        QuizViewModel.State answered = three.state();

        QuizViewModel fewer = quiz(new Quiz.MultipleChoice("Q", List.of("a", "b"), 1, "E"));
        fewer.restore(answered);
        QuizViewModel reordered = quiz(new Quiz.MultipleChoice("Q", List.of("c", "a", "b"), 0, "E"));
        reordered.restore(answered);
        QuizViewModel otherKind = quiz(new Quiz.WhoKnows("Q", "premaster_secret", Set.of(Party.SERVER), "E"));
        otherKind.restore(answered);
        for (QuizViewModel q : List.of(fewer, reordered, otherKind)) {
            assertThat(q.doneProperty().get()).isFalse();
            assertThat(q.chosenProperty().get()).isEmpty();
        }

        QuizViewModel done = quiz(new Quiz.MultipleChoice("Q", List.of("a", "b", "c"), 2, "E"));
        done.choose(0);
        done.answer();
        done.restore(answered);
        assertThat(done.chosenProperty().get()).containsExactly(0);
        assertThat(done.correctProperty().get()).isFalse();
    }
}
