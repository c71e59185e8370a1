package io.tlsviz.app.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The slideshow formats, each with its writer. */
public enum ExportFormat {
    PDF("pdf", "PDF document", PdfExporter::new),
    PPTX("pptx", "PowerPoint presentation", PptxExporter::new),
    HTML("html", "Web page (works offline)", HtmlExporter::new),
    PNG("png", "Folder of PNG images", PngExporter::new);

    private final String id;
    private final String description;
    private final Supplier<SlideExporter> exporter;

    ExportFormat(String id, String description, Supplier<SlideExporter> exporter) {
        this.id = id;
        this.description = description;
        this.exporter = exporter;
    }

    /** The id on the command line, also the file extension ({@code png} names a folder). */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public SlideExporter exporter() {
        return exporter.get();
    }

    public static ExportFormat fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "' (expected one of "
                + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")) + ")");
    }
}
