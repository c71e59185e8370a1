package io.tlsviz.app.export;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a finished deck in one format, whole or not at all. */
public interface SlideExporter {

    /**
     * Writes {@code deck} to {@code target}: into a temporary file (or folder) beside it, moved into place only
     * when complete. Replaces an existing target; refusing to overwrite is the caller's decision.
     *
     * @param monitor asked between slides whether to stop; a {@link java.util.concurrent.CancellationException}
     *                from it leaves nothing behind
     * @throws IOException in a plain sentence naming the path, with nothing left behind
     */
    void write(SlideDeck deck, Path target, ExportMonitor monitor) throws IOException;

    /**
     * What the slide's picture holds and where the format puts it: by default the picture beside the narration,
     * which the format writes as text with the title. The picture is rendered for that place
     * ({@link SlideLayout#PIXELS_PER_POINT}), so the format must draw it at exactly the layout's size.
     */
    default SlideLayout layout(SlideContent slide) {
        return SlideLayout.BESIDE_TEXT;
    }
}
