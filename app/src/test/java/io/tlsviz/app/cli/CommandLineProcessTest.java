package io.tlsviz.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a teacher runs it: a new JVM from the jar's main class on the classpath, no display, no
 * system properties of the test run. What it prints is what the terminal shows.
 */
class CommandLineProcessTest {
    @TempDir
    Path dir;

    @Test
    void exportPrintsWhatItWroteAndNoToolkitWarning() throws Exception {
        Path html = dir.resolve("rsa.html");

        Result r = run("export", "--exchange=rsa", "--format=html", "--out=" + html);

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).startsWith("Wrote ").contains(html.toString());
        // JavaFX's "Unsupported JavaFX configuration" warning, printed on every start from the classpath, made a
        // successful export look broken.
        assertThat(r.err).doesNotContain("Unsupported JavaFX configuration");
        assertThat(Files.size(html)).isPositive();
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.tlsviz.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("tlsviz " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
