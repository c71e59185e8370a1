package io.tlsviz.app.export;

import io.tlsviz.lessons.Narration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Text on a slide or in its notes: paragraphs of runs, each plain or emphasised, as the window's narration shows
 * a lesson's {@code *emphasis*} ({@link Narration#spans}). A paragraph keeps its single line breaks (a quiz's
 * options, one a line). Text that is not a lesson's narration (a quiz, a step's meaning, a formula such as
 * {@code n = p*q}) is taken as plain, so an asterisk in it stays an asterisk.
 *
 * @param paragraphs each a list of runs; no paragraph is empty
 */
public record SlideText(List<List<Narration.Span>> paragraphs) {
    public static final SlideText EMPTY = new SlideText(List.of());

    public SlideText {
        paragraphs = paragraphs.stream().filter(p -> !p.isEmpty()).map(List::copyOf).toList();
    }

    /** A lesson's narration: paragraphs at blank lines, {@code *emphasis*} as emphasised runs. */
    public static SlideText markup(String narration) {
        return new SlideText(Narration.paragraphs(narration == null ? "" : narration).stream()
                .map(Narration::spans).toList());
    }

    /** Plain text, paragraphs at blank lines, nothing emphasised. */
    public static SlideText plain(String text) {
        return new SlideText(Narration.paragraphs(text == null ? "" : text).stream()
                .map(p -> List.of(new Narration.Span(p, false))).toList());
    }

    /** This text, then {@code more}'s paragraphs. */
    public SlideText then(SlideText more) {
        List<List<Narration.Span>> all = new ArrayList<>(paragraphs);
        all.addAll(more.paragraphs);
        return new SlideText(all);
    }

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }

    /** The words without emphasis, paragraphs separated by blank lines: for searching, hashing, alt text. */
    public String plain() {
        return paragraphs.stream().map(SlideText::plain).collect(Collectors.joining("\n\n"));
    }

    /** One paragraph's words without emphasis. */
    public static String plain(List<Narration.Span> paragraph) {
        return paragraph.stream().map(Narration.Span::text).collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return plain();
    }
}
