package io.tlsviz.app.bench;

import com.sun.javafx.perf.PerformanceTracker;
import io.tlsviz.engine.Exchange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Steps the real window through every step of the given exchanges, pressing → (a {@link KeyEvent} like a
 * presentation clicker's) and timing each press to the first frame the renderer finishes after it, and
 * counting the frames rendered while the envelope travels.
 *
 * <p>Clocks, all {@link System#nanoTime()}: the press; the start of the first scene pulse after it (pre-layout
 * listener) and that pulse's end of layout (post-layout listener), on the FX thread; and "frame rendered"
 * from {@link PerformanceTracker}, which JavaFX calls on the render thread when a frame is finished. A frame
 * counts for the press if it finished after the press's pulse was laid out. Presses come from a separate
 * timer thread 50–66 ms after the scene went quiet, so they land at a random point between pulses as real
 * key presses do, and no earlier frame can still be in flight.
 */
final class SteppingRun {
    private static final long NO_TIME = 0;
    private static final long STUCK_MS = 5_000;

    private enum Phase { WAITING_FIRST_FRAME, ANIMATING, QUIET, DONE }

    private final Scene scene;
    private final Parent root;
    private final ButtonBase next;
    private final PerformanceTracker tracker;
    private final Deque<Exchange> plan;
    private final int exchangesPerPass;
    private final Consumer<Results> onDone;
    private final Results results = new Results();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-presses");
        t.setDaemon(true);
        return t;
    });
    private final Random jitter = new Random(1);

    // Everything below is touched on the FX thread only.
    private Phase phase = Phase.QUIET;
    private boolean needExchange = true;
    private Exchange exchange;
    private int exchangesStarted;
    private int stepInExchange;
    private int pressSeq;
    private long pressedAt;
    private long handledAt;
    private long pulseAt;
    private long laidOutAt;
    private long lastFrameAt;
    private Node envelope;
    private long envelopeGoneAt;
    private final List<Long> animationFrames = new ArrayList<>();

    SteppingRun(Scene scene, List<Exchange> exchanges, int passes, Consumer<Results> onDone) {
        this.scene = scene;
        this.root = scene.getRoot();
        this.next = (ButtonBase) root.lookup("#next");
        this.tracker = PerformanceTracker.getSceneTracker(scene);
        this.plan = new ArrayDeque<>();
        for (int p = 0; p < passes; p++) {
            plan.addAll(exchanges);
        }
        this.exchangesPerPass = exchanges.size();
        this.onDone = onDone;
    }

    /** Starts stepping; call on the FX thread once the window is showing. */
    void start() {
        tracker.setOnRenderedFrameTask(() -> {
            long t = System.nanoTime();
            Platform.runLater(() -> onFrameRendered(t));
        });
        scene.addPreLayoutPulseListener(this::onPulseStart);
        scene.addPostLayoutPulseListener(this::onPulseLaidOut);
        pressLater(500);
    }

    private void pressLater(long delayMs) {
        timer.schedule(() -> Platform.runLater(this::press), delayMs, TimeUnit.MILLISECONDS);
    }

    private void press() {
        if (needExchange) {
            startNextExchange();
            return;
        }
        int seq = ++pressSeq;
        stepInExchange++;
        pulseAt = NO_TIME;
        laidOutAt = NO_TIME;
        envelopeGoneAt = NO_TIME;
        animationFrames.clear();
        tracker.resetAverageFPS();
        phase = Phase.WAITING_FIRST_FRAME;
        pressedAt = System.nanoTime();
        Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : root;
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false, false));
        handledAt = System.nanoTime();
        envelope = root.lookup("#envelope");
        timer.schedule(() -> Platform.runLater(() -> giveUpIfStuck(seq)), STUCK_MS, TimeUnit.MILLISECONDS);
    }

    /** Switches the exchange (and restarts it): not measured, then the presses begin. */
    private void startNextExchange() {
        if (plan.isEmpty()) {
            finish();
            return;
        }
        exchange = plan.poll();
        exchangesStarted++;
        stepInExchange = 0;
        ((ButtonBase) root.lookup("#exchange-" + exchange.id())).fire();
        Event.fireEvent(root, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.HOME, false, false, false, false));
        needExchange = false;
        pressLater(300);
    }

    private void onPulseStart() {
        if (phase == Phase.WAITING_FIRST_FRAME && pulseAt == NO_TIME) {
            pulseAt = System.nanoTime();
        }
    }

    private void onPulseLaidOut() {
        if (phase == Phase.WAITING_FIRST_FRAME && pulseAt != NO_TIME && laidOutAt == NO_TIME) {
            laidOutAt = System.nanoTime();
        }
        if (envelope != null && envelopeGoneAt == NO_TIME && envelope.getParent() == null) {
            envelopeGoneAt = System.nanoTime();
        }
    }

    private void onFrameRendered(long at) {
        long previous = lastFrameAt;
        lastFrameAt = at;
        if (phase == Phase.WAITING_FIRST_FRAME && laidOutAt != NO_TIME && at > laidOutAt) {
            results.presses.add(new Press(pass(), exchange, stepInExchange, ms(at - pressedAt), ms(handledAt - pressedAt),
                    ms(laidOutAt - pulseAt), ms(at - pulseAt), ms(pressedAt - previous)));
            if (envelope != null) {
                animationFrames.add(at);
                phase = Phase.ANIMATING;
            } else {
                quiet();
            }
        } else if (phase == Phase.ANIMATING) {
            animationFrames.add(at);
            if (envelopeGoneAt != NO_TIME && at > envelopeGoneAt) {
                results.animations.add(Animation.of(pass(), exchange, stepInExchange, animationFrames,
                        tracker.getAverageFPS()));
                quiet();
            }
        }
    }

    private void quiet() {
        phase = Phase.QUIET;
        envelope = null;
        if (next.isDisabled()) {
            needExchange = true;
        }
        pressLater(50 + jitter.nextInt(17));
    }

    private void giveUpIfStuck(int seq) {
        if (seq == pressSeq && (phase == Phase.WAITING_FIRST_FRAME || phase == Phase.ANIMATING)) {
            results.stuck++;
            quiet();
        }
    }

    private void finish() {
        phase = Phase.DONE;
        tracker.setOnRenderedFrameTask(null);
        timer.shutdown();
        onDone.accept(results);
    }

    private int pass() {
        return (exchangesStarted - 1) / exchangesPerPass + 1;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** One press of Next: times in ms; {@code quietMs} is how long no frame had been rendered before it. */
    record Press(int pass, Exchange exchange, int step, double toFrameMs, double handlerMs, double layoutMs,
            double pulseToFrameMs, double quietMs) {
    }

    /**
     * One envelope crossing. {@code fps} and {@code worstGapMs} cover the frames after the press's own frame
     * (whose delay is the press's latency) up to the first frame without the envelope; {@code trackerFps} is
     * PerformanceTracker's average from the press to that frame, so it includes the press's frame.
     */
    record Animation(int pass, Exchange exchange, int step, int frames, double fps, double worstGapMs,
            double trackerFps) {

        static Animation of(int pass, Exchange exchange, int step, List<Long> frameTimes, double trackerFps) {
            long worst = 0;
            for (int i = 2; i < frameTimes.size(); i++) {
                worst = Math.max(worst, frameTimes.get(i) - frameTimes.get(i - 1));
            }
            int n = frameTimes.size();
            double spanMs = n > 2 ? ms(frameTimes.get(n - 1) - frameTimes.get(1)) : 0;
            double fps = spanMs > 0 ? (n - 2) * 1000 / spanMs : 0;
            return new Animation(pass, exchange, step, n, fps, ms(worst), trackerFps);
        }
    }

    /** What a run measured. */
    static final class Results {
        final List<Press> presses = new ArrayList<>();
        final List<Animation> animations = new ArrayList<>();
        int stuck;
    }
}
