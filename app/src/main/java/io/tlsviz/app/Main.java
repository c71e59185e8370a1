package io.tlsviz.app;

import io.tlsviz.app.cli.TlsvizCommand;
import picocli.CommandLine;

/**
 * Entry point of the tlsviz jar. With no arguments it opens the window; with a subcommand it runs the
 * command line. It deliberately does not extend {@code Application}, so a plain jar with JavaFX on the
 * classpath starts (see docs/decisions/0002-main-class-not-application.md).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || isAppOnly(args)) {
            TlsvizApp.launchWindow(args);
            return;
        }
        int code = TlsvizCommand.commandLine().execute(args);
        System.exit(code);
    }

    /** Options that belong to the window rather than to the command line. */
    private static boolean isAppOnly(String[] args) {
        for (String a : args) {
            if (!a.startsWith("--exit-after-first-frame") && !a.startsWith("--lesson=") && !a.startsWith("--beat=")
                    && !a.startsWith("--language=")
                    && !a.startsWith("--theme=") && !a.startsWith("--exchange=")) {
                return false;
            }
        }
        return true;
    }
}
