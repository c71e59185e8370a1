package io.tlsviz.app.cli;

import io.tlsviz.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tlsviz} command line. Each subcommand is its own class. */
@Command(
        name = "tlsviz",
        mixinStandardHelpOptions = true,
        versionProvider = TlsvizCommand.VersionProvider.class,
        description = "Steps through a live TLS handshake. Without a subcommand, opens the window.",
        footer = {"", "Window (no subcommand):",
                "  tlsviz [--exchange=rsa|dhe|ecdhe|tls13] [--lesson=ID [--beat=N]]",
                "         [--theme=light|dark|projector] [--language=en|de]",
                "  --exchange opens a handshake without the lesson picker; --lesson starts",
                "  a lesson (see 'tlsviz lessons --list'); theme and language are remembered."},
        subcommands = {TraceCommand.class, DeriveCommand.class, LessonsCommand.class, ExportCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class TlsvizCommand implements Runnable {

    public static CommandLine commandLine() {
        return configure(new CommandLine(new TlsvizCommand()));
    }

    /** Bad input and failures: one line on stderr starting {@code tlsviz: }, exit code 2. */
    static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("tlsviz: " + ex.getMessage());
            return 2;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("tlsviz: " + ex.getMessage());
            return 2;
        });
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tlsviz " + Version.get()};
        }
    }
}
