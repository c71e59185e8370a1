package io.tlsviz.app;

import io.tlsviz.app.cli.TlsvizCommand;
import io.tlsviz.lessons.LessonLibrary;
import java.util.List;

/**
 * Entry point of the tlsviz jar. With no arguments it opens the window; with a subcommand it runs the
 * command line. It deliberately does not extend {@code Application}, so a plain jar with JavaFX on the
 * classpath starts (see docs/decisions/0002-main-class-not-application.md).
 */
public final class Main {
    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on every start
     * from the classpath, which is how this jar runs by design (decision 0002). A teacher exporting slides reads
     * it as something gone wrong. Only that message is dropped: the filter sits on the "javafx" logger itself,
     * whose other messages pass, and its children ("javafx.css" and the rest) do not consult it. Held here so
     * that the logger, and with it the filter, is not collected before the toolkit starts.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private Main() {
    }

    public static void main(String[] args) {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        if (args.length == 0 || WindowOptions.onlyWindowOptions(args)) {
            try {
                boolean lesson = java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--lesson="));
                if (lesson) {
                    WindowOptions.parse(List.of(args), LessonLibrary.loadShipped());
                } else {
                    WindowOptions.parse(List.of(args), (java.util.Collection<String>) null);
                }
            } catch (IllegalArgumentException e) {
                System.err.println("tlsviz: " + e.getMessage());
                System.err.println(WindowOptions.USAGE);
                System.exit(2);
                return;
            }
            TlsvizApp.launchWindow(args);
            return;
        }
        int code = TlsvizCommand.commandLine().execute(args);
        System.exit(code);
    }
}
