package io.tlsviz.app.export;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * The one place export hops onto the JavaFX thread: {@link #call} runs a piece of work there and waits for its
 * result. {@link #startHeadless} starts the toolkit without a display for the command line.
 */
public final class FxThread {
    private static boolean started;

    private FxThread() {
    }

    /**
     * Starts the JavaFX toolkit once, rendering in software with headless Monocle, so that export needs no display
     * and gives the same pixels everywhere. Properties already set (by a test, or by the user) are kept. Does
     * nothing when the toolkit already runs (inside the app, or under TestFX).
     */
    public static synchronized void startHeadless() {
        if (started) {
            return;
        }
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // The toolkit is up already: use it.
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Runs {@code work} on the JavaFX thread and returns its result; on that thread already, runs it directly.
     *
     * @throws Exception what {@code work} threw
     */
    public static <T> T call(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
