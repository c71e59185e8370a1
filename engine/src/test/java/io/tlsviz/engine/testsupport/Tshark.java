package io.tlsviz.engine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Wireshark's tshark (from Debian's package, installed by .ci/run) as the real reader of our files. */
public final class Tshark {
    private Tshark() {
    }

    /** The tshark executable on the PATH, or null. */
    public static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "tshark");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs tshark with {@code -n} (no name resolution: nothing depends on the network); returns stdout lines. */
    public static List<String> run(Path tshark, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tshark.toString());
        command.add("-n");
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "tshark", ".out");
        Path err = Files.createTempFile(workDir, "tshark", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tshark did not finish in 60 s: " + command);
        }
        String stdout = Files.readString(out);
        System.out.println("$ " + String.join(" ", command) + "\n" + stdout);
        assertThat(process.exitValue()).as("tshark exit status; stderr: %s", Files.readString(err)).isZero();
        return stdout.lines().filter(l -> !l.isBlank()).toList();
    }
}
