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

    /**
     * Whether a file name fits this format: a slideshow named {@code slides.pptx} that holds a PDF opens in no
     * program, and one without an extension opens in none by a double click.
     *
     * @return empty when it fits; else the extension the name has instead ("" for none), for a file format, or
     *         the file extension a PNG folder's name wrongly has
     */
    public java.util.Optional<String> misnamed(java.nio.file.Path target) {
        java.nio.file.Path name = target.getFileName();
        String file = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        int dot = file.lastIndexOf('.');
        String extension = dot <= 0 ? "" : file.substring(dot + 1);
        if (this == PNG) {
            boolean fileLike = Arrays.stream(values()).anyMatch(f -> f != PNG && f.id.equals(extension))
                    || extension.equals("png");
            return fileLike ? java.util.Optional.of(extension) : java.util.Optional.empty();
        }
        return extension.equals(id) ? java.util.Optional.empty() : java.util.Optional.of(extension);
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
