package io.tlsviz.app.bench;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The startup probe: at the first pulse after it is armed, print the JVM uptime in milliseconds and exit.
 * It is the same code as {@code TlsvizApp --exit-after-first-frame}, so the hello-world baseline and the
 * app are timed by the same clock at the same point (an {@link AnimationTimer} runs at the start of a pulse,
 * just before that pulse's CSS, layout and render).
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** Call on the FX thread after {@code stage.show()}. */
    public static void printUptimeAndExit() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                System.out.println(ManagementFactory.getRuntimeMXBean().getUptime());
                Platform.exit();
            }
        }.start();
    }
}
