package io.tlsviz.app.export;

import java.util.Arrays;
import java.util.Objects;

/**
 * One finished slide, ready for any writer: the words and the rendered picture.
 *
 * @param number    position in the deck, from 1
 * @param title     the beat's or step's title
 * @param narration what the teacher says, in paragraphs, a lesson's {@code *emphasis*} kept
 * @param png       the picture, rendered for the format's {@link SlideLayout} at
 *                  {@link SlideLayout#PIXELS_PER_POINT} pixels per point of the slide
 * @param altText   a plain description of the picture for screen readers
 * @param notes     speaker notes (the narration plus anything only the teacher needs)
 * @param onSlide   what must be on the slide itself in every format (a quiz's question, its answer): see
 *                  {@link SlideContent#onSlide()}; PDF and HTML have it in the narration already
 */
public record Slide(int number, String title, SlideText narration, byte[] png, String altText, SlideText notes,
        String onSlide) {

    /** Plain narration and notes, nothing emphasised. */
    public Slide(int number, String title, String narration, byte[] png, String altText, String notes) {
        this(number, title, narration, png, altText, notes, "");
    }

    /** Plain narration and notes, nothing emphasised. */
    public Slide(int number, String title, String narration, byte[] png, String altText, String notes,
            String onSlide) {
        this(number, title, SlideText.plain(narration), png, altText, SlideText.plain(notes), onSlide);
    }

    public Slide {
        if (number < 1) {
            throw new IllegalArgumentException("slide numbers start at 1, not " + number);
        }
        Objects.requireNonNull(title, "title");
        narration = narration == null ? SlideText.EMPTY : narration;
        png = png.clone();
        altText = altText == null ? "" : altText;
        notes = notes == null ? SlideText.EMPTY : notes;
        onSlide = onSlide == null ? "" : onSlide;
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    /** The notes, or where there are none the narration: what a presenter reads beside the slide. */
    public SlideText notesOrNarration() {
        return notes.isEmpty() ? narration : notes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slide s && number == s.number && title.equals(s.title) && narration.equals(s.narration)
                && Arrays.equals(png, s.png) && altText.equals(s.altText) && notes.equals(s.notes)
                && onSlide.equals(s.onSlide);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, title, narration) * 31 + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "Slide " + number + ": " + title;
    }
}
