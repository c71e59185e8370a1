package io.tlsviz.app.export;

import io.tlsviz.engine.Trace;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What to export and where.
 *
 * @param source which slides (one per step, or one per lesson beat)
 * @param trace  the completed handshake the slides show
 * @param format PDF, PPTX, HTML or a folder of PNGs
 * @param target the file (or, for PNG, the folder) to write
 * @param locale the language of the words on the slides
 * @param theme  the look of the pictures
 * @param author the author named in the document's metadata
 * @param force  whether an existing target may be replaced
 */
public record ExportRequest(SlideSource source, Trace trace, ExportFormat format, Path target, Locale locale,
        SlideTheme theme, String author, boolean force) {

    public ExportRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(theme, "theme");
        author = author == null || author.isBlank() ? "tlsviz" : author;
    }
}
