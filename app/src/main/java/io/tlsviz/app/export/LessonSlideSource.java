package io.tlsviz.app.export;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.AttackReport;
import io.tlsviz.app.viewmodel.LessonViewModel;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import io.tlsviz.engine.attack.Eavesdropper;
import io.tlsviz.lessons.Attack;
import io.tlsviz.lessons.Beat;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.Narration;
import io.tlsviz.lessons.Quiz;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A slide per beat of a lesson: the beat's title, its narration with the live values of the handshake at that
 * step (placeholders filled, {@code *emphasis*} kept as emphasised {@link SlideText} runs), and the forward-secrecy
 * attack where the beat runs it.
 * A beat with a quiz gives two slides, as the window shows it in two moments: the question slide asks the
 * question with its options (the knowledge columns veiled for a "who knows?" quiz), and the answer slide, the
 * same picture unveiled, gives the answer and the explanation (docs/decisions/0015-quiz-answer-slides.md).
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
        AttackRun attacks = new AttackRun(trace, Messages.forLocale(locale));
        for (Beat beat : lesson.beats()) {
            Step step = trace.step(beat.step()).orElseThrow(() -> new IllegalArgumentException("lesson '"
                    + lesson.id() + "' has a beat on step '" + beat.step() + "', which this handshake does not have"));
            Map<String, byte[]> values = valuesUpTo(trace, step.index());
            SlideText narration = SlideText.markup(beat.narrate(values));
            int revealed = step.index() + 1;
            List<String> highlight = beat.highlightedSecrets();
            AttackReport attack = beat.attack().map(attacks::report).orElse(null);
            if (beat.quiz().isEmpty()) {
                slides.add(new SlideContent(beat.title(), narration, narration, revealed, highlight, "", false,
                        attack));
                continue;
            }
            Quiz quiz = beat.quiz().get();
            UnaryOperator<String> resolve = text -> plain(Narration.resolve(text, values));
            String question = question(quiz, trace, texts, resolve);
            String answer = answer(quiz, trace, texts, resolve);
            SlideText asked = narration.then(SlideText.plain(question));
            // The attack's result would answer the question: it comes with the answer, as in the window.
            slides.add(new SlideContent(beat.title(), asked, asked.then(SlideText.plain(answer)), revealed,
                    highlight, question, quiz.kind() == Quiz.Kind.WHO_KNOWS, null));
            String answered = texts.get("quiz.question", resolve.apply(quiz.question())) + "\n\n" + answer;
            slides.add(new SlideContent(texts.get("quiz.answerTitle", beat.title()), SlideText.plain(answered),
                    SlideText.plain(answered), revealed, highlight, answered, false, attack));
        }
        return slides;
    }

    /**
     * The forward-secrecy attack as the window runs it ({@link LessonViewModel#attackProperty()}): the recorded
     * session opened with the server's leaked key, and a DHE session with the same seed and certificates, which
     * the same key does not open. Run once per deck, at the first beat that asks for it.
     */
    private static final class AttackRun {
        private final Trace recorded;
        private final Messages messages;
        private Eavesdropper.Outcome rsa;
        private Eavesdropper.Outcome dhe;

        AttackRun(Trace recorded, Messages messages) {
            this.recorded = recorded;
            this.messages = messages;
        }

        AttackReport report(Attack attack) {
            if (rsa == null) {
                LessonViewModel.AttackLab lab = LessonViewModel.AttackLab.live();
                rsa = Eavesdropper.attack(Eavesdropper.record(recorded), lab.leakedServerKey(recorded.pki()));
                Trace dheRecording = lab.dheRecording(recorded.options().seed(), recorded.pki());
                dhe = Eavesdropper.attack(Eavesdropper.record(dheRecording), lab.leakedServerKey(recorded.pki()));
            }
            return AttackReport.of(attack, rsa, recorded.secrets(), dhe, messages);
        }
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

    /** A quiz's text without {@code *emphasis*} marks (a quiz is set as plain text), paragraphs kept. */
    private static String plain(String text) {
        return SlideText.markup(text).plain();
    }

    /** The parties in the order of the window's columns and its "who knows" quiz. */
    private static final List<Party> COLUMNS = List.of(Party.CLIENT, Party.EAVESDROPPER, Party.SERVER);

    /** "Question: ..." and the numbered options, one a line. */
    private static String question(Quiz quiz, Trace trace, ExportTexts texts, UnaryOperator<String> resolve) {
        StringBuilder q = new StringBuilder(texts.get("quiz.question", resolve.apply(quiz.question())));
        List<String> options;
        if (quiz instanceof Quiz.MultipleChoice m) {
            options = m.options().stream().map(resolve).toList();
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

    /** "Answer: ...", then the explanation as a paragraph of its own. */
    private static String answer(Quiz quiz, Trace trace, ExportTexts texts, UnaryOperator<String> resolve) {
        String answer;
        if (quiz instanceof Quiz.MultipleChoice m) {
            answer = (m.correct() + 1) + ". " + resolve.apply(m.options().get(m.correct()));
        } else if (quiz instanceof Quiz.NextMessage n) {
            answer = stepTitle(trace, n.answer());
        } else {
            Quiz.WhoKnows w = (Quiz.WhoKnows) quiz;
            answer = COLUMNS.stream().filter(w.answer()::contains)
                    .map(p -> StepSlideSource.partyName(p, texts)).collect(Collectors.joining(", "));
        }
        String explanation = resolve.apply(quiz.explanation()).strip();
        return texts.get("quiz.answer", answer) + (explanation.isEmpty() ? "" : "\n\n" + explanation);
    }
}
