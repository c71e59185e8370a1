package io.tlsviz.engine;

import io.tlsviz.engine.live.DemoPki;
import io.tlsviz.engine.live.Run;
import io.tlsviz.engine.live.Seeds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A live, steppable handshake between an in-process Bouncy Castle client and server. {@link #next()} reveals
 * exactly one step: a computation one side made, or one record delivered to its receiver, which processes it
 * right then. Between steps nothing happens. {@link #back()} replays deterministically from the start.
 *
 * <p>Single-threaded and fast (a full handshake takes a few milliseconds), so it may run on a UI thread.
 * Tampering never throws out of the engine: the receiver answers as TLS does, with an alert.
 */
public final class HandshakeSession {

    public enum Status { RUNNING, COMPLETED, FAILED }

    /** A change a caller made to a record before delivery, kept so replays reproduce it. */
    private record Edit(int recordOrdinal, byte[] bytes, boolean drop) {
    }

    private final ScenarioOptions options;
    private final byte[] seedMaterial;
    private final DemoPki pki;
    private final Clock clock;
    private final List<Edit> edits = new ArrayList<>();
    private Run run;

    private HandshakeSession(ScenarioOptions options, DemoPki pki, Clock clock) {
        this.options = options;
        this.seedMaterial = options.isFresh() ? Seeds.fresh() : Seeds.of(options.seed());
        this.pki = pki;
        this.clock = clock;
        this.run = newRun();
    }

    /** Starts a handshake with the shipped demo certificates: the ClientHello is pending. */
    public static HandshakeSession start(ScenarioOptions options) {
        return new HandshakeSession(options, DemoPki.shipped(), Clock.systemUTC());
    }

    public static HandshakeSession start(ScenarioOptions options, DemoPki pki, Clock clock) {
        return new HandshakeSession(options, pki, clock);
    }

    /** Runs a handshake to its end. */
    public static Trace run(ScenarioOptions options) {
        return run(options, DemoPki.shipped());
    }

    /** Runs a handshake to its end with the given certificates (e.g. {@link DemoPki#generate fresh ones}). */
    public static Trace run(ScenarioOptions options, DemoPki pki) {
        HandshakeSession s = start(options, pki, Clock.systemUTC());
        s.runToEnd();
        return s.trace();
    }

    /**
     * Runs a handshake to its end, changing one byte of the named record before delivery. The receiver
     * answers as TLS does; nothing is thrown.
     *
     * @throws IllegalArgumentException if the named record never comes or the offset is outside it
     */
    public static Trace run(ScenarioOptions options, TamperSpec tamper) {
        return run(options, tamper, DemoPki.shipped());
    }

    /** As {@link #run(ScenarioOptions, TamperSpec)}, with the given certificates. */
    public static Trace run(ScenarioOptions options, TamperSpec tamper, DemoPki pki) {
        HandshakeSession s = start(options, pki, Clock.systemUTC());
        boolean applied = false;
        while (s.hasNext()) {
            if (!applied) {
                Optional<Run.PendingRecordView> p = s.pendingRecord();
                if (p.isPresent() && tamper.matches(p.get().ordinal(), p.get().from(), p.get().messageType())) {
                    if (tamper.offset() >= p.get().bytes().length) {
                        throw new IllegalArgumentException("tamper offset " + tamper.offset() + " is outside the "
                                + p.get().bytes().length + "-byte " + tamper.step() + " record");
                    }
                    s.tamper(tamper.offset(), tamper.xor());
                    applied = true;
                }
            }
            s.next();
        }
        if (!applied) {
            throw new IllegalArgumentException("no record '" + tamper.step() + "' in this handshake (message steps: "
                    + s.steps().stream().filter(x -> x instanceof MessageStep).map(Step::name).toList() + ")");
        }
        return s.trace();
    }

    private Run newRun() {
        return new Run(options, seedMaterial, pki, clock, true);
    }

    public ScenarioOptions options() {
        return options;
    }

    /** The steps revealed so far, in order. */
    public List<Step> steps() {
        return run.steps();
    }

    public int position() {
        return run.steps().size();
    }

    public boolean hasNext() {
        return run.hasNext();
    }

    /** Reveals the next step. */
    public Step next() {
        applyEdits();
        return run.next();
    }

    public void runToEnd() {
        while (hasNext()) {
            next();
        }
    }

    /** One step back: replays from the start to one step fewer. */
    public void back() {
        goTo(Math.max(0, position() - 1));
    }

    public void restart() {
        goTo(0);
    }

    /** Replays or advances so that exactly {@code count} steps are revealed (fewer if the handshake ends first). */
    public void goTo(int count) {
        if (count < position()) {
            run = newRun();
        }
        while (position() < count && hasNext()) {
            next();
        }
    }

    /** The next record to be delivered (possibly after some computations), if any. */
    public Optional<Run.PendingRecordView> pendingRecord() {
        applyEdits();
        return run.pendingRecord();
    }

    /** Replaces the bytes of the next record before it is delivered. Kept for Back and replays. */
    public void tamper(byte[] replacement) {
        run.pendingRecord().ifPresent(p -> {
            edits.removeIf(e -> e.recordOrdinal() == p.ordinal());
            edits.add(new Edit(p.ordinal(), replacement.clone(), false));
            run.replacePending(replacement);
        });
    }

    /** Flips bits of one byte of the next record: {@code record[offset] ^= xor}. */
    public void tamper(int offset, int xor) {
        run.pendingRecord().ifPresent(p -> {
            byte[] b = p.bytes();
            if (offset < 0 || offset >= b.length) {
                throw new IllegalArgumentException("offset " + offset + " is outside the " + b.length + "-byte record");
            }
            b[offset] ^= (byte) xor;
            tamper(b);
        });
    }

    /** The next record is lost on the way. */
    public void drop() {
        run.pendingRecord().ifPresent(p -> {
            edits.add(new Edit(p.ordinal(), null, true));
            run.dropPending();
        });
    }

    private void applyEdits() {
        if (edits.isEmpty()) {
            return;
        }
        run.pendingRecord().ifPresent(p -> {
            for (Edit e : edits) {
                if (e.recordOrdinal() == p.ordinal()) {
                    if (e.drop()) {
                        run.dropPending();
                    } else if (!java.util.Arrays.equals(e.bytes(), p.bytes())) {
                        run.replacePending(e.bytes());
                    }
                }
            }
        });
    }

    public Status status() {
        if (run.completed()) {
            return Status.COMPLETED;
        }
        return run.failure().isPresent() ? Status.FAILED : Status.RUNNING;
    }

    public Optional<String> alert() {
        return run.alert();
    }

    public Optional<String> failure() {
        return run.failure();
    }

    public boolean tampered() {
        return run.wasTampered() || !edits.isEmpty();
    }

    /** The trace as far as it has been stepped. */
    public Trace trace() {
        return new Trace(options, Optional.ofNullable(options.seed()), seedMaterial, options.protocol(),
                options.cipherSuite(),
                status() == Status.COMPLETED, alert(), failure(), run.steps(), run.values(), run.proof(), pki);
    }
}
