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
    private Main() {
    }

    public static void main(String[] args) {
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
