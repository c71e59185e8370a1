package io.tlsviz.app.export;

import io.tlsviz.engine.Trace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One export from start to finish: decide the slides, render each picture (the snapshot on the JavaFX thread,
 * the PNG encoding on a worker meanwhile), then write the file whole. Run it off the JavaFX thread, e.g. in a
 * {@code Task} whose {@code updateProgress} is the listener and whose {@code isCancelled} is the flag.
 *
 * <p>Progress counts one unit per rendered slide and one for writing the file. The flag is checked between
 * slides; cancelling throws {@link CancellationException} and leaves no file behind.
 */
public final class ExportJob {

    /** Told after each unit of work; called on the thread that runs the job. */
    @FunctionalInterface
    public interface ProgressListener {
        ProgressListener NONE = (done, total) -> { };

        void progress(int done, int total);
    }

    /**
     * What an export did.
     *
     * @param renderNanos time spent taking snapshots on the JavaFX thread
     * @param encodeNanos time spent encoding the pictures as PNG, on a worker while the next snapshot renders
     * @param writeNanos  time spent writing the file
     * @param totalNanos  the whole job
     * @param warmupNanos from the start to the end of the snapshot of the middle slide: loading CSS and fonts and
     *                    warming up the JIT happen in the first slides; the rest of the job is the cost per slide
     *                    once warm
     */
    public record Result(Path target, int slides, long renderNanos, long encodeNanos, long writeNanos,
            long totalNanos, long warmupNanos) {

        /** Seconds per slide for the second half of the slides, writing included: what each slide costs warm. */
        public double warmSecondsPerSlide() {
            int warm = slides - slides / 2;
            return slides < 2 ? totalNanos / 1e9 : (totalNanos - warmupNanos) / 1e9 / warm;
        }
    }

    private final ExportRequest request;
    private final ProgressListener listener;
    private final BooleanSupplier cancelled;

    public ExportJob(ExportRequest request, ProgressListener listener, BooleanSupplier cancelled) {
        this.request = request;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /**
     * Runs the export. The toolkit must be running ({@link FxThread#startHeadless()} on the command line).
     *
     * @throws TargetExistsException when the target exists and the request does not allow overwriting
     * @throws IOException           when the target cannot be written, in a plain sentence; nothing is left behind
     * @throws CancellationException when cancelled; nothing is left behind
     */
    public Result run() throws IOException {
        long start = System.nanoTime();
        ExportTargets.check(request.target(), request.force(), request.format() == ExportFormat.PNG);
        Trace trace = request.trace();
        ExportTexts texts = new ExportTexts(request.locale());
        List<SlideContent> contents = request.source().slides(trace, request.locale());
        int total = contents.size() + 1;
        ExportMonitor monitor = this::checkCancelled;
        SlideRenderer renderer = new SlideRenderer(request.theme());
        SlideExporter exporter = request.format().exporter();
        SlideView view = call(() -> {
            SlideView v = new SlideView(trace, texts, request.theme());
            renderer.attach(v);
            return v;
        }, "the slides");
        List<Slide> slides = new ArrayList<>(contents.size());
        long renderNanos = 0;
        long warmup = 0;
        AtomicLong encodeNanos = new AtomicLong();
        // The PNG of one slide is encoded on a worker while the JavaFX thread renders the next one.
        ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tlsviz-png-encoder");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<byte[]>> pngs = new ArrayList<>(contents.size());
            for (int i = 0; i < contents.size(); i++) {
                monitor.checkCancelled();
                if (i >= 2) {
                    collect(pngs, slides, contents, trace, texts, i - 2, total); // keep at most two pictures queued
                }
                long t0 = System.nanoTime();
                SlideContent content = contents.get(i);
                SlideRenderer.Pixels pixels = snapshot(renderer, view, content, exporter.layout(content));
                renderNanos += System.nanoTime() - t0;
                if (i == contents.size() / 2 - 1) {
                    warmup = System.nanoTime() - start;
                }
                pngs.add(encoder.submit(() -> {
                    long e0 = System.nanoTime();
                    byte[] png = SlideRenderer.png(pixels);
                    encodeNanos.addAndGet(System.nanoTime() - e0);
                    return png;
                }));
            }
            for (int i = Math.max(0, contents.size() - 2); i < contents.size(); i++) {
                monitor.checkCancelled();
                collect(pngs, slides, contents, trace, texts, i, total);
            }
        } finally {
            encoder.shutdownNow();
        }
        String subject = request.source().subject(trace, request.locale());
        if (subject == null) {
            subject = texts.get("deck.subject", StepSlideSource.protocolLabel(trace.protocol()),
                    trace.cipherSuite().ianaName(), trace.seed().map(String::valueOf).orElse("-"));
        }
        SlideDeck deck = new SlideDeck(request.source().title(trace, request.locale()), request.author(), subject,
                request.locale(), slides, request.theme());
        long t3 = System.nanoTime();
        exporter.write(deck, request.target(), monitor);
        long end = System.nanoTime();
        listener.progress(total, total);
        return new Result(request.target(), slides.size(), renderNanos, encodeNanos.get(), end - t3, end - start,
                warmup);
    }

    /** Waits for slide {@code i}'s PNG and adds the slide. */
    private void collect(List<Future<byte[]>> pngs, List<Slide> slides, List<SlideContent> contents, Trace trace,
            ExportTexts texts, int i, int total) throws IOException {
        byte[] png;
        try {
            png = pngs.get(i).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Export interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot encode slide " + (i + 1) + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
        SlideContent content = contents.get(i);
        int number = i + 1;
        slides.add(new Slide(number, content.title(), content.narration(), png,
                SlideView.altText(trace, content, texts), content.notes(), content.onSlide()));
        listener.progress(number, total);
    }

    private static SlideRenderer.Pixels snapshot(SlideRenderer renderer, SlideView view, SlideContent content,
            SlideLayout layout) throws IOException {
        return call(() -> {
            view.show(content, layout);
            return renderer.snapshot(view);
        }, "slide '" + content.title() + "'");
    }

    /** Runs {@code work} on the JavaFX thread. */
    private static <T> T call(java.util.concurrent.Callable<T> work, String what) throws IOException {
        try {
            return FxThread.call(work);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Export interrupted");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot render " + what + ": " + e.getMessage(), e);
        }
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Export cancelled; nothing was written");
        }
    }
}
