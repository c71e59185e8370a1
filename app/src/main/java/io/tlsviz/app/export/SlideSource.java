package io.tlsviz.app.export;

import io.tlsviz.engine.Trace;
import java.util.List;
import java.util.Locale;

/**
 * Decides the slides of a deck for a handshake: one per step ({@link StepSlideSource}), or one per beat of a
 * lesson ({@link LessonSlideSource}). The pictures are rendered afterwards from {@link SlideContent#stepsRevealed()}.
 */
public interface SlideSource {

    /** The document title, e.g. "TLS 1.2 handshake: RSA key exchange". */
    String title(Trace trace, Locale locale);

    /** One line on what the deck is about, for the document's metadata; null for the default. */
    default String subject(Trace trace, Locale locale) {
        return null;
    }

    /** The slides for the completed {@code trace}, in order. */
    List<SlideContent> slides(Trace trace, Locale locale);
}
