package io.tlsviz.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Gives memory back to the system while the window sits idle (a teacher talking between two Nexts), as JEP 346
 * intends for desktop programs. Without it the JVM keeps whatever heap a burst of stepping made it grow to:
 * on a machine with 24 GB the G1 heap starts at 384 MB and had grown past 600 MB after all four handshakes.
 * <ul>
 *   <li>after a collection the heap may keep at most 15 % free ({@code MaxHeapFreeRatio}, default 70 %), so a
 *       collection shrinks it;</li>
 *   <li>when the window has been busy and then the heap stood still for {@value #IDLE_SECONDS} s, one collection
 *       runs, and the C heap's free pages are returned ({@code System.trim_native_heap}, glibc's
 *       {@code malloc_trim}). A window left alone is cleaned once, not every few seconds.</li>
 * </ul>
 * The options are manageable at run time, so {@code java -jar tlsviz.jar} needs no flags; an option given on
 * the command line is left alone, and anything the running JVM lacks is skipped.
 * (docs/decisions/0011-idle-memory.md)
 */
public final class Housekeeping {
    /** Quiet seconds before a clean-up. */
    static final int IDLE_SECONDS = 5;
    /** Change of the used heap over one interval below which the window counts as idle. */
    private static final long STILL = 1L << 20;

    private static ScheduledExecutorService scheduler;

    private Housekeeping() {
    }

    /**
     * Starts the housekeeping thread (once; later calls do nothing). It sets the heap options first, off the
     * start-up path (the management beans cost tens of milliseconds to load), then looks every
     * {@value #IDLE_SECONDS} s.
     */
    public static synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tlsviz-housekeeping");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        scheduler.execute(() -> {
            applyOptions();
            Watch watch = new Watch(used(), () -> {
                System.gc();
                trimNativeHeap();
                return used();
            });
            scheduler.scheduleWithFixedDelay(() -> watch.look(used(), collections()), IDLE_SECONDS, IDLE_SECONDS,
                    TimeUnit.SECONDS);
        });
    }

    /** Lets a collection shrink the heap to at most 15 % free, unless the command line says otherwise. */
    static void applyOptions() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        setUnlessGiven(vm, "MinHeapFreeRatio", "5");
        setUnlessGiven(vm, "MaxHeapFreeRatio", "15");
    }

    /**
     * Decides when to clean up, from the used heap and the number of collections seen every
     * {@value #IDLE_SECONDS} s: after the heap has moved (by 1 MB or more, or a collection ran, between two
     * looks) and then stood still for one interval. Counting collections keeps a busy window that happens to
     * show the same heap twice from looking idle. A window left alone is cleaned once, not every few seconds.
     */
    static final class Watch {
        private final java.util.function.LongSupplier cleanUp;
        private long usedAtLastLook;
        private long collectionsAtLastLook;
        private boolean movedSinceCleanUp;

        /** @param cleanUp collects, trims and returns the used heap afterwards */
        Watch(long usedNow, java.util.function.LongSupplier cleanUp) {
            this.cleanUp = cleanUp;
            this.usedAtLastLook = usedNow;
        }

        /** @return whether this look cleaned up */
        synchronized boolean look(long used, long collections) {
            // After a clean-up its own collection is not movement: the next look only takes the count.
            boolean sameCollections = collectionsAtLastLook < 0 || collections == collectionsAtLastLook;
            boolean still = Math.abs(used - usedAtLastLook) < STILL && sameCollections;
            usedAtLastLook = used;
            collectionsAtLastLook = collections;
            if (!still) {
                movedSinceCleanUp = true;
                return false;
            }
            if (!movedSinceCleanUp) {
                return false;
            }
            movedSinceCleanUp = false;
            usedAtLastLook = cleanUp.getAsLong();
            collectionsAtLastLook = -1;
            return true;
        }
    }

    /** The value the running JVM has for a VM option, or null if it has no such option. */
    static String option(String name) {
        com.sun.management.VMOption o = vmOption(name);
        return o == null ? null : o.getValue();
    }

    /** Where a VM option's value comes from ("DEFAULT", "VM_CREATION", ...), or null if there is no such option. */
    static String origin(String name) {
        com.sun.management.VMOption o = vmOption(name);
        return o == null ? null : o.getOrigin().name();
    }

    private static com.sun.management.VMOption vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void setUnlessGiven(HotSpotDiagnosticMXBean vm, String name, String value) {
        try {
            if (vm.getVMOption(name).getOrigin() == com.sun.management.VMOption.Origin.DEFAULT) {
                vm.setVMOption(name, value);
            }
        } catch (IllegalArgumentException | SecurityException e) {
            // not this JVM's option (or not manageable here): nothing to tune
        }
    }

    /** Collections so far, of all the JVM's collectors. */
    static long collections() {
        long n = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@code jcmd <pid> System.trim_native_heap}, from inside; false where the JVM or libc has no such thing. */
    static boolean trimNativeHeap() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return true;
        } catch (JMException | RuntimeException e) {
            return false;
        }
    }
}
