package io.tlsviz.app.export;

import io.tlsviz.engine.Party;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Beat;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.Narration;
import io.tlsviz.lessons.Quiz;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A slide per beat of a lesson: the beat's title, its narration with the live values of the handshake at that
 * step (placeholders filled, emphasis as plain text), and its quiz question. The answer and the explanation go
 * only into the speaker notes, so the handout does not give them away.
 */
public final class LessonSlideSource implements SlideSource {
    private final Lesson lesson;

    public LessonSlideSource(Lesson lesson) {
        this.lesson = lesson;
    }

    @Override
    public String title(Trace trace, Locale locale) {
        return lesson.title();
    }

    @Override
    public String subject(Trace trace, Locale locale) {
        return lesson.summary();
    }

    @Override
    public List<SlideContent> slides(Trace trace, Locale locale) {
        ExportTexts texts = new ExportTexts(locale);
        List<SlideContent> slides = new ArrayList<>();
        for (Beat beat : lesson.beats()) {
            Step step = trace.step(beat.step()).orElseThrow(() -> new IllegalArgumentException("lesson '"
                    + lesson.id() + "' has a beat on step '" + beat.step() + "', which this handshake does not have"));
            String narration = plain(beat.narrate(valuesUpTo(trace, step.index())));
            String question = beat.quiz().map(q -> question(q, trace, texts)).orElse("");
            String answer = beat.quiz().map(q -> answer(q, trace, texts)).orElse("");
            String shown = question.isEmpty() ? narration : narration + "\n\n" + question;
            String notes = answer.isEmpty() ? shown : shown + "\n\n" + answer;
            slides.add(new SlideContent(beat.title(), shown, notes, step.index() + 1, beat.highlightedSecrets()));
        }
        return slides;
    }

    /** The values known to anyone after the step at {@code index}: what the app fills placeholders with there. */
    private static Map<String, byte[]> valuesUpTo(Trace trace, int index) {
        Map<String, byte[]> values = new HashMap<>();
        for (Step s : trace.steps().subList(0, index + 1)) {
            for (Secret secret : s.secrets()) {
                values.put(secret.name(), secret.bytes());
            }
        }
        return values;
    }

    /** {@code *emphasis*} as plain words, paragraphs kept. */
    private static String plain(String narration) {
        return Narration.paragraphs(narration).stream()
                .map(p -> Narration.spans(p).stream().map(Narration.Span::text).collect(Collectors.joining()))
                .collect(Collectors.joining("\n\n"));
    }

    /** The parties in the order of the window's columns and its "who knows" quiz. */
    private static final List<Party> COLUMNS = List.of(Party.CLIENT, Party.EAVESDROPPER, Party.SERVER);

    private static String question(Quiz quiz, Trace trace, ExportTexts texts) {
        StringBuilder q = new StringBuilder(texts.get("quiz.question", quiz.question()));
        List<String> options;
        if (quiz instanceof Quiz.MultipleChoice m) {
            options = m.options();
        } else if (quiz instanceof Quiz.NextMessage n) {
            options = n.options().stream().map(step -> stepTitle(trace, step)).toList();
        } else {
            options = COLUMNS.stream().map(p -> StepSlideSource.partyName(p, texts)).toList();
        }
        for (int i = 0; i < options.size(); i++) {
            q.append('\n').append(i + 1).append(". ").append(options.get(i));
        }
        return q.toString();
    }

    /** A step as the diagram labels it ({@code ServerHello}), not by its API name ({@code server_hello}). */
    private static String stepTitle(Trace trace, String stepName) {
        return trace.step(stepName).map(Step::title).orElse(stepName);
    }

    private static String answer(Quiz quiz, Trace trace, ExportTexts texts) {
        String answer;
        if (quiz instanceof Quiz.MultipleChoice m) {
            answer = (m.correct() + 1) + ". " + m.options().get(m.correct());
        } else if (quiz instanceof Quiz.NextMessage n) {
            answer = stepTitle(trace, n.answer());
        } else {
            Quiz.WhoKnows w = (Quiz.WhoKnows) quiz;
            answer = COLUMNS.stream().filter(w.answer()::contains)
                    .map(p -> StepSlideSource.partyName(p, texts)).collect(Collectors.joining(", "));
        }
        return texts.get("quiz.answer", answer) + (quiz.explanation().isBlank() ? "" : " " + quiz.explanation());
    }
}
