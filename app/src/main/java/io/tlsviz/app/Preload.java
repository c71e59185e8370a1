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
        lessons = CompletableFuture.supplyAsync(() -> {
            LessonLibrary library = LessonLibrary.loadShipped(LessonLoader.withoutNameChecks());
            HandshakeSession.run(ScenarioOptions.defaults(Exchange.DHE));
            return library;
        });
    }

    /** The shipped lessons: from the preload when it ran, else loaded now. */
    static LessonLibrary lessons() {
        start();
        return lessons.join();
    }
}
