package io.tlsviz.app.export;

import javafx.concurrent.Task;

/**
 * An {@link ExportJob} as a JavaFX {@link Task}, for File → Export slideshow…: bind a progress bar to
 * {@link #progressProperty()}, a Cancel button to {@link #cancel()}, and run it on a background thread. Only the
 * snapshots hop onto the JavaFX thread, so the window stays responsive. Cancelling leaves no file.
 *
 * <p>The caller decides about overwriting before it starts: ask the user when the target exists, then pass
 * {@code force} in the request.
 */
public final class ExportTask extends Task<ExportJob.Result> {
    private final ExportRequest request;

    public ExportTask(ExportRequest request) {
        this.request = request;
        updateTitle(request.target().getFileName() == null ? "" : request.target().getFileName().toString());
    }

    @Override
    protected ExportJob.Result call() throws Exception {
        return new ExportJob(request, (done, total) -> updateProgress(done, total), this::isCancelled).run();
    }
}
