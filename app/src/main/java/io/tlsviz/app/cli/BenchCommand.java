package io.tlsviz.app.cli;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.live.Bench;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsviz bench}: what capture, parsing and proof cost over a bare Bouncy Castle handshake. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Median CPU milliseconds per traced handshake (capture, steps, parsing, independent proof) and per "
                + "bare Bouncy Castle handshake between the same peers, per exchange; and how much of the traced time "
                + "the independent public-key re-checks take (RSA encryption of the padded premaster, or the two (EC)DH "
                + "agreements).")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "300", description = "Measured handshakes per exchange (default 300).")
    int runs;

    @Option(names = "--warmup", defaultValue = "3000", description = "Unmeasured handshakes first, until the JIT has compiled both paths: "
            + "the traced one runs much more code and needs longer (default 3000; with 300 its ratio reads 0.1-0.2 higher).")
    int warmup;

    @Override
    public Integer call() {
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--runs must be at least 1 and --warmup at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-8s %10s %10s %7s %15s %18s%n", "exchange", "traced ms", "bare ms", "ratio",
                "pk-proof ms", "ratio w/o pk-proof");
        for (Exchange e : Exchange.values()) {
            Bench.Result r = Bench.measure(e, warmup, runs);
            out.printf(Locale.ROOT, "%-8s %10.2f %10.2f %7.2f %15.2f %18.2f%n", e.id(), r.tracedMedianMs(),
                    r.bareMedianMs(), r.ratio(), r.publicKeyProofMedianMs(), r.ratioWithoutPublicKeyProof());
            out.flush();
        }
        return 0;
    }
}
