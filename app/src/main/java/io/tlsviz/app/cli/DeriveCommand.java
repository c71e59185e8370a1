package io.tlsviz.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.crypto.CipherSuite;
import io.tlsviz.engine.crypto.KeyCalculator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tlsviz derive tls12|tls13}: the key calculator on the command line. A student types in what a
 * handshake shows and gets every derived secret, key and IV as JSON, to check a derivation by hand.
 * Bad input is a {@link ParameterException}: one line on stderr and exit 2.
 */
@Command(
        name = "derive",
        description = "Derives every secret, key and IV of a key schedule from its inputs, as JSON.",
        subcommands = {DeriveCommand.Tls12.class, DeriveCommand.Tls13.class})
public final class DeriveCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "derive needs a subcommand: tls12 or tls13");
    }

    /** A {@code derive} command line with the error handling of {@link TlsvizCommand#commandLine()}, for tests. */
    static CommandLine commandLine() {
        return TlsvizCommand.configure(new CommandLine(new DeriveCommand()));
    }

    /** What both calculators share: the suite, where the JSON goes, and the JSON's frame around the values. */
    abstract static class Derivation implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--suite", required = true, paramLabel = "NAME", description = "IANA cipher suite name.")
        String suite;

        @Option(names = "--json", required = true, paramLabel = "FILE|-",
                description = "Where to write the JSON; - for stdout.")
        String json;

        /** "TLSv1.2" or "TLSv1.3", the JSON's {@code protocol}. */
        abstract String protocol();

        /** Fields after {@code cipher_suite} and before the derived values (none by default). */
        void header(Map<String, Object> out) {
        }

        abstract Map<String, byte[]> derive(CipherSuite s);

        byte[] hexOption(String option, String text) {
            return hex(spec, option, text);
        }

        @Override
        public Integer call() {
            CipherSuite s = suite(spec, suite);
            Map<String, byte[]> derived = calculate(spec, () -> derive(s));
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            out.put("protocol", protocol());
            out.put("cipher_suite", s.name());
            header(out);
            derived.forEach((name, value) -> out.put(name, Hex.of(value)));
            write(spec, json, out);
            return 0;
        }
    }

    @Command(name = "tls12",
            description = "TLS 1.2: master secret (RFC 5246 section 8.1, RFC 7627) and key block (section 6.3).")
    static final class Tls12 extends Derivation {
        @Option(names = "--premaster", required = true, paramLabel = "HEX", description = "The premaster secret.")
        String premaster;

        @Option(names = "--client-random", required = true, paramLabel = "HEX",
                description = "ClientHello.random, 32 bytes.")
        String clientRandom;

        @Option(names = "--server-random", required = true, paramLabel = "HEX",
                description = "ServerHello.random, 32 bytes.")
        String serverRandom;

        @Option(names = "--session-hash", paramLabel = "HEX",
                description = "RFC 7627 session hash; derives the extended master secret.")
        String sessionHash;

        @Override
        String protocol() {
            return "TLSv1.2";
        }

        @Override
        void header(Map<String, Object> out) {
            out.put("extended_master_secret", sessionHash != null);
        }

        @Override
        Map<String, byte[]> derive(CipherSuite s) {
            byte[] sessionHashBytes = sessionHash == null ? null : hexOption("--session-hash", sessionHash);
            return KeyCalculator.tls12(s, hexOption("--premaster", premaster),
                    hexOption("--client-random", clientRandom), hexOption("--server-random", serverRandom),
                    sessionHashBytes);
        }
    }

    @Command(name = "tls13",
            description = "TLS 1.3 without PSK: the key schedule (RFC 8446 section 7.1), traffic and finished keys.")
    static final class Tls13 extends Derivation {
        @Option(names = "--shared-secret", required = true, paramLabel = "HEX",
                description = "The (EC)DHE shared secret.")
        String sharedSecret;

        @Option(names = "--hello-hash", required = true, paramLabel = "HEX",
                description = "Transcript hash of ClientHello..ServerHello.")
        String helloHash;

        @Option(names = "--handshake-hash", required = true, paramLabel = "HEX",
                description = "Transcript hash of ClientHello..server Finished.")
        String handshakeHash;

        @Override
        String protocol() {
            return "TLSv1.3";
        }

        @Override
        Map<String, byte[]> derive(CipherSuite s) {
            return KeyCalculator.tls13(s, hexOption("--shared-secret", sharedSecret),
                    hexOption("--hello-hash", helloHash), hexOption("--handshake-hash", handshakeHash));
        }
    }

    private static CipherSuite suite(CommandSpec spec, String name) {
        try {
            return CipherSuite.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--suite: " + e.getMessage(), e);
        }
    }

    private static byte[] hex(CommandSpec spec, String option, String text) {
        try {
            return Hex.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
        }
    }

    /** Runs the calculator; its IllegalArgumentException is about the input, so it becomes a usage error. */
    private static Map<String, byte[]> calculate(CommandSpec spec, Calculation calculation) {
        try {
            return calculation.run();
        } catch (ParameterException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Calculation {
        Map<String, byte[]> run();
    }

    /** Writes to stdout for {@code -}, else to a temp file beside the target, moved into place atomically. */
    private static void write(CommandSpec spec, String destination, Map<String, Object> json) {
        String text;
        try {
            text = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json)
                    + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        Output.text(spec, "--json", destination, text);
    }

}
