package io.tlsviz.app.cli;

import io.tlsviz.engine.export.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command's output goes: stdout for {@code -}, else a file written whole or not at all. */
final class Output {
    private Output() {
    }

    static void text(CommandSpec spec, String option, String destination, String text) {
        if ("-".equals(destination)) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        bytes(option, destination, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Refuses, before anything is written, a destination that cannot be written: so a command that writes
     * several files writes all of them or none.
     */
    static void checkWritable(String option, String destination) {
        if (destination == null || "-".equals(destination)) {
            return;
        }
        Path target = Path.of(destination).toAbsolutePath();
        Path dir = target.getParent();
        if (java.nio.file.Files.isDirectory(target)) {
            throw new IllegalStateException(option + ": Cannot write " + target + ": a folder with that name exists");
        }
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalStateException(option + ": Cannot write " + target + ": the folder " + dir
                    + " does not exist");
        }
        if (!java.nio.file.Files.isWritable(dir)) {
            throw new IllegalStateException(option + ": Cannot write " + target + ": permission denied (the folder "
                    + dir + " is not writable)");
        }
    }

    static void bytes(String option, String destination, byte[] content) {
        try {
            AtomicFiles.writeAtomically(Path.of(destination).toAbsolutePath(), content);
        } catch (IOException e) {
            throw new IllegalStateException(option + ": " + e.getMessage(), e);
        }
    }
}
