package io.tlsviz.app.bench;

import com.sun.prism.GraphicsPipeline;
import io.tlsviz.app.TlsvizApp;
import io.tlsviz.app.bench.SteppingRun.Animation;
import io.tlsviz.app.bench.SteppingRun.Press;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.InMemoryPreferenceStore;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The window benchmarks of issue 4, in one JVM: open the real window, step through every step of all four
 * exchanges twice with the → key, then report
 * <ul>
 *   <li>{@code --frames}: press → first rendered frame, and frames per second while the envelope travels;</li>
 *   <li>{@code --memory}: resident set ({@code VmRSS}, {@code VmHWM}) and heap after the run, and again
 *       after 12 s idle (when the app's housekeeping has given memory back).</li>
 * </ul>
 * With neither option it reports both. {@code --reduced-motion} turns the envelope off (the window's own
 * setting), so every frame is a step's frame. {@code --floor} steps a bare window of the same size instead, whose →
 * changes one label ({@link FloorWindow}): the same clocks then measure what any window pays on this pipeline.
 * Run from the shaded jar, e.g. under Xvfb on the software pipeline:
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -Dprism.order=sw -cp app/target/tlsviz.jar
 * io.tlsviz.app.bench.BenchUi}. See docs/benchmarks.md for the method and the figures.
 */
public final class BenchUi {
    private BenchUi() {
    }

    public static void main(String[] args) {
        for (String a : args) {
            if (!List.of("--frames", "--memory", "--reduced-motion", "--floor").contains(a)
                    && !a.startsWith("--passes=")) {
                System.err.println("usage: BenchUi [--frames] [--memory] [--reduced-motion] [--floor] [--passes=N]"
                        + "   (default: both, animated, 2 passes)");
                System.exit(2);
            }
        }
        io.tlsviz.app.Housekeeping.start(); // as TlsvizApp does: the benchmark measures the app as shipped
        Application.launch(Window.class, args);
    }

    /** The app's own window, with in-memory preferences so a run neither reads nor writes the user's. */
    public static final class Window extends Application {
        private boolean frames;
        private boolean memory;

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            frames = args.contains("--frames") || !args.contains("--memory");
            memory = args.contains("--memory") || !args.contains("--frames");
            int passes = args.stream().filter(a -> a.startsWith("--passes="))
                    .mapToInt(a -> Integer.parseInt(a.substring("--passes=".length()))).findFirst().orElse(2);
            AppPreferences prefs = new AppPreferences(new InMemoryPreferenceStore());
            prefs.setReducedMotion(args.contains("--reduced-motion"));
            if (args.contains("--floor")) {
                FloorWindow.open(stage);
            } else {
                TlsvizApp.open(stage, prefs, Messages.forLocale(Locale.ENGLISH),
                        ScenarioOptions.defaults(Exchange.RSA));
            }
            System.out.printf(Locale.ROOT, "window %.0fx%.0f, pipeline %s, glass %s, java %s, javafx %s, load %s%n",
                    stage.getScene().getWidth(), stage.getScene().getHeight(),
                    GraphicsPipeline.getPipeline().getClass().getSimpleName(),
                    com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName(),
                    System.getProperty("java.version"), System.getProperty("javafx.runtime.version"), loadAverage());
            new SteppingRun(stage.getScene(), List.of(Exchange.values()), passes, this::report).start();
        }

        private void report(SteppingRun.Results r) {
            if (frames) {
                reportFrames(r);
            }
            Runnable end = () -> {
                if (memory) {
                    reportMemory();
                }
                System.out.println("load at end " + loadAverage());
                Platform.exit();
            };
            // The memory report waits for the window to sit idle: not on the FX thread, which must stay free.
            Thread t = new Thread(end, "bench-report");
            t.start();
        }
    }

    private static void reportFrames(SteppingRun.Results r) {
        int passes = r.presses.stream().mapToInt(Press::pass).max().orElse(0);
        System.out.printf(Locale.ROOT, "presses of Next: %d, animated: %d, without a frame after 5 s: %d%n",
                r.presses.size(), r.animations.size(), r.stuck);
        for (int pass = 1; pass <= passes; pass++) {
            int p = pass;
            Predicate<Press> inPass = x -> x.pass() == p;
            System.out.printf("pass %d%n", pass);
            line("  Next -> frame rendered ms", r.presses, inPass, Press::toFrameMs);
            line("    key handler ms", r.presses, inPass, Press::handlerMs);
            line("    pulse CSS+layout ms", r.presses, inPass, Press::layoutMs);
            line("    pulse -> rendered ms", r.presses, inPass, Press::pulseToFrameMs);
            line("  envelope fps after press frame", r.animations, (Animation a) -> a.pass() == p, Animation::fps);
            line("    worst frame gap ms", r.animations, (Animation a) -> a.pass() == p, Animation::worstGapMs);
            line("    PerformanceTracker avg fps", r.animations, (Animation a) -> a.pass() == p, Animation::trackerFps);
            line("    frames per crossing", r.animations, (Animation a) -> a.pass() == p, a -> a.frames());
        }
        r.presses.stream().max((a, b) -> Double.compare(a.toFrameMs(), b.toFrameMs())).ifPresent(w -> System.out.printf(
                Locale.ROOT, "slowest press: pass %d %s step %d, %.1f ms (handler %.1f, layout %.1f, pulse->frame %.1f)%n",
                w.pass(), w.exchange().id(), w.step(), w.toFrameMs(), w.handlerMs(), w.layoutMs(), w.pulseToFrameMs()));
        System.out.println("per exchange, pass " + passes + ", Next -> frame median ms: " + List.of(Exchange.values())
                .stream().map(e -> e.id() + " " + String.format(Locale.ROOT, "%.1f", Stats.of(r.presses.stream()
                        .filter(x -> x.pass() == passes && x.exchange() == e).map(Press::toFrameMs)
                        .collect(Collectors.toList())).median()))
                .collect(Collectors.joining(", ")));
    }

    private static <T> void line(String label, List<T> all, Predicate<T> keep, ToDoubleFunction<T> value) {
        List<Double> v = all.stream().filter(keep).map(value::applyAsDouble).collect(Collectors.toList());
        System.out.println(String.format(Locale.ROOT, "%-34s", label) + (v.isEmpty() ? "none" : Stats.of(v).describe("%.1f")));
    }

    private static void reportMemory() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        String status = ProcStatus.read();
        long heapUsed = mem.getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "memory: VmRSS %s, VmHWM (peak) %s, heap used %s of %s committed (max %s),"
                + " non-heap used %s%n", mb(ProcStatus.bytes(status, "VmRSS").orElse(-1)),
                mb(ProcStatus.bytes(status, "VmHWM").orElse(-1)), mb(heapUsed),
                mb(mem.getHeapMemoryUsage().getCommitted()), mb(mem.getHeapMemoryUsage().getMax()),
                mb(mem.getNonHeapMemoryUsage().getUsed()));
        // What the window uses once it has been left alone for a while: the housekeeping's periodic collection
        // and native trim (io.tlsviz.app.Housekeeping) run after a few quiet seconds.
        try {
            Thread.sleep(12_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String idle = ProcStatus.read();
        System.out.printf(Locale.ROOT, "after 12 s idle: VmRSS %s, heap used %s of %s committed%n",
                mb(ProcStatus.bytes(idle, "VmRSS").orElse(-1)), mb(mem.getHeapMemoryUsage().getUsed()),
                mb(mem.getHeapMemoryUsage().getCommitted()));
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
