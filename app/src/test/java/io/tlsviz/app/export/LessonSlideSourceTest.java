package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Beat;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LessonSlideSourceTest {
    private static final LessonLibrary LIBRARY = LessonLibrary.loadShipped();

    @Test
    void aSlidePerBeatOnItsStepWithLiveValuesAndTheAnswerOnlyInTheNotes() {
        for (String id : LIBRARY.ids()) {
            Lesson lesson = LIBRARY.find(id, "en").orElseThrow();
            Trace trace = HandshakeSession.run(lesson.scenario());

            List<SlideContent> slides = new LessonSlideSource(lesson).slides(trace, Locale.ENGLISH);

            assertThat(slides).as(id).hasSize(lesson.beats().size());
            for (int i = 0; i < slides.size(); i++) {
                Beat beat = lesson.beats().get(i);
                SlideContent slide = slides.get(i);
                assertThat(slide.title()).isEqualTo(beat.title());
                assertThat(slide.stepsRevealed()).isEqualTo(trace.step(beat.step()).orElseThrow().index() + 1);
                assertThat(slide.narration()).doesNotContain("Answer: ");
                if (beat.quiz().isPresent()) {
                    assertThat(slide.narration()).contains("Question: " + beat.quiz().get().question().split("\\{\\{")[0]);
                    assertThat(slide.notes()).contains("Answer: ");
                }
            }
        }
    }

    @Test
    void aWhoKnowsQuizListsThePartiesInTheOrderOfTheColumns() {
        Lesson rsa = LIBRARY.find("rsa", "en").orElseThrow();
        Trace trace = HandshakeSession.run(rsa.scenario());
        int beat = 0;
        while (!(rsa.beats().get(beat).quiz().orElse(null) instanceof io.tlsviz.lessons.Quiz.WhoKnows)) {
            beat++;
        }
        SlideContent slide = new LessonSlideSource(rsa).slides(trace, Locale.ENGLISH).get(beat);
        assertThat(slide.narration()).contains("1. Client\n2. Eavesdropper\n3. Server");
    }

    @Test
    void placeholdersBecomeTheHandshakesValues() {
        Lesson rsa = LIBRARY.find("rsa", "en").orElseThrow();
        Trace trace = HandshakeSession.run(rsa.scenario());

        SlideContent hello = new LessonSlideSource(rsa).slides(trace, Locale.ENGLISH).get(0);

        assertThat(hello.narration()).contains(trace.step("client_hello").orElseThrow().secrets().get(0).hex())
                .doesNotContain("{{").doesNotContain("*cipher suites*");
    }
}
