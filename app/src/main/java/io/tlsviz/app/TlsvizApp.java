package io.tlsviz.app;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.JavaPreferenceStore;
import io.tlsviz.app.view.MainWindow;
import io.tlsviz.app.viewmodel.ClassroomViewModel;
import io.tlsviz.app.viewmodel.EngineNarration;
import io.tlsviz.app.viewmodel.LessonViewModel;
import io.tlsviz.app.view.ExportFileChooser;
import io.tlsviz.app.view.LessonFileChooser;
import io.tlsviz.lessons.LessonLibrary;
import io.tlsviz.app.viewmodel.ScenarioSettingsViewModel;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: wires the view-models to the main window. */
public class TlsvizApp extends Application {

    static void launchWindow(String[] args) {
        Preload.start();
        Housekeeping.start();
        try {
            Application.launch(TlsvizApp.class, args);
        } catch (RuntimeException e) {
            Optional<String> problem = launchProblem(e);
            if (problem.isEmpty()) {
                throw e;
            }
            System.err.println("tlsviz: " + problem.get());
            System.exit(1);
        }
    }

    /** A sentence for a launch that failed for a reason the user can fix, such as no display to open on. */
    static Optional<String> launchProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Unable to open DISPLAY")) {
                return Optional.of("there is no display to open the window on (" + t.getMessage()
                        + "). The command line works without one: java -jar tlsviz.jar --help");
            }
        }
        return Optional.empty();
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        // Checked by Main before the toolkit started.
        WindowOptions options = WindowOptions.parse(args, (java.util.Collection<String>) null);
        AppPreferences prefs = new AppPreferences(JavaPreferenceStore.forUser());
        if (options.theme() != null) {
            prefs.setTheme(options.theme().id());
        }
        if (options.language() != null) {
            prefs.setLanguage(options.language());
        }
        Exchange exchange = options.exchange() == null ? Exchange.RSA : options.exchange();
        Locale locale = prefs.language().map(Locale::forLanguageTag).orElse(Locale.getDefault());
        MainWindow window = open(stage, prefs, Messages.forLocale(locale), ScenarioOptions.defaults(exchange),
                Preload.lessons(), LessonFileChooser.nativeDialog(Messages.forLocale(locale)), !options.skipsPicker());
        if (options.lesson() != null && window.lessons().startLesson(options.lesson())) {
            window.lessons().showBeat(options.beat() - 1);
        }
        if (options.exitAfterFirstFrame()) {
            exitAfterFirstFrame();
        }
    }

    /**
     * Builds the window on a stage with the given collaborators (tests pass in-memory preferences).
     *
     * @return the window's root, for tests
     */
    public static MainWindow open(Stage stage, AppPreferences prefs, Messages messages, ScenarioOptions options) {
        return open(stage, prefs, messages, options, LessonLibrary.loadShipped(),
                LessonFileChooser.nativeDialog(messages), false);
    }

    /**
     * Builds the window with the shipped lessons and a file chooser (tests pass one that answers at once), and
     * the native save dialog for exports.
     */
    public static MainWindow open(Stage stage, AppPreferences prefs, Messages messages, ScenarioOptions options,
            LessonLibrary shipped, LessonFileChooser fileChooser, boolean showPicker) {
        return open(stage, prefs, messages, options, shipped, fileChooser, ExportFileChooser.nativeDialog(messages),
                showPicker);
    }

    /**
     * Builds the window with the shipped lessons and the file choosers (tests pass ones that answer at once).
     *
     * @param showPicker true to start with the lesson picker open
     * @return the first window's root; switching the language replaces the scene's root with a new one
     */
    public static MainWindow open(Stage stage, AppPreferences prefs, Messages messages, ScenarioOptions options,
            LessonLibrary shipped, LessonFileChooser fileChooser, ExportFileChooser exportChooser,
            boolean showPicker) {
        Assembly assembly = new Assembly(stage, prefs, shipped, fileChooser, exportChooser);
        MainWindow window = assembly.build(messages, options);
        if (showPicker) {
            window.lessons().openPicker();
        }
        Scene scene = new Scene(window, prefs.windowWidth(), prefs.windowHeight());
        stage.setTitle(messages.get("app.title"));
        stage.setScene(scene);
        // One listener for the stage's life: whichever window is the scene's root presents (a language switch
        // replaces the root and keeps the stage).
        stage.fullScreenProperty().addListener((o, was, on) -> {
            if (scene.getRoot() instanceof MainWindow root) {
                root.presenting(on);
            }
        });
        if (prefs.windowMaximized()) {
            // Fill the screen even where no window manager honours "maximized" (a bare X server, a kiosk).
            javafx.geometry.Rectangle2D bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            stage.setMaximized(true);
        }
        stage.setOnHiding(e -> {
            prefs.setWindowMaximized(stage.isMaximized());
            if (!stage.isMaximized()) {
                prefs.setWindowSize(scene.getWidth(), scene.getHeight());
            }
        });
        stage.show();
        return window;
    }

    /**
     * Puts view-models and a window together for one language. Switching the language builds the whole
     * window again in the new language and resumes the lesson and beat (or step) where the old one was.
     */
    private record Assembly(Stage stage, AppPreferences prefs, LessonLibrary shipped, LessonFileChooser fileChooser,
            ExportFileChooser exportChooser) {

        MainWindow build(Messages messages, ScenarioOptions options) {
            ClassroomViewModel classroom = new ClassroomViewModel(messages, new EngineNarration(messages), options);

            LessonViewModel lessons = new LessonViewModel(classroom, shipped, LessonLibrary::load,
                    LessonViewModel.AttackLab.live(), prefs, messages);
            return new MainWindow(lessons, new ScenarioSettingsViewModel(classroom), prefs, messages,
                    new MainWindow.Hooks(fileChooser, this::switchLanguage, exportChooser,
                            Path.of(System.getProperty("user.home")), Assembly::exportInBackground));
        }

        /** One daemon thread per export, so that an export never keeps the app from quitting. */
        static void exportInBackground(Runnable export) {
            Thread t = new Thread(export, "tlsviz-export");
            t.setDaemon(true);
            t.start();
        }

        void switchLanguage(String language) {
            Scene scene = stage.getScene();
            if (scene == null || !(scene.getRoot() instanceof MainWindow old)) {
                return;
            }
            prefs.setLanguage(language);
            old.lessons().classroom().pause();
            Messages messages = Messages.forLocale(Locale.forLanguageTag(language));
            LessonViewModel.Resume resume = old.lessons().resume();
            MainWindow window = build(messages, resume.options());
            window.lessons().resume(resume);
            if (old.settings().generatingProperty().get()) {
                // Fresh certificates were still being made for the old window: make them for this one.
                window.settings().freshCertificatesProperty().set(true);
            }
            stage.setTitle(messages.get("app.title"));
            scene.setRoot(window);
            window.presenting(stage.isFullScreen());
        }
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
