package io.tlsviz.app.cli;

import io.tlsviz.app.export.ExportFormat;
import io.tlsviz.app.export.ExportJob;
import io.tlsviz.app.export.ExportRequest;
import io.tlsviz.app.export.FxThread;
import io.tlsviz.app.export.LessonSlideSource;
import io.tlsviz.app.export.SlideSource;
import io.tlsviz.app.export.SlideTheme;
import io.tlsviz.app.export.StepSlideSource;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlsviz export}: a slideshow of a handshake (a slide per step) or of a lesson (a slide per beat) as PDF,
 * PowerPoint, a self-contained web page or a folder of PNGs. Renders without a display (headless Monocle).
 *
 * <p>Exit codes, as for every tlsviz command: 0 written; 2 bad input, an existing target without {@code --force},
 * or a destination that cannot be written (nothing is left behind). Errors are one line on stderr,
 * {@code tlsviz: ...}.
 */
@Command(
        name = "export",
        description = "Exports a slideshow of a handshake (a slide per step) or of a lesson (a slide per beat).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "2:bad input, the target exists and --force is missing, or it cannot be written (nothing is left)"})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--lesson", paramLabel = "ID|FILE",
                description = "A lesson, one slide per beat: rsa, dhe, ecdhe, tls13, forward-secrecy, cipher-suites, "
                        + "or a lesson file of your own (mine.en.yaml; its other languages beside it are found too).")
        String lesson;

        @Option(names = "--exchange", paramLabel = "X",
                description = "A handshake without a lesson, one slide per step: rsa, dhe, ecdhe or tls13.")
        String exchange;
    }

    @Option(names = "--format", required = true, paramLabel = "pdf|pptx|html|png",
            description = "pdf, pptx (PowerPoint), html (one self-contained file) or png (a folder of images).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "The file to write; for png, the folder.")
    Path out;

    @Option(names = "--seed", paramLabel = "N",
            description = "The handshake's seed; the same seed gives the same slides (default: the lesson's, else 1).")
    Long seed;

    @Option(names = "--locale", paramLabel = "en|de", defaultValue = "en",
            description = "The language of the slides (default: ${DEFAULT-VALUE}).")
    String locale;

    @Option(names = "--theme", paramLabel = "light|projector", defaultValue = "light",
            description = "light, or projector for high contrast (default: ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--force", description = "Replace the target if it exists.")
    boolean force;

    @Option(names = "--verbose", description = "Print timings to stderr.")
    boolean verbose;

    private final Supplier<LessonLibrary> lessons;

    public ExportCommand() {
        this(LessonLibrary::loadShipped);
    }

    /** With other lessons than the shipped ones (tests). */
    ExportCommand(Supplier<LessonLibrary> lessons) {
        this.lessons = lessons;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        // POI logs through Log4j; without a provider it complains on stderr. A one-shot command needs no log.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        ExportRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage(), 2);
        }
        try {
            FxThread.startHeadless();
            ExportJob.Result result = new ExportJob(request, ExportJob.ProgressListener.NONE, () -> false).run();
            PrintWriter outWriter = spec.commandLine().getOut();
            outWriter.println("Wrote " + result.slides() + " slides to " + result.target());
            outWriter.flush();
            if (verbose) {
                double total = result.totalNanos() / 1e9;
                err.printf(Locale.ROOT, "tlsviz: %d slides in %.2f s (%.3f s per slide; %.3f s per slide in the "
                        + "second half, once CSS, fonts and JIT are warm): snapshots %.2f s (%.0f%%), PNG encoding alongside %.2f s, "
                        + "writing %s %.2f s (%.0f%%)%n", result.slides(), total,
                        total / Math.max(1, result.slides()), result.warmSecondsPerSlide(), result.renderNanos() / 1e9,
                        100.0 * result.renderNanos() / result.totalNanos(), result.encodeNanos() / 1e9,
                        request.format().id(), result.writeNanos() / 1e9,
                        100.0 * result.writeNanos() / result.totalNanos());
                err.flush();
            }
            return 0;
        } catch (IOException | CancellationException e) {
            // Includes TargetExistsException: "... already exists; choose another name or allow overwriting (--force)".
            return fail(err, e.getMessage(), 2);
        } catch (IllegalArgumentException e) {
            // A lesson whose beats do not fit its handshake.
            return fail(err, e.getMessage(), 2);
        }
    }

    private ExportRequest request() {
        ExportFormat f = option("--format", () -> ExportFormat.fromId(format));
        if (out.toString().isBlank()) {
            throw new IllegalArgumentException("--out: give the file to write (for png, the folder)");
        }
        f.misnamed(out).ifPresent(extension -> {
            throw new IllegalArgumentException("--out: " + (f == ExportFormat.PNG
                    ? "a PNG export writes a folder of images, and '" + out.getFileName() + "' is a file's name"
                    : extension.isEmpty() ? "'" + out.getFileName() + "' has no extension; name it '"
                            + out.getFileName() + "." + f.id() + "', so that it opens with a double click"
                    : "'" + out.getFileName() + "' ends in ." + extension + ", but --format is " + f.id()
                            + "; end the name in ." + f.id() + " or change --format"));
        });
        SlideTheme t = option("--theme", () -> SlideTheme.fromId(theme));
        Locale l = option("--locale", () -> locale(locale));
        ScenarioOptions options;
        SlideSource source;
        if (what.exchange != null) {
            Exchange e = option("--exchange", () -> Exchange.fromId(what.exchange));
            options = ScenarioOptions.defaults(e).withSeed(seed == null ? ScenarioOptions.DEFAULT_SEED : seed);
            source = new StepSlideSource();
        } else {
            Lesson lesson = option("--lesson", () -> lesson(what.lesson, l));
            options = seed == null ? lesson.scenario() : lesson.scenario().withSeed(seed);
            if (options.isFresh()) {
                // A lesson that asks for fresh randomness: one new seed, so the pictures replay the same handshake.
                options = options.withSeed(new java.security.SecureRandom().nextLong());
            }
            source = new LessonSlideSource(lesson);
        }
        Trace trace = HandshakeSession.run(options);
        return new ExportRequest(source, trace, f, out, l, t, null, force);
    }

    private Lesson lesson(String id, Locale language) {
        if (id.matches("(?i).*\\.ya?ml") || java.nio.file.Files.isRegularFile(Path.of(id))) {
            return lessonFile(Path.of(id), language);
        }
        LessonLibrary library = lessons.get();
        return library.find(id, language.getLanguage()).orElseThrow(() -> new IllegalArgumentException(
                "unknown lesson '" + id + "' (expected one of " + String.join(", ", library.ids()) + ")"));
    }

    /**
     * A teacher's own lesson, checked as {@code tlsviz lessons --validate} checks it: with problems, none of it is
     * exported. Its other languages beside it come along; without the one asked for, that is a problem too
     * rather than slides in another language.
     */
    private static Lesson lessonFile(Path file, Locale language) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no lesson file " + file);
        }
        LessonLibrary library = LessonLibrary.load(file);
        if (!library.problems().isEmpty()) {
            throw new IllegalArgumentException(file + " has problems, so nothing was exported:\n  "
                    + library.problems().stream().map(Object::toString).collect(
                            java.util.stream.Collectors.joining("\n  ")));
        }
        if (library.ids().isEmpty()) {
            throw new IllegalArgumentException("no lesson in " + file);
        }
        String id = library.ids().get(0);
        if (!library.languages(id).contains(language.getLanguage())) {
            throw new IllegalArgumentException("the lesson in " + file + " has no '" + language.getLanguage()
                    + "' version beside it (found: " + String.join(", ", new java.util.TreeSet<>(library.languages(id)))
                    + "); --locale chooses among those");
        }
        return library.find(id, language.getLanguage()).orElseThrow();
    }

    private static Locale locale(String id) {
        return switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "de" -> Locale.GERMAN;
            default -> throw new IllegalArgumentException("unknown locale '" + id + "' (expected en or de)");
        };
    }

    /** Parses one option; its IllegalArgumentException becomes a message naming the option. */
    private static <T> T option(String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static int fail(PrintWriter err, String message, int code) {
        err.println("tlsviz: " + message);
        err.flush();
        return code;
    }
}
