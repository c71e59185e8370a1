package io.tlsviz.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFile() throws IOException {
        Path target = dir.resolve("keys.log");
        AtomicFiles.writeAtomically(target, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(listing(dir)).containsExactly("keys.log");
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException {
        Path target = dir.resolve("session.pcap");
        Files.write(target, new byte[10_000]);
        AtomicFiles.writeAtomically(target, "short".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(Files.readString(target)).isEqualTo("short");
        assertThat(listing(dir)).containsExactly("session.pcap");
    }

    @Test
    void missingFolderNamesPathAndReason() throws IOException {
        Path target = dir.resolve("no-such-folder").resolve("out.pcap");
        assertThatThrownBy(() -> AtomicFiles.writeAtomically(target, new byte[1]))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot write " + target.toAbsolutePath() + ": the folder "
                        + target.toAbsolutePath().getParent() + " does not exist");
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void aFolderThatExistsButTakesNoNewFilesIsNotCalledMissing() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "a Linux /proc");
        Path target = proc.resolve("tlsviz-out.json");
        assertThatThrownBy(() -> AtomicFiles.writeAtomically(target, new byte[1]))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot write " + target + ": files cannot be created in the folder /proc");
    }

    @Test
    void parentThatIsAFileFailsAndLeavesNothing() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = notAFolder.resolve("out.log");
        assertThatThrownBy(() -> AtomicFiles.writeAtomically(target, new byte[1]))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Cannot write " + target.toAbsolutePath() + ": ");
        assertThat(listing(dir)).containsExactly("plain.txt");
    }

    @Test
    void failureAfterTheTempFileExistsDeletesIt() throws IOException {
        // The temp file is written, then the move fails because a folder holds the target's name.
        Path target = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(target.resolve("inside.txt"), "keep");
        assertThatThrownBy(() -> AtomicFiles.writeAtomically(target, new byte[] {1}))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot write " + target.toAbsolutePath() + ": a folder with that name exists");
        assertThat(listing(dir)).containsExactly("taken");
        assertThat(listing(target)).containsExactly("inside.txt");
    }

    @Test
    void unwritableFolderFailsAndLeavesNothing() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write anywhere; there the permission cannot be tested.
            assumeFalse(Files.isWritable(readOnly), "running as a user who can write to a read-only folder (root)");
            Path target = readOnly.resolve("out.json");
            assertThatThrownBy(() -> AtomicFiles.writeAtomically(target, new byte[1]))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Cannot write " + target.toAbsolutePath())
                    .hasMessageContaining("permission denied");
            assertThat(listing(readOnly)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static java.util.List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
