package io.tlsviz.app.bench;

import io.tlsviz.app.prefs.AppPreferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The startup baseline: a bare JavaFX window (a Stage with a Label, the app's default size) that prints the
 * JVM uptime at its first frame and exits. Launch it exactly like the app, from the same jar:
 * {@code java -cp app/target/tlsviz.jar io.tlsviz.app.bench.HelloWorld}. Like {@code Main}, this launcher is not
 * an {@code Application}, so a plain jar with JavaFX on the classpath starts.
 */
public final class HelloWorld {
    private HelloWorld() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Hello");
            stage.setScene(new Scene(new StackPane(new Label("Hello, world")),
                    AppPreferences.DEFAULT_WIDTH, AppPreferences.DEFAULT_HEIGHT));
            stage.show();
            FirstFrame.printUptimeAndExit();
        }
    }
}
