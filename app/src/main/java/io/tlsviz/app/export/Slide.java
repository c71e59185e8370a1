package io.tlsviz.app.export;

import java.util.Objects;

/**
 * One finished slide, ready for any writer: the words and the rendered picture.
 *
 * @param number    position in the deck, from 1
 * @param title     the beat's or step's title
 * @param narration what the teacher says, as plain paragraphs separated by blank lines
 * @param png       the picture of the diagram and the knowledge panel, a 1920x1080 PNG
 * @param altText   a plain description of the picture for screen readers
 * @param notes     speaker notes (the narration plus anything only the teacher needs)
 * @param onSlide   what must be on the slide itself in every format (a quiz's question, its answer): see
 *                  {@link SlideContent#onSlide()}; PDF and HTML have it in the narration already
 */
public record Slide(int number, String title, String narration, byte[] png, String altText, String notes,
        String onSlide) {

    public Slide(int number, String title, String narration, byte[] png, String altText, String notes) {
        this(number, title, narration, png, altText, notes, "");
    }

    public Slide {
        if (number < 1) {
            throw new IllegalArgumentException("slide numbers start at 1, not " + number);
        }
        Objects.requireNonNull(title, "title");
        narration = narration == null ? "" : narration;
        png = png.clone();
        altText = altText == null ? "" : altText;
        notes = notes == null ? "" : notes;
        onSlide = onSlide == null ? "" : onSlide;
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    /** The narration split into its paragraphs (blank lines separate them). */
    public java.util.List<String> paragraphs() {
        return java.util.Arrays.stream(narration.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slide s && number == s.number && title.equals(s.title) && narration.equals(s.narration)
                && java.util.Arrays.equals(png, s.png) && altText.equals(s.altText) && notes.equals(s.notes)
                && onSlide.equals(s.onSlide);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, title, narration) * 31 + java.util.Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "Slide " + number + ": " + title;
    }
}
