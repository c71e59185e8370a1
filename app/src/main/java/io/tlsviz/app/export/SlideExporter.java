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
     * Whether the pictures must show the slide's title. A format that writes the title as text (a page's or a
     * slide's heading) says no, so the title is not shown twice; only a folder of bare pictures says yes.
     */
    default boolean titleInPicture() {
        return false;
    }
}
