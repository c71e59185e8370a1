package io.tlsviz.app;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.lessons.LessonLibrary;
import io.tlsviz.lessons.LessonLoader;
import java.util.concurrent.CompletableFuture;

/**
 * Start-up work that runs on the second core while the JavaFX toolkit starts: the shipped lessons are parsed,
 * and one handshake loads and warms Bouncy Castle and the engine, so the first frame does not wait for them.
 * Started once by {@link Main} before the toolkit; the window takes the lessons when it is built.
 */
final class Preload {
    private static volatile CompletableFuture<LessonLibrary> lessons;

    private Preload() {
    }

    static synchronized void start() {
        if (lessons != null) {
            return;
        }
        // Two threads, started before the toolkit: the lessons, and one handshake of the kind the window opens
        // with, which loads Bouncy Castle and the engine. The warm-up is not waited for: the window's own first
        // handshake only profits from what it has loaded by then (joining it had kept the window waiting 0.3 s).
        Thread warmUp = new Thread(() -> HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA)), "tlsviz-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        lessons = CompletableFuture.supplyAsync(() -> LessonLibrary.loadShipped(LessonLoader.withoutNameChecks()));
    }

    /** The shipped lessons: from the preload when it ran, else loaded now. */
    static LessonLibrary lessons() {
        start();
        return lessons.join();
    }
}
