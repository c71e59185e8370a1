package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quiz answers are checked against the live handshake of the lesson's scenario, not trusted. */
class QuizTruthTest {

    @Test
    void nextMessageAnswersAreTheMessageThatReallyComesNext() {
        int checked = 0;
        LessonLibrary library = LessonLibrary.loadShipped();
        for (String id : library.ids()) {
            for (String lang : library.languages(id)) {
                Lesson lesson = library.lesson(id, lang).orElseThrow();
                Trace trace = HandshakeSession.run(lesson.scenario());
                List<String> names = trace.steps().stream().map(Step::name).toList();
                for (Beat beat : lesson.beats()) {
                    if (beat.quiz().orElse(null) instanceof Quiz.NextMessage q) {
                        int at = names.indexOf(beat.step());
                        String next = trace.steps().subList(at + 1, names.size()).stream()
                                .filter(s -> s instanceof MessageStep).map(Step::name).findFirst().orElse(null);
                        assertThat(q.answer()).as("%s/%s at %s", id, lang, beat.step()).isEqualTo(next);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void whoKnowsAnswersMatchWhoKnowsAtThatStep() {
        int checked = 0;
        LessonLibrary library = LessonLibrary.loadShipped();
        for (String id : library.ids()) {
            Lesson lesson = library.lesson(id, "en").orElseThrow();
            Trace trace = HandshakeSession.run(lesson.scenario());
            for (Beat beat : lesson.beats()) {
                if (beat.quiz().orElse(null) instanceof Quiz.WhoKnows q) {
                    Set<Party> knows = EnumSet.noneOf(Party.class);
                    for (Step s : trace.steps()) {
                        for (Secret sec : s.secrets()) {
                            if (sec.name().equals(q.secret())) {
                                knows.addAll(sec.knownBy());
                            }
                        }
                        if (s.name().equals(beat.step())) {
                            break;
                        }
                    }
                    assertThat(q.answer()).as("%s at %s: who knows %s", id, beat.step(), q.secret()).isEqualTo(knows);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }
}
