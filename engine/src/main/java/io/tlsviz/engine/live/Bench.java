package io.tlsviz.engine.live;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The engine's benchmark: median milliseconds per traced handshake (capture, parse, recompute, prove) against
 * a bare Bouncy Castle handshake between the same peers without capture. A command, not a timed test.
 */
public final class Bench {
    /** One exchange's figures. */
    public record Result(Exchange exchange, double tracedMedianMs, double bareMedianMs) {
        public double ratio() {
            return tracedMedianMs / bareMedianMs;
        }
    }

    private Bench() {
    }

    public static Result measure(Exchange exchange, int warmup, int runs) {
        ScenarioOptions options = ScenarioOptions.defaults(exchange);
        DemoPki pki = DemoPki.shipped();
        for (int i = 0; i < warmup; i++) {
            HandshakeSession.run(options.withSeed((long) i));
            bare(options.withSeed((long) i), pki);
        }
        double[] traced = new double[runs];
        double[] bare = new double[runs];
        // Interleave the two so drift (JIT, GC, other load) hits both alike.
        for (int i = 0; i < runs; i++) {
            ScenarioOptions o = options.withSeed(1000L + i);
            long t0 = System.nanoTime();
            HandshakeSession.run(o);
            long t1 = System.nanoTime();
            bare(o, pki);
            long t2 = System.nanoTime();
            traced[i] = (t1 - t0) / 1e6;
            bare[i] = (t2 - t1) / 1e6;
        }
        return new Result(exchange, median(traced), median(bare));
    }

    /** The same two peers and the same record shuttle, with capture off and no steps, parsing or proof. */
    static void bare(ScenarioOptions options, DemoPki pki) {
        LivePeers peers = new LivePeers(options, Seeds.of(options.seed()), pki, Clock.systemUTC(), false);
        Deque<Object[]> pending = new ArrayDeque<>();
        peers.start().records().forEach(r -> pending.add(new Object[] {Party.CLIENT, r}));
        while (!pending.isEmpty()) {
            Object[] next = pending.poll();
            Party to = next[0] == Party.CLIENT ? Party.SERVER : Party.CLIENT;
            LivePeers.Reaction reaction = peers.deliver(to, (byte[]) next[1]);
            reaction.records().forEach(r -> pending.add(new Object[] {to, r}));
        }
        if (!peers.exchangedApplicationData()) {
            throw new IllegalStateException("the bare handshake did not complete");
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
