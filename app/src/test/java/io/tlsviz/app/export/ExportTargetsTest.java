package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTargetsTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnExistingTargetWithoutForce() throws Exception {
        Path existing = Files.writeString(dir.resolve("deck.pdf"), "mine");

        assertThatThrownBy(() -> ExportTargets.check(existing, false))
                .isInstanceOf(TargetExistsException.class)
                .hasMessageContaining("already exists");
        ExportTargets.check(existing, true);
        assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    @Test
    void aMissingFolderIsAPlainSentence() {
        Path target = dir.resolve("no-such-folder").resolve("deck.pdf");

        assertThatThrownBy(() -> ExportTargets.check(target, false))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot write " + target + ": the folder " + target.getParent() + " does not exist");
    }

    @Test
    void aFolderThatTakesNoNewFilesIsNotCalledMissing() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc), "a Linux /proc");
        Path target = proc.resolve("deck.pdf");
        assertThatThrownBy(() -> ExportTargets.writeFile(target, new byte[1]))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot write " + target + ": files cannot be created in the folder /proc");
        Path folder = proc.resolve("slides");
        assertThatThrownBy(() -> ExportTargets.writeFolder(folder, tmp -> Files.writeString(tmp.resolve("a.png"), "x")))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("files cannot be created in the folder /proc");
    }

    @Test
    void aFailedWriteLeavesNothingBehindNotEvenTheTemporaryFile() throws Exception {
        // A folder stands where the file should go: the temporary file is written, the move fails.
        Path blocked = Files.createDirectory(dir.resolve("deck.pdf"));
        Files.writeString(blocked.resolve("keep.txt"), "x");

        for (ExportFormat format : new ExportFormat[] {ExportFormat.PDF, ExportFormat.PPTX, ExportFormat.HTML}) {
            assertThatThrownBy(() -> format.exporter().write(TestDecks.deck(2), blocked, ExportMonitor.NONE))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("Cannot write " + blocked);
            assertThat(PngExporterTest.names(dir)).containsExactly("deck.pdf");
            assertThat(PngExporterTest.names(blocked)).containsExactly("keep.txt");
        }
    }

    @Test
    void anUnwritableFolderFailsCleanly() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(locked), "running as root: every folder is writable");
            for (ExportFormat format : ExportFormat.values()) {
                assertThatThrownBy(() -> format.exporter().write(TestDecks.deck(2), locked.resolve("deck"),
                        ExportMonitor.NONE))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("permission denied");
                assertThat(PngExporterTest.names(locked)).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFolderThatCannotBeMovedIntoPlaceLeavesNothingBehind() throws Exception {
        // The target's parent is a file: the temporary folder cannot even be made.
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");

        assertThatThrownBy(() -> new PngExporter().write(TestDecks.deck(2), file.resolve("slides"),
                ExportMonitor.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Cannot write " + file.resolve("slides"));
        assertThat(PngExporterTest.names(dir)).containsExactly("plain.txt");
    }

    @Test
    void writtenFilesAreReadableByOthers() throws Exception {
        Path pdf = dir.resolve("deck.pdf");

        ExportTargets.writeFile(pdf, new byte[] {1, 2, 3});

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pdf))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFileThatArrivesInTheOldFolderWhileSlidesAreMadeIsKeptNotDeleted() throws Exception {
        Path slides = Files.createDirectory(dir.resolve("slides"));
        Files.writeString(slides.resolve("slide-01.png"), "last year");
        ExportTargets.check(slides, true, true); // a folder of an earlier export's slides: may be replaced

        // Someone saves into it while the new slides are being made, after the check looked: refused at the move.
        assertThatThrownBy(() -> ExportTargets.writeFolder(slides, folder -> {
            Files.writeString(folder.resolve("slide-01.png"), "this year");
            Files.writeString(slides.resolve("notes.docx"), "saved meanwhile");
        })).isInstanceOf(IOException.class).hasMessageContaining("notes.docx");
        assertThat(slides.resolve("notes.docx")).hasContent("saved meanwhile");
        assertThat(slides.resolve("slide-01.png")).hasContent("last year");
        try (var all = Files.list(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactly("slides");
        }
    }

    @Test
    void theOldFolderSetAsideLosesOnlyItsSlides() throws Exception {
        // Between that last look and the delete: only slides go, and the folder stays with what else is in it.
        Path old = Files.createDirectory(dir.resolve(".slides.old-1"));
        Files.writeString(old.resolve("slide-01.png"), "last year");
        Files.writeString(old.resolve("notes.docx"), "saved meanwhile");

        assertThatThrownBy(() -> ExportTargets.deleteSlides(old)).isInstanceOf(IOException.class)
                .hasMessageContaining("those files are kept in " + old);

        assertThat(old.resolve("slide-01.png")).doesNotExist();
        assertThat(old.resolve("notes.docx")).hasContent("saved meanwhile");
        Files.delete(old.resolve("notes.docx"));
        ExportTargets.deleteSlides(old); // empty now: gone
        assertThat(old).doesNotExist();
    }

    @Test
    void aPngTargetThatIsALinkToAFolderIsRefusedAsALinkAndLeftAlone() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Files.writeString(real.resolve("slide-01.png"), "old");
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link"), Path.of("real"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
            return;
        }

        for (boolean force : new boolean[] {false, true}) {
            assertThatThrownBy(() -> ExportTargets.check(link, force, true))
                    .isInstanceOfSatisfying(TargetRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(TargetRefusedException.Reason.IS_LINK);
                        assertThat(e.details()).containsExactly(link.toString(), real.toString());
                    })
                    .hasMessageStartingWith("Cannot write " + link + ": it is a symbolic link (to " + real + ")");
        }
        assertThatThrownBy(() -> ExportTargets.writeFolder(link, tmp -> Files.writeString(tmp.resolve("slide-01.png"),
                "new"))).isInstanceOf(TargetRefusedException.class);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real.resolve("slide-01.png")).hasContent("old");
    }

    @Test
    void everyRefusalNamesItsReasonForTheWindow() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> ExportTargets.check(file.resolve("deck.pdf"), false))
                .isInstanceOfSatisfying(TargetRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(TargetRefusedException.Reason.PARENT_IS_FILE));
        assertThatThrownBy(() -> ExportTargets.check(dir.resolve("gone").resolve("deck.pdf"), false))
                .isInstanceOfSatisfying(TargetRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(TargetRefusedException.Reason.NO_FOLDER));
        assertThatThrownBy(() -> ExportTargets.check(dir, false))
                .isInstanceOfSatisfying(TargetRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(TargetRefusedException.Reason.IS_FOLDER));
        assertThatThrownBy(() -> ExportTargets.check(file, true, true))
                .isInstanceOfSatisfying(TargetRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(TargetRefusedException.Reason.IS_FILE));
        assertThatThrownBy(() -> ExportTargets.check(dir, true, true))
                .isInstanceOfSatisfying(TargetRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TargetRefusedException.Reason.NOT_SLIDES);
                    assertThat(e.details()).containsExactly(dir.toString(), "notes.txt");
                });
    }
}
