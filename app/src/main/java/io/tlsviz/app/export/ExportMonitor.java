package io.tlsviz.app.export;

import java.util.concurrent.CancellationException;

/** Lets a long export stop between slides. */
@FunctionalInterface
public interface ExportMonitor {

    /** A monitor that never cancels. */
    ExportMonitor NONE = () -> { };

    /** @throws CancellationException when the user asked to stop */
    void checkCancelled();
}
