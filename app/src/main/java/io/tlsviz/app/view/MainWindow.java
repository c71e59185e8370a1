package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.viewmodel.ClassroomViewModel;
import io.tlsviz.app.viewmodel.ExportViewModel;
import io.tlsviz.app.viewmodel.LessonViewModel;
import io.tlsviz.app.viewmodel.QuizViewModel;
import javafx.beans.value.ChangeListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import io.tlsviz.app.viewmodel.ScenarioSettingsViewModel;
import io.tlsviz.engine.Exchange;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.SegmentedButton;

/**
 * The classroom window: toolbar, diagram, narration, knowledge, inspector, step strip and status. Thin: it
 * binds to the view-models and owns only what is the view's own (the play clock, theme, font size).
 */
public final class MainWindow extends BorderPane {
    /**
     * What the window asks of the application around it.
     *
     * @param fileChooser     asks for a lesson file (the native dialog; tests answer at once)
     * @param switchLanguage  rebuilds the window in another language ("en", "de")
     * @param exportChooser   asks where to save a slideshow (the native dialog; tests answer at once)
     * @param home            the folder of the first export (the user's home)
     * @param exportExecutor  runs a slideshow export off the JavaFX thread
     */
    public record Hooks(LessonFileChooser fileChooser, Consumer<String> switchLanguage,
            ExportFileChooser exportChooser, Path home, Executor exportExecutor) {
    }

    private final ClassroomViewModel vm;
    private final LessonViewModel lessons;
    private ToolBar toolbar;
    private final Hooks hooks;
    private final Messages messages;
    private final AppPreferences prefs;
    private final ScenarioSettingsViewModel settings;
    private final DiagramView diagram;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ToggleButton reducedMotion;
    private final LessonPickerView picker;
    /** The languages the app and the shipped lessons speak. */
    private static final List<String> LANGUAGES = io.tlsviz.lessons.LessonLibrary.LANGUAGES;
    private int fontStep;
    private Timeline playClock;
    /** The window is black (B or . as in presentation programs); any key brings it back. */
    private final javafx.beans.property.BooleanProperty blanked = new javafx.beans.property.SimpleBooleanProperty();
    /** The rows a class has no use for while the teacher presents (full screen). */
    private final MenuBar menuBar;
    private final HBox statusBar;
    /** The knowledge columns' minimum height: a value or two. */
    private static final double KNOWLEDGE_MIN_HEIGHT = 160;

    /** The inspector in the diagram's place as well (View menu, Ctrl+I). */
    private final javafx.beans.property.BooleanProperty inspectorEnlarged =
            new javafx.beans.property.SimpleBooleanProperty(this, "inspectorEnlarged");

    public MainWindow(LessonViewModel lessons, ScenarioSettingsViewModel settings, AppPreferences prefs,
            Messages messages, Hooks hooks) {
        this.lessons = lessons;
        this.hooks = hooks;
        this.vm = lessons.classroom();
        this.settings = settings;
        this.prefs = prefs;
        this.messages = messages;
        setId("main-window");
        diagram = new DiagramView(vm, messages);
        reducedMotion = new ToggleButton(messages.get("toolbar.reducedMotion"));
        reducedMotion.setId("reduced-motion");
        reducedMotion.setSelected(prefs.reducedMotion());
        diagram.animationDurationProperty().bind(Bindings.when(reducedMotion.selectedProperty())
                .then(Duration.ZERO).otherwise(DiagramView.DEFAULT_ANIMATION));
        reducedMotion.selectedProperty().addListener((o, a, b) -> prefs.setReducedMotion(b));

        Label alert = new Label();
        alert.setId("alert");
        alert.setWrapText(true);
        alert.textProperty().bind(vm.alertTextProperty());
        HBox banner = new HBox(alert);
        banner.setId("alert-banner");
        banner.getStyleClass().add(Styles.ALERT_BANNER);
        banner.visibleProperty().bind(vm.alertTextProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        menuBar = menuBar();
        setTop(new VBox(menuBar, toolbar(), banner));

        NarrationView narration = new NarrationView(lessons, messages);
        KnowledgeView knowledge = new KnowledgeView(vm.knowledge(), messages);
        VBox.setVgrow(knowledge, Priority.ALWAYS);
        InspectorView inspector = new InspectorView(vm.inspector(), messages);
        SplitPane left = new SplitPane(diagram, inspector);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.62);
        left.setId("diagram-inspector-split");
        // Enlarged, the inspector has the diagram's place too: on a projector or a small screen a message's fields
        // and bytes get a few rows only, too few to answer "what is in this message?" in front of a class.
        double[] diagramShare = {0.62};
        inspectorEnlarged.addListener((o, was, on) -> {
            if (on) {
                diagramShare[0] = left.getDividerPositions()[0];
                left.getItems().remove(diagram);
            } else {
                left.getItems().add(0, diagram);
                left.setDividerPositions(diagramShare[0]);
            }
        });
        narration.setMinHeight(120);
        knowledge.setMinHeight(KNOWLEDGE_MIN_HEIGHT);
        Label veil = new Label(messages.get("knowledge.hiddenForQuiz"));
        veil.setId("knowledge-veil");
        veil.getStyleClass().add(Styles.KNOWLEDGE_VEIL);
        veil.setWrapText(true);
        veil.setMaxWidth(Double.MAX_VALUE);
        veil.setMaxHeight(Double.MAX_VALUE);
        veil.visibleProperty().bind(lessons.knowledgeHiddenProperty());
        knowledge.visibleProperty().bind(lessons.knowledgeHiddenProperty().not());
        StackPane knowledgeOrVeil = new StackPane(knowledge, veil) {
            // Veiled, the columns are a sentence: the quiz above may have the rest of the room.
            @Override
            protected double computeMinHeight(double width) {
                if (!lessons.knowledgeHiddenProperty().get()) {
                    return KNOWLEDGE_MIN_HEIGHT;
                }
                double w = getWidth() > 0 ? getWidth() : width;
                return snappedTopInset() + veil.prefHeight(w - snappedLeftInset() - snappedRightInset())
                        + snappedBottomInset();
            }
        };
        lessons.knowledgeHiddenProperty().addListener((o, was, hidden) -> knowledgeOrVeil.requestLayout());
        SplitPane right = new SplitPane(narration, knowledgeOrVeil);
        right.setOrientation(Orientation.VERTICAL);
        right.setId("narration-knowledge-split");
        // A lesson's narration needs room (text, a quiz, a warm-up table); without a lesson it is a title and a
        // sentence or two, and the knowledge columns, the centre of the lesson, get the room instead.
        right.setDividerPositions(narrationShare(lessons.lessonProperty().get() != null));
        lessons.lessonProperty().addListener((o, was, now) -> {
            if ((was == null) != (now == null)) {
                right.setDividerPositions(narrationShare(now != null));
            }
        });
        right.setMinWidth(0);
        giveTheBeatRoom(right, narration);
        SplitPane centre = new SplitPane(left, right);
        centre.setDividerPositions(0.47);
        picker = new LessonPickerView(lessons, messages, this::openLessonFile);
        setCenter(new StackPane(centre, picker, new ProblemsView(lessons, messages)));
        setOnDragOver(e -> {
            if (lessonFile(e.getDragboard()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        setOnDragDropped(e -> {
            Optional<Path> file = lessonFile(e.getDragboard());
            file.ifPresent(lessons::openLessonFile);
            e.setDropCompleted(file.isPresent());
            e.consume();
        });

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusTextProperty());
        statusBar = new HBox(status);
        statusBar.getStyleClass().add(Styles.STATUS_BAR);
        setBottom(new VBox(new StepStrip(vm, messages, lessons::goToStep), statusBar));
        statusBar.setId("status-bar");

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        javafx.scene.Node[] focusBeforeBlank = {null};
        blanked.addListener((o, was, on) -> {
            javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
            for (javafx.scene.Node n : List.of(getTop(), getCenter(), getBottom())) {
                n.setVisible(!on);
            }
            KnowledgeView.toggle(this, Styles.BLANKED, on);
            if (on) {
                // The window keeps the keyboard (a key must bring it back), though what had it is hidden.
                focusBeforeBlank[0] = owner;
                requestFocus();
            } else if (focusBeforeBlank[0] != null) {
                focusBeforeBlank[0].requestFocus();
                focusBeforeBlank[0] = null;
            }
        });
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (blanked.get()) {
                blanked.set(false);
                e.consume();
            }
        });
        vm.playingProperty().addListener((o, a, playing) -> updateClock());
        vm.secondsPerStepProperty().addListener((o, a, b) -> updateClock());
        theme.addListener((o, a, t) -> applyTheme());
        sceneProperty().addListener((o, a, s) -> applyTheme());
        fontStep = prefs.fontStep();
        theme.set(Theme.fromId(prefs.theme()));
    }

    /** Where the divider between narration and knowledge columns goes, in a lesson and in free exploration. */
    /**
     * A quiz is the moment the class must see the question, and an attack's result is the moment of the
     * forward-secrecy lesson, and a clicker cannot scroll: while a beat has an open quiz or shows an attack, the
     * narration gets the room its text and these need (from the columns, down to their minimum, which for a "who
     * knows?" quiz that veils them is a sentence), and as a last resort an open quiz is scrolled into view. When
     * neither is left (the quiz answered, the beat moved on), the divider goes back where it was.
     */
    private void giveTheBeatRoom(SplitPane right, NarrationView narration) {
        Double[] before = {null};
        int[] generation = {0}; // only the latest update's layout callbacks act: a quick Next makes earlier ones stale
        Runnable[] update = {null};
        Runnable restore = () -> {
            if (before[0] != null) {
                right.setDividerPositions(before[0]);
                before[0] = null;
            }
        };
        ChangeListener<Boolean> doneChanged = (o, was, done) -> update[0].run();
        java.util.function.Consumer<QuizViewModel> follow = q -> {
            if (q != null) {
                q.doneProperty().removeListener(doneChanged);
                q.doneProperty().addListener(doneChanged);
            }
        };
        update[0] = () -> {
            QuizViewModel q = lessons.quizProperty().get();
            boolean quizOpen = q != null && !q.doneProperty().get();
            if (!quizOpen && lessons.attackProperty().get() == null) {
                generation[0]++;
                restore.run();
                return;
            }
            if (before[0] == null) {
                before[0] = right.getDividerPositions()[0];
            }
            double[] asked = {Double.NaN};
            int mine = ++generation[0];
            Scrolling.afterLayout(right, 3, () -> {
                if (mine != generation[0] || before[0] == null) {
                    return;
                }
                double total = right.getHeight();
                double knowledgeMin = right.getItems().get(1) instanceof Region r ? r.minHeight(-1)
                        : KNOWLEDGE_MIN_HEIGHT;
                double current = right.getDividerPositions()[0];
                double wanted = (narration.neededHeight() + 8) / total; // and the divider's own width
                double position = Math.min(wanted, (total - knowledgeMin) / total);
                if (total > 0 && position > current + 0.005 && position != asked[0]) {
                    asked[0] = position; // asked once: the split pane may hold the divider short of it
                    right.setDividerPositions(position);
                } else if (quizOpen && lessons.quizProperty().get() == q && !q.doneProperty().get()) {
                    narration.revealQuiz();
                }
            });
        };
        lessons.quizProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.doneProperty().removeListener(doneChanged);
            }
            follow.accept(now);
            restore.run(); // another beat: it gets the room it needs, not what the last one took
            update[0].run();
        });
        lessons.attackProperty().addListener((o, was, now) -> update[0].run());
        // A lesson opened from the command line has its first quiz before the window is shown.
        right.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                    javafx.scene.Scene was, javafx.scene.Scene now) {
                if (now != null) {
                    right.sceneProperty().removeListener(this);
                    follow.accept(lessons.quizProperty().get());
                    update[0].run();
                }
            }
        });
    }

    /** Whether the window is blanked (B or .), for tests. */
    public javafx.beans.property.ReadOnlyBooleanProperty blankedProperty() {
        return blanked;
    }

    static double narrationShare(boolean inLesson) {
        return inLesson ? 0.56 : 0.3;
    }

    public ScenarioSettingsViewModel settings() {
        return settings;
    }

    /** The lesson view-model behind this window. */
    public LessonViewModel lessons() {
        return lessons;
    }

    /** Asks for a lesson file and opens it; problems are listed, the current lesson stays. */
    public void openLessonFile() {
        hooks.fileChooser().choose(getScene() == null ? null : getScene().getWindow())
                .ifPresent(lessons::openLessonFile);
    }

    private static Optional<Path> lessonFile(Dragboard board) {
        if (!board.hasFiles()) {
            return Optional.empty();
        }
        return board.getFiles().stream().map(java.io.File::toPath)
                .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).findFirst();
    }

    private MenuBar menuBar() {
        MenuItem choose = new MenuItem(messages.get("menu.chooseLesson"));
        choose.setId("menu-choose-lesson");
        choose.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        choose.setOnAction(e -> lessons.openPicker());
        MenuItem open = new MenuItem(messages.get("menu.openLesson"));
        open.setId("menu-open-lesson");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> openLessonFile());
        MenuItem export = new MenuItem(messages.get("menu.export"));
        export.setId("menu-export");
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> openExport());
        MenuItem quit = new MenuItem(messages.get("menu.quit"));
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
                stage.close();
            }
        });
        Menu file = new Menu(messages.get("menu.file"), null, choose, open, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), quit);
        file.setId("menu-file");
        Menu language = new Menu(messages.get("menu.language"));
        ToggleGroup group = new ToggleGroup();
        for (String code : LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(messages.get("language." + code));
            item.setId("menu-language-" + code);
            item.setToggleGroup(group);
            item.setSelected(code.equals(lessons.language()));
            item.setOnAction(e -> switchLanguage(code));
            language.getItems().add(item);
        }
        CheckMenuItem enlarge = new CheckMenuItem(messages.get("menu.enlargeInspector"));
        enlarge.setId("menu-enlarge-inspector");
        enlarge.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        enlarge.selectedProperty().bindBidirectional(inspectorEnlarged);
        Menu view = new Menu(messages.get("menu.view"), null, enlarge, new SeparatorMenuItem(), language);
        view.setId("menu-view");
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menu-bar");
        return bar;
    }

    private void switchLanguage(String code) {
        if (!code.equals(lessons.language())) {
            hooks.switchLanguage().accept(code);
        }
    }

    /** True while the inspector has the diagram's place too. */
    public javafx.beans.property.BooleanProperty inspectorEnlargedProperty() {
        return inspectorEnlarged;
    }

    public DiagramView diagram() {
        return diagram;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    private ToolBar toolbar() {
        SegmentedButton exchanges = new SegmentedButton();
        exchanges.setId("exchange");
        for (Exchange e : Exchange.values()) {
            ToggleButton b = new ToggleButton(e.label());
            b.setId("exchange-" + e.id());
            b.setUserData(e);
            b.setAccessibleText(messages.get("toolbar.exchange") + ": " + e.label());
            b.setOnAction(ev -> {
                vm.exchangeProperty().set(e);
                b.setSelected(true);
            });
            exchanges.getButtons().add(b);
        }
        Runnable syncExchange = () -> exchanges.getButtons()
                .forEach(b -> b.setSelected(b.getUserData() == vm.exchangeProperty().get()));
        vm.exchangeProperty().addListener((o, a, b) -> syncExchange.run());
        syncExchange.run();

        Button lessonsButton = button("lessons", "toolbar.lessons", lessons::openPicker);
        Button back = button("back", "toolbar.back", lessons::back);
        back.disableProperty().bind(lessons.canBackProperty().not());
        Button next = button("next", "toolbar.next", lessons::next);
        next.disableProperty().bind(lessons.canNextProperty().not());
        next.setDefaultButton(false);
        Button restart = button("restart", "toolbar.restart", lessons::restart);
        Button play = button("play", "toolbar.play", lessons::togglePlay);
        play.textProperty().bind(Bindings.when(vm.playingProperty())
                .then(messages.get("toolbar.pause")).otherwise(messages.get("toolbar.play")));

        Slider speed = new Slider(0.5, 4, vm.secondsPerStepProperty().get());
        speed.setId("speed");
        speed.setPrefWidth(110);
        speed.valueProperty().bindBidirectional(vm.secondsPerStepProperty());
        speed.setAccessibleText(messages.get("toolbar.speed"));
        Label speedLabel = new Label();
        speedLabel.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("toolbar.speed.value", vm.secondsPerStepProperty().get()),
                vm.secondsPerStepProperty()));

        ToggleButton tamper = new ToggleButton(messages.get("toolbar.tamper"));
        tamper.setId("tamper");
        tamper.selectedProperty().bindBidirectional(vm.tamperModeProperty());

        ComboBox<Theme> themes = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Theme.values()));
        themes.setId("theme");
        themes.setAccessibleText(messages.get("toolbar.theme"));
        themes.setCellFactory(l -> new ThemeCell());
        themes.setButtonCell(new ThemeCell());
        themes.valueProperty().bindBidirectional(theme);

        Button settingsButton = button("settings", "toolbar.settings", this::openSettings);
        Button presenter = button("presenter", "toolbar.presenter", this::toggleFullScreen);

        ComboBox<String> language = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(LANGUAGES));
        language.setId("language");
        language.setAccessibleText(messages.get("toolbar.language"));
        language.setCellFactory(l -> new LanguageCell());
        language.setButtonCell(new LanguageCell());
        language.setValue(lessons.language());
        language.valueProperty().addListener((o, was, code) -> {
            if (code != null) {
                switchLanguage(code);
            }
        });

        // What a room needs most comes first: the toolbar moves items from its end to the overflow menu when
        // large type leaves no room, so the presenter button stays in view before theme, language and motion.
        ToolBar bar = new ToolBar(lessonsButton, exchanges, new Separator(), back, next, restart, play, speed,
                speedLabel, new Separator(), tamper, settingsButton, presenter, new Separator(), themes, language,
                reducedMotion);
        bar.getStyleClass().add(Styles.TOOLBAR);
        toolbar = bar;
        return bar;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private final class ThemeCell extends ListCell<Theme> {
        @Override
        protected void updateItem(Theme t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? null : messages.get("theme." + t.id()));
        }
    }

    private final class LanguageCell extends ListCell<String> {
        @Override
        protected void updateItem(String code, boolean empty) {
            super.updateItem(code, empty);
            setText(empty || code == null ? null : messages.get("language." + code));
        }
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (onPresentingKey(e, k)) {
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || picker.isVisible()
                || !lessons.problems().isEmpty()) {
            return;
        }
        QuizViewModel quiz = lessons.quizProperty().get();
        if (quiz != null && !quiz.doneProperty().get() && !e.isShortcutDown()) {
            int digit = digit(k);
            if (digit >= 1) {
                quiz.choose(digit - 1);
                e.consume();
                return;
            }
            if (k == KeyCode.ENTER && quiz.answer()) {
                e.consume();
                return;
            }
            if (k == KeyCode.S) {
                quiz.skip();
                e.consume();
                return;
            }
        }
        boolean handled = true;
        if (e.isShortcutDown()) {
            handled = false;
        } else if (k == KeyCode.RIGHT || k == KeyCode.SPACE || k == KeyCode.PAGE_DOWN) {
            lessons.next();
        } else if (k == KeyCode.LEFT || k == KeyCode.PAGE_UP) {
            lessons.back();
        } else if (k == KeyCode.HOME) {
            lessons.restart();
        } else if (k == KeyCode.P) {
            lessons.togglePlay();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    /**
     * The keys for presenting, which work whatever is open or has the keyboard: F5/F11 full screen, Ctrl +/−
     * the font size, and Esc, which closes what is open over the window first (the lesson picker, the list of
     * a lesson file's problems) and leaves full screen only when nothing is. A teacher who closes the picker
     * with Esc stays in presenter mode. True if the key was used.
     */
    private boolean onPresentingKey(KeyEvent e, KeyCode k) {
        if (blanked.get()) {
            blanked.set(false); // any key brings the window back (a menu shortcut still does its item)
            return true;
        }
        if (e.isShortcutDown()) {
            if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                changeFont(1);
                return true;
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                changeFont(-1);
                return true;
            }
            return false;
        }
        if (k == KeyCode.F5 || k == KeyCode.F11) {
            toggleFullScreen();
            return true;
        }
        if ((k == KeyCode.B || k == KeyCode.PERIOD) && !(e.getTarget() instanceof TextInputControl)) {
            vm.pause(); // as in presentation programs: a black screen while the class talks, and nothing moves on
            blanked.set(true);
            return true;
        }
        if (k == KeyCode.ESCAPE) {
            if (picker.isVisible()) {
                lessons.closePicker();
                return true;
            }
            if (!lessons.problems().isEmpty()) {
                return false; // the problems list closes itself
            }
            if (stage().map(Stage::isFullScreen).orElse(false)) {
                stage().get().setFullScreen(false);
                return true;
            }
        }
        return false;
    }

    private java.util.Optional<Stage> stage() {
        Window w = getScene() == null ? null : getScene().getWindow();
        return w instanceof Stage s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    /** 1 to 9 for the digit keys (top row or keypad), else 0. */
    private static int digit(KeyCode k) {
        if (k.isDigitKey()) {
            String name = k.getName();
            char c = name.charAt(name.length() - 1);
            return c >= '1' && c <= '9' ? c - '0' : 0;
        }
        return 0;
    }

    private void changeFont(int delta) {
        fontStep = Math.max(AppPreferences.MIN_FONT_STEP, Math.min(AppPreferences.MAX_FONT_STEP, fontStep + delta));
        prefs.setFontStep(fontStep);
        applyTheme();
    }

    /** The font size in px the window uses now. */
    public int fontPx() {
        return theme.get().baseFontPx() + 2 * fontStep;
    }

    private void applyTheme() {
        Theme t = theme.get();
        Scene scene = getScene();
        if (t == null) {
            return;
        }
        prefs.setTheme(t.id());
        if (scene != null) {
            scene.getStylesheets().setAll(t.stylesheets());
        }
        setStyle("-fx-font-size: " + fontPx() + "px;");
        reorganizeToolbar();
    }

    /**
     * Makes the toolbar decide again what fits and what goes to its overflow menu. JavaFX's ToolBar does so
     * when its width or its items change, not when its items grow (larger type, another theme): the items stayed
     * where they were and were squeezed to "R...", "Ne...". Setting the same items again is a change of items;
     * the keyboard focus stays where it was.
     */
    private void reorganizeToolbar() {
        if (toolbar == null) {
            return;
        }
        javafx.scene.Node focused = getScene() == null ? null : getScene().getFocusOwner();
        toolbar.getItems().setAll(List.copyOf(toolbar.getItems()));
        if (focused != null && focused.getScene() != null && !focused.isFocused()) {
            focused.requestFocus();
        }
    }

    private void updateClock() {
        if (playClock != null) {
            playClock.stop();
            playClock = null;
        }
        if (vm.playingProperty().get()) {
            playClock = new Timeline(new KeyFrame(Duration.seconds(vm.secondsPerStepProperty().get()),
                    e -> lessons.tick()));
            playClock.setCycleCount(Timeline.INDEFINITE);
            playClock.play();
        }
    }

    /**
     * Presenting (full screen), the menu bar and the status bar give their rows to the lesson: the keys and the
     * toolbar do all they do, and the class has no use for them. The app calls this when the stage goes full
     * screen or back, and for a window built on a stage that already is (a language switch).
     */
    public void presenting(boolean on) {
        for (javafx.scene.Node n : List.of(menuBar, statusBar)) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
    }

    private void toggleFullScreen() {
        stage().ifPresent(stage -> {
            stage.setFullScreenExitHint(messages.get("presenter.exitHint"));
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is onPresentingKey's
            stage.setFullScreen(!stage.isFullScreen());
        });
    }

    /**
     * File → Export slideshow…: a dialog over this window with the current lesson (or handshake), theme and
     * language as defaults. Closing it cancels a running export.
     */
    public void openExport() {
        ExportViewModel export = new ExportViewModel(lessons, theme.get().id(), prefs, messages, hooks.home(),
                hooks.exportExecutor());
        Stage stage = new Stage();
        Window owner = getScene() == null ? null : getScene().getWindow();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(javafx.stage.Modality.WINDOW_MODAL);
        }
        stage.setTitle(messages.get("export.title"));
        ExportDialog dialog = new ExportDialog(export, messages, hooks.exportChooser(), stage::close);
        dialog.setStyle(getStyle());
        Scene scene = new Scene(dialog);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        stage.setScene(scene);
        // The question, the progress, the message and the seed's note come and go: let the window fit them, once
        // laid out.
        export.stateProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
        export.messageProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
        export.seedHintProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
        stage.setOnHidden(e -> export.cancel());
        stage.show();
    }

    private void openSettings() {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("settings.title"));
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.getDialogPane().setContent(new SettingsSheet(settings, messages));
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(messages.get("settings.close"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE));
        if (getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
            dialog.getDialogPane().setStyle(getStyle());
        }
        dialog.show();
    }
}
