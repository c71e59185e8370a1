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
        try {
            AtomicFiles.checkWritable(Path.of(destination).toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(option + ": " + e.getMessage(), e);
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
