package io.tlsviz.app.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of numbered pictures, {@code slide-01.png}, {@code slide-02.png}, ...: for slides a teacher builds
 * in any tool. Each is a whole 1920x1080 slide, laid out as a PDF page is: the title, the picture and the
 * narration beside it. The folder appears under its name only when every picture is written.
 */
public final class PngExporter implements SlideExporter {

    @Override
    public void write(SlideDeck deck, Path target, ExportMonitor monitor) throws IOException {
        int digits = Math.max(2, String.valueOf(deck.size()).length());
        ExportTargets.writeFolder(target, folder -> {
            for (Slide slide : deck.slides()) {
                monitor.checkCancelled();
                Files.write(folder.resolve(fileName(slide.number(), digits)), slide.png());
            }
        });
    }

    /** A bare picture has nothing else to carry the title and the narration: it is the whole slide. */
    @Override
    public SlideLayout layout(SlideContent slide) {
        return SlideLayout.WHOLE_SLIDE;
    }

    /** {@code slide-07.png}: zero-padded so that the files sort in slide order. */
    static String fileName(int number, int digits) {
        return String.format(java.util.Locale.ROOT, "slide-%0" + digits + "d.png", number);
    }
}
