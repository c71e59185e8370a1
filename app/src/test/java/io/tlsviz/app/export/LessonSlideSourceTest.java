package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Beat;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import io.tlsviz.lessons.Narration;
import io.tlsviz.lessons.Quiz;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LessonSlideSourceTest {
    private static final LessonLibrary LIBRARY = LessonLibrary.loadShipped();

    @Test
    void aSlidePerBeatOnItsStepWithLiveValuesAndAQuizAskedThenAnsweredOnTheNextSlide() {
        for (String id : LIBRARY.ids()) {
            Lesson lesson = LIBRARY.find(id, "en").orElseThrow();
            Trace trace = HandshakeSession.run(lesson.scenario());

            List<SlideContent> slides = new LessonSlideSource(lesson).slides(trace, Locale.ENGLISH);

            long quizzes = lesson.beats().stream().filter(b -> b.quiz().isPresent()).count();
            assertThat(slides).as(id).hasSize(lesson.beats().size() + (int) quizzes);
            int n = 0;
            for (Beat beat : lesson.beats()) {
                SlideContent slide = slides.get(n++);
                int step = trace.step(beat.step()).orElseThrow().index() + 1;
                assertThat(slide.title()).isEqualTo(beat.title());
                assertThat(slide.stepsRevealed()).isEqualTo(step);
                assertThat(slide.narration().plain()).doesNotContain("Answer: ");
                if (beat.quiz().isEmpty()) {
                    assertThat(slide.onSlide()).isEmpty();
                    assertThat(slide.veiled()).isFalse();
                    continue;
                }
                Quiz quiz = beat.quiz().get();
                String question = "Question: " + quiz.question().split("\\{\\{")[0];
                assertThat(slide.narration().plain()).contains(question).contains("\n1. ").endsWith(slide.onSlide());
                assertThat(slide.onSlide()).startsWith(question).contains("\n1. ").doesNotContain("Answer: ");
                assertThat(slide.notes().plain()).as("the teacher's notes keep the answer").contains("Answer: ");
                assertThat(slide.veiled()).isEqualTo(quiz.kind() == Quiz.Kind.WHO_KNOWS);

                SlideContent answer = slides.get(n++);
                assertThat(answer.title()).isEqualTo("Answer: " + beat.title());
                assertThat(answer.stepsRevealed()).as("the question's picture").isEqualTo(step);
                assertThat(answer.highlight()).isEqualTo(slide.highlight());
                assertThat(answer.veiled()).isFalse();
                assertThat(answer.onSlide()).isEqualTo(answer.narration().plain()).startsWith(question).contains("Answer: ")
                        .doesNotContain("{{");
                if (!quiz.explanation().isBlank()) {
                    assertThat(answer.narration().plain()).contains(quiz.explanation().split("\\{\\{|\\*")[0].strip());
                }
            }
        }
    }

    @Test
    void aMultipleChoiceAnswerNamesTheRightOptionAndExplains() {
        Lesson dhe = LIBRARY.find("dhe", "en").orElseThrow();
        Trace trace = HandshakeSession.run(dhe.scenario());
        List<SlideContent> slides = new LessonSlideSource(dhe).slides(trace, Locale.ENGLISH);

        SlideContent answer = slides.stream().filter(s -> s.title().equals("Answer: The client checks the signature"))
                .findFirst().orElseThrow();

        assertThat(answer.narration().plain()).isEqualTo("""
                Question: Why does the server sign its DH value?

                Answer: 2. So that nobody in the middle can swap in their own DH value.

                """ + ((Quiz.MultipleChoice) dhe.beats().stream().filter(b -> b.title()
                .equals("The client checks the signature")).findFirst().orElseThrow().quiz().orElseThrow())
                .explanation().strip().replaceAll("\\*", ""));
    }

    @Test
    void aWhoKnowsQuizListsThePartiesInTheOrderOfTheColumns() {
        Lesson rsa = LIBRARY.find("rsa", "en").orElseThrow();
        Trace trace = HandshakeSession.run(rsa.scenario());
        int beat = 0;
        while (!(rsa.beats().get(beat).quiz().orElse(null) instanceof io.tlsviz.lessons.Quiz.WhoKnows)) {
            beat++;
        }
        String title = rsa.beats().get(beat).title();
        SlideContent slide = new LessonSlideSource(rsa).slides(trace, Locale.ENGLISH).stream()
                .filter(s -> s.title().equals(title)).findFirst().orElseThrow();
        assertThat(slide.narration().plain()).contains("1. Client\n2. Eavesdropper\n3. Server");
    }

    @Test
    void placeholdersBecomeTheHandshakesValues() {
        Lesson rsa = LIBRARY.find("rsa", "en").orElseThrow();
        Trace trace = HandshakeSession.run(rsa.scenario());

        SlideContent hello = new LessonSlideSource(rsa).slides(trace, Locale.ENGLISH).get(0);

        assertThat(hello.narration().plain()).contains(trace.step("client_hello").orElseThrow().secrets().get(0).hex())
                .doesNotContain("{{").doesNotContain("*cipher suites*");
    }

    @Test
    void germanSlidesOfTheAttackExplainItInGerman() {
        Lesson lesson = LIBRARY.find("forward-secrecy", "de").orElseThrow();
        List<SlideContent> slides = new LessonSlideSource(lesson).slides(HandshakeSession.run(lesson.scenario()),
                Locale.GERMAN);

        List<SlideContent> attacks = slides.stream().filter(s -> s.attack() != null).toList();
        assertThat(attacks).isNotEmpty();
        for (SlideContent slide : attacks) {
            assertThat(slide.attack().dheExplanation()).as(slide.title())
                    .startsWith("Der aufgezeichnete ClientKeyExchange").doesNotContain("forward secrecy");
            assertThat(slide.attack().explanation()).as(slide.title()).startsWith("Mit dem geleakten");
        }
    }

    @Test
    void theDheRecordingsResultComesWithTheAnswerNotWithTheQuestion() {
        Lesson lesson = LIBRARY.find("forward-secrecy", "en").orElseThrow();
        List<SlideContent> slides = new LessonSlideSource(lesson).slides(HandshakeSession.run(lesson.scenario()),
                Locale.ENGLISH);

        List<SlideContent> dhe = slides.stream().filter(s -> s.attack() != null && s.attack().onDhe()).toList();
        assertThat(dhe).as("the answer slide of the DHE beat only").singleElement()
                .satisfies(s -> assertThat(s.title()).startsWith("Answer"));
        int answer = slides.indexOf(dhe.get(0));
        assertThat(slides.get(answer - 1).attack()).as("its question slide").isNull();
        assertThat(slides.get(answer - 1).onSlide()).contains("Which recordings can Eve decrypt?");
        assertThat(slides.stream().filter(s -> s.attack() != null && !s.attack().onDhe()))
                .as("the RSA beats").hasSize(3);
    }

    @Test
    void theDhGeneratorIsASmallNumberOnTheSlidesInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            Lesson lesson = LIBRARY.find("dhe", locale.getLanguage()).orElseThrow();
            List<SlideContent> slides = new LessonSlideSource(lesson).slides(HandshakeSession.run(lesson.scenario()),
                    locale);
            assertThat(slides).as(locale.toString()).anySatisfy(s -> assertThat(s.narration().plain()).contains("g = 2"));
            assertThat(slides).noneSatisfy(s -> assertThat(s.narration().plain()).contains("g = 02"));
        }
    }

    /**
     * The narration's {@code *emphasis*} stays emphasis, a run of its own, as the window shows it; the quiz's text
     * added to the slide is plain (the window sets a quiz as plain text), and so is a formula's asterisk.
     */
    @Test
    void emphasisStaysARunOfItsOwn() {
        Lesson rsa = LIBRARY.find("rsa", "en").orElseThrow();
        Trace trace = HandshakeSession.run(rsa.scenario());

        SlideContent hello = new LessonSlideSource(rsa).slides(trace, Locale.ENGLISH).get(0);

        List<Narration.Span> first = hello.narration().paragraphs().get(0);
        assertThat(first).contains(new Narration.Span("cipher suites", true),
                new Narration.Span("client random", true));
        assertThat(first.get(0)).isEqualTo(new Narration.Span(
                "The client opens the conversation. It says which TLS version it speaks, which ", false));
        List<Narration.Span> question = hello.narration().paragraphs()
                .get(hello.narration().paragraphs().size() - 1);
        assertThat(question).allMatch(span -> !span.emphasis());
        assertThat(hello.notes().paragraphs().get(0)).isEqualTo(first);
        assertThat(SlideText.plain("n = p*q, e*d = 1").paragraphs().get(0))
                .containsExactly(new Narration.Span("n = p*q, e*d = 1", false));
    }
}
