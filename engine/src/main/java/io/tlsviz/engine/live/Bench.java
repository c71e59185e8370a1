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
    /**
     * One exchange's figures, in milliseconds of CPU time of the benchmark thread (robust on a shared machine).
     *
     * @param publicKeyProofMedianMs of the traced time, what the independent public-key re-checks cost
     *                               (RSAEP of the premaster's padded block with the public key, or the two (EC)DH agreements)
     */
    public record Result(Exchange exchange, double tracedMedianMs, double bareMedianMs, double publicKeyProofMedianMs) {
        public double ratio() {
            return tracedMedianMs / bareMedianMs;
        }

        /** The ratio without the public-key re-checks: what capture, steps, parsing and key schedules cost. */
        public double ratioWithoutPublicKeyProof() {
            return (tracedMedianMs - publicKeyProofMedianMs) / bareMedianMs;
        }
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long now() {
        return CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
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
        double[] proof = new double[runs];
        // Interleave so drift (JIT, GC, other load) hits all alike, and alternate which goes first so that neither
        // always starts with caches that hold the other's data.
        for (int i = 0; i < runs; i++) {
            ScenarioOptions o = options.withSeed(1000L + i);
            io.tlsviz.engine.Trace trace;
            if (i % 2 == 0) {
                long t0 = now();
                trace = HandshakeSession.run(o);
                long t1 = now();
                bare(o, pki);
                long t2 = now();
                traced[i] = (t1 - t0) / 1e6;
                bare[i] = (t2 - t1) / 1e6;
            } else {
                long t0 = now();
                bare(o, pki);
                long t1 = now();
                trace = HandshakeSession.run(o);
                long t2 = now();
                bare[i] = (t1 - t0) / 1e6;
                traced[i] = (t2 - t1) / 1e6;
            }
            long t3 = now();
            publicKeyChecks(trace, pki);
            proof[i] = (now() - t3) / 1e6;
        }
        return new Result(exchange, median(traced), median(bare), median(proof));
    }

    /** Redoes the public-key checks the trace's proof made, on its values, to measure their share. */
    private static void publicKeyChecks(io.tlsviz.engine.Trace trace, DemoPki pki) {
        java.util.Map<String, byte[]> s = trace.secrets();
        if (s.containsKey("encrypted_premaster_secret")) {
            // The proof's RSAEP: one public-key operation on a modulus-sized number (the padded block itself is not
            // in the trace; the ciphertext costs the same).
            java.security.interfaces.RSAPublicKey key = pki.serverPublicKeyJdk();
            new java.math.BigInteger(1, s.get("encrypted_premaster_secret")).modPow(key.getPublicExponent(),
                    key.getModulus());
            return;
        }
        boolean dh = s.containsKey("dh_p");
        String kind = dh ? "dh" : trace.options().group() == io.tlsviz.engine.Group.X25519 ? "x25519" : "ec";
        java.math.BigInteger p = dh ? new java.math.BigInteger(1, s.get("dh_p")) : null;
        java.math.BigInteger g = dh ? new java.math.BigInteger(1, s.get("dh_g")) : null;
        String pre = dh ? "_dh_" : "_ecdh_";
        byte[] secret = s.getOrDefault("premaster_secret", s.get("shared_secret"));
        for (String[] side : new String[][] {{"client", "server"}, {"server", "client"}}) {
            Capture.KeyShareMade ks = new Capture.KeyShareMade(kind, s.get(side[0] + pre + "private"),
                    s.get(side[0] + pre + "public"), p, g);
            Arithmetic.sharedSecretMatches(ks, s.get(side[1] + pre + "public"), secret, trace.options().group(),
                    trace.options().exchange().isTls13());
        }
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
