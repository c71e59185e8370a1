package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngExporterTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOfNumberedPictures() throws Exception {
        Path folder = dir.resolve("slides");
        SlideDeck deck = TestDecks.deck(3);

        new PngExporter().write(deck, folder, ExportMonitor.NONE);

        assertThat(names(folder)).containsExactly("slide-01.png", "slide-02.png", "slide-03.png");
        assertThat(Files.readAllBytes(folder.resolve("slide-02.png"))).isEqualTo(deck.slides().get(1).png());
        assertThat(names(dir)).containsExactly("slides");
    }

    /** A folder of an earlier export's slides is replaced whole: three old slides, two new ones. */
    @Test
    void replacesAnEarlierExportsFolderWhole() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("slides"));
        for (int i = 1; i <= 3; i++) {
            Files.writeString(folder.resolve(PngExporter.fileName(i, 2)), "old");
        }

        new PngExporter().write(TestDecks.deck(2), folder, ExportMonitor.NONE);

        assertThat(names(folder)).containsExactly("slide-01.png", "slide-02.png");
        assertThat(names(dir)).containsExactly("slides");
    }

    /** A folder with anything else in it is left alone (since the change that stopped Replace deleting one). */
    @Test
    void leavesAFolderWithOtherFilesAlone() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("slides"));
        Files.writeString(folder.resolve("old.txt"), "old");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new PngExporter().write(TestDecks.deck(2), folder, ExportMonitor.NONE))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("old.txt");

        assertThat(names(folder)).containsExactly("old.txt");
    }

    @Test
    void cancellingLeavesNoFolder() {
        AtomicInteger checks = new AtomicInteger();
        ExportMonitor cancelAtSecond = () -> {
            if (checks.incrementAndGet() == 2) {
                throw new CancellationException("cancelled");
            }
        };

        assertThatThrownBy(() -> new PngExporter().write(TestDecks.deck(4), dir.resolve("slides"), cancelAtSecond))
                .isInstanceOf(CancellationException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void namesSortInSlideOrder() {
        assertThat(PngExporter.fileName(7, 2)).isEqualTo("slide-07.png");
        assertThat(PngExporter.fileName(7, 3)).isEqualTo("slide-007.png");
    }

    static java.util.List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
