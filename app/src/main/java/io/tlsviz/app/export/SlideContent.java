package io.tlsviz.app.export;

import io.tlsviz.app.viewmodel.AttackReport;
import java.util.List;
import java.util.Objects;

/**
 * What one slide says and which moment of the handshake its picture shows, before it is rendered.
 *
 * @param title         the beat's or step's title
 * @param narration     paragraphs, a lesson's {@code *emphasis*} kept
 * @param notes         speaker notes
 * @param stepsRevealed how many steps of the trace the picture shows as done (1 = only the first step)
 * @param highlight     secret names the picture highlights
 * @param onSlide       what the class must read on the slide itself in every format, PowerPoint included (whose
 *                      narration is in the notes): a quiz's question and options, or its answer and explanation;
 *                      empty on other slides. PDF and HTML show it as the narration's last paragraphs.
 * @param veiled        whether the picture hides the knowledge columns, as the window does while a "who knows?"
 *                      quiz is open
 * @param attack        the forward-secrecy attack the picture shows at this beat, as the window does; null if none
 */
public record SlideContent(String title, SlideText narration, SlideText notes, int stepsRevealed,
        List<String> highlight, String onSlide, boolean veiled, AttackReport attack) {

    /** Plain narration and notes, nothing emphasised. */
    public SlideContent(String title, String narration, String notes, int stepsRevealed) {
        this(title, narration, notes, stepsRevealed, List.of());
    }

    /** Plain narration and notes, nothing emphasised. */
    public SlideContent(String title, String narration, String notes, int stepsRevealed, List<String> highlight) {
        this(title, SlideText.plain(narration), SlideText.plain(notes), stepsRevealed, highlight, "", false, null);
    }

    public SlideContent {
        Objects.requireNonNull(title, "title");
        narration = narration == null ? SlideText.EMPTY : narration;
        notes = notes == null ? SlideText.EMPTY : notes;
        if (stepsRevealed < 0) {
            throw new IllegalArgumentException("stepsRevealed must not be negative: " + stepsRevealed);
        }
        highlight = highlight == null ? List.of() : List.copyOf(highlight);
        onSlide = onSlide == null ? "" : onSlide;
    }
}
