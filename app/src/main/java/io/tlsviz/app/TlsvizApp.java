package io.tlsviz.app;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.JavaPreferenceStore;
import io.tlsviz.app.view.MainWindow;
import io.tlsviz.app.view.Theme;
import io.tlsviz.app.viewmodel.ClassroomViewModel;
import io.tlsviz.app.viewmodel.EngineNarration;
import io.tlsviz.app.viewmodel.ScenarioSettingsViewModel;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: wires the view-models to the main window. */
public class TlsvizApp extends Application {

    static void launchWindow(String[] args) {
        Application.launch(TlsvizApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        AppPreferences prefs = new AppPreferences(JavaPreferenceStore.forUser());
        Exchange exchange = Exchange.RSA;
        for (String a : args) {
            if (a.startsWith("--theme=")) {
                prefs.setTheme(Theme.fromId(a.substring("--theme=".length())).id());
            } else if (a.startsWith("--exchange=")) {
                exchange = Exchange.fromId(a.substring("--exchange=".length()));
            }
        }
        open(stage, prefs, Messages.forLocale(Locale.getDefault()), ScenarioOptions.defaults(exchange));
        if (args.contains("--exit-after-first-frame")) {
            exitAfterFirstFrame();
        }
    }

    /**
     * Builds the window on a stage with the given collaborators (tests pass in-memory preferences).
     *
     * @return the window's root, for tests
     */
    public static MainWindow open(Stage stage, AppPreferences prefs, Messages messages, ScenarioOptions options) {
        ClassroomViewModel classroom = new ClassroomViewModel(messages, new EngineNarration(messages), options);
        MainWindow window = new MainWindow(classroom, new ScenarioSettingsViewModel(classroom), prefs, messages);
        Scene scene = new Scene(window, prefs.windowWidth(), prefs.windowHeight());
        stage.setTitle(messages.get("app.title"));
        stage.setScene(scene);
        stage.setOnHiding(e -> prefs.setWindowSize(scene.getWidth(), scene.getHeight()));
        stage.show();
        return window;
    }

    /** For the startup benchmark: print the JVM uptime at the first frame, then exit. */
    private static void exitAfterFirstFrame() {
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
