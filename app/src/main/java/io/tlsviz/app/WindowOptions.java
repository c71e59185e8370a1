package io.tlsviz.app;

import io.tlsviz.app.view.Theme;
import io.tlsviz.engine.Exchange;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The window's own options ({@code java -jar tlsviz.jar --lesson=dhe --theme=projector}), read before JavaFX
 * starts so that a mistake is one clear line and exit code 2, not a stack trace from inside the toolkit or an
 * option quietly ignored.
 *
 * @param exchange            the handshake to open without the lesson picker, or null
 * @param lesson              the lesson to start, or null
 * @param beat                the beat to show from 1 (with a lesson), or 1
 * @param theme               the theme to use (and remember), or null for the remembered one
 * @param language            en or de (remembered), or null for the remembered one or the system's
 * @param exitAfterFirstFrame print the JVM uptime at the first frame and exit (the start-up benchmark)
 */
public record WindowOptions(Exchange exchange, String lesson, int beat, Theme theme, String language,
        boolean exitAfterFirstFrame) {

    /** The languages the window speaks. */
    public static final List<String> LANGUAGES = io.tlsviz.lessons.LessonLibrary.LANGUAGES;

    /** For {@code --help} and for a mistake. */
    public static final String USAGE = "Window options: --exchange=rsa|dhe|ecdhe|tls13 (skips the lesson picker), "
            + "--lesson=ID (see 'tlsviz lessons --list'), --beat=N (with --lesson), --theme=light|dark|projector, "
            + "--language=en|de, --exit-after-first-frame.";

    private static final List<String> PREFIXES = List.of("--exchange=", "--lesson=", "--beat=", "--theme=",
            "--language=");

    /** Whether every argument is a window option (then the window opens; else the command line runs). */
    public static boolean onlyWindowOptions(String[] args) {
        return joined(List.of(args)).stream().allMatch(a -> a.equals("--exit-after-first-frame")
                || PREFIXES.stream().anyMatch(a::startsWith));
    }

    /**
     * The arguments with "--theme projector" read as "--theme=projector", as the subcommands take both forms (a
     * value that starts with "--" is not taken: "--lesson --theme=dark" still says --lesson lacks its id).
     */
    static List<String> joined(List<String> args) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (PREFIXES.contains(a + "=") && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                out.add(a + "=" + args.get(++i));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Reads the options.
     *
     * @param lessonIds the lessons there are, or null to take any id (checked later)
     * @throws IllegalArgumentException with a sentence naming the option and what it takes
     */
    public static WindowOptions parse(List<String> args, Collection<String> lessonIds) {
        Exchange exchange = null;
        String lesson = null;
        int beat = 1;
        boolean beatGiven = false;
        Theme theme = null;
        String language = null;
        boolean exit = false;
        for (String a : joined(args)) {
            String value = a.substring(a.indexOf('=') + 1);
            if (a.equals("--exit-after-first-frame")) {
                exit = true;
            } else if (a.startsWith("--exchange=")) {
                exchange = Exchange.fromId(value);
            } else if (a.startsWith("--lesson=")) {
                if (lessonIds != null && !lessonIds.contains(value)) {
                    throw new IllegalArgumentException("there is no lesson '" + value + "' (lessons: "
                            + String.join(", ", lessonIds) + ")");
                }
                lesson = value;
            } else if (a.startsWith("--beat=")) {
                try {
                    beat = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    beat = 0;
                }
                if (beat < 1) {
                    throw new IllegalArgumentException("--beat takes a beat number from 1, not '" + value + "'");
                }
                beatGiven = true;
            } else if (a.startsWith("--theme=")) {
                theme = Arrays.stream(Theme.values()).filter(t -> t.id().equals(value.trim().toLowerCase(Locale.ROOT)))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown theme '" + value
                                + "' (expected one of " + Arrays.stream(Theme.values()).map(Theme::id)
                                .collect(Collectors.joining(", ")) + ")"));
            } else if (a.startsWith("--language=")) {
                language = value.trim().toLowerCase(Locale.ROOT);
                if (!LANGUAGES.contains(language)) {
                    throw new IllegalArgumentException("the window speaks " + String.join(" and ", LANGUAGES)
                            + ", not '" + value + "'");
                }
            } else {
                throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (beatGiven && lesson == null) {
            throw new IllegalArgumentException("--beat needs --lesson");
        }
        return new WindowOptions(exchange, lesson, beat, theme, language, exit);
    }

    /**
     * Reads the options and checks a lesson and its beat against the lessons there are.
     *
     * @throws IllegalArgumentException with a sentence naming the option and what it takes
     */
    public static WindowOptions parse(List<String> args, io.tlsviz.lessons.LessonLibrary lessons) {
        WindowOptions o = parse(args, lessons.ids());
        if (o.lesson() != null) {
            int beats = lessons.lesson(o.lesson(), "en").map(l -> l.beats().size()).orElse(0);
            if (o.beat() > beats) {
                throw new IllegalArgumentException("lesson '" + o.lesson() + "' has " + beats + " beats, not "
                        + o.beat());
            }
        }
        return o;
    }

    /** Whether the window opens on a handshake or a lesson rather than with the lesson picker. */
    public boolean skipsPicker() {
        return exchange != null || lesson != null;
    }
}
