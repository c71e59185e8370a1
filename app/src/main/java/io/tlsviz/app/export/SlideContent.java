package io.tlsviz.app.export;

import java.util.List;
import java.util.Objects;

/**
 * What one slide says and which moment of the handshake its picture shows, before it is rendered.
 *
 * @param title         the beat's or step's title
 * @param narration     plain paragraphs separated by blank lines
 * @param notes         speaker notes
 * @param stepsRevealed how many steps of the trace the picture shows as done (1 = only the first step)
 * @param highlight     secret names the picture highlights
 */
public record SlideContent(String title, String narration, String notes, int stepsRevealed, List<String> highlight) {

    public SlideContent(String title, String narration, String notes, int stepsRevealed) {
        this(title, narration, notes, stepsRevealed, List.of());
    }

    public SlideContent {
        Objects.requireNonNull(title, "title");
        narration = narration == null ? "" : narration;
        notes = notes == null ? "" : notes;
        if (stepsRevealed < 0) {
            throw new IllegalArgumentException("stepsRevealed must not be negative: " + stepsRevealed);
        }
        highlight = highlight == null ? List.of() : List.copyOf(highlight);
    }
}
