package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.viewmodel.ClassroomViewModel;
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
    private final ClassroomViewModel vm;
    private final Messages messages;
    private final AppPreferences prefs;
    private final ScenarioSettingsViewModel settings;
    private final DiagramView diagram;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ToggleButton reducedMotion;
    private int fontStep;
    private Timeline playClock;

    public MainWindow(ClassroomViewModel vm, ScenarioSettingsViewModel settings, AppPreferences prefs,
            Messages messages) {
        this.vm = vm;
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
        setTop(new VBox(toolbar(), banner));

        NarrationView narration = new NarrationView(vm);
        KnowledgeView knowledge = new KnowledgeView(vm.knowledge(), messages);
        VBox.setVgrow(knowledge, Priority.ALWAYS);
        InspectorView inspector = new InspectorView(vm.inspector(), messages);
        SplitPane left = new SplitPane(diagram, inspector);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.62);
        VBox right = new VBox(8, narration, knowledge);
        right.setMinWidth(0);
        SplitPane centre = new SplitPane(left, right);
        centre.setDividerPositions(0.47);
        setCenter(centre);

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusTextProperty());
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add(Styles.STATUS_BAR);
        setBottom(new VBox(new StepStrip(vm, messages), statusBar));

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.playingProperty().addListener((o, a, playing) -> updateClock());
        vm.secondsPerStepProperty().addListener((o, a, b) -> updateClock());
        theme.addListener((o, a, t) -> applyTheme());
        sceneProperty().addListener((o, a, s) -> applyTheme());
        fontStep = prefs.fontStep();
        theme.set(Theme.fromId(prefs.theme()));
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

        Button back = button("back", "toolbar.back", vm::back);
        back.disableProperty().bind(vm.canBackProperty().not());
        Button next = button("next", "toolbar.next", vm::next);
        next.disableProperty().bind(vm.canNextProperty().not());
        next.setDefaultButton(false);
        Button restart = button("restart", "toolbar.restart", vm::restart);
        Button play = button("play", "toolbar.play", vm::togglePlay);
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

        ToolBar bar = new ToolBar(exchanges, new Separator(), back, next, restart, play, speed, speedLabel,
                new Separator(), tamper, settingsButton, new Separator(), themes, reducedMotion, presenter);
        bar.getStyleClass().add(Styles.TOOLBAR);
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

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        KeyCode k = e.getCode();
        boolean handled = true;
        if (e.isShortcutDown()) {
            if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                changeFont(1);
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                changeFont(-1);
            } else {
                handled = false;
            }
        } else if (k == KeyCode.RIGHT || k == KeyCode.SPACE || k == KeyCode.PAGE_DOWN) {
            vm.next();
        } else if (k == KeyCode.LEFT || k == KeyCode.PAGE_UP) {
            vm.back();
        } else if (k == KeyCode.HOME) {
            vm.restart();
        } else if (k == KeyCode.P) {
            vm.togglePlay();
        } else if (k == KeyCode.F5 || k == KeyCode.F11) {
            toggleFullScreen();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
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
    }

    private void updateClock() {
        if (playClock != null) {
            playClock.stop();
            playClock = null;
        }
        if (vm.playingProperty().get()) {
            playClock = new Timeline(new KeyFrame(Duration.seconds(vm.secondsPerStepProperty().get()),
                    e -> vm.tick()));
            playClock.setCycleCount(Timeline.INDEFINITE);
            playClock.play();
        }
    }

    private void toggleFullScreen() {
        Window w = getScene() == null ? null : getScene().getWindow();
        if (w instanceof Stage stage) {
            stage.setFullScreenExitHint(messages.get("presenter.exitHint"));
            stage.setFullScreen(!stage.isFullScreen());
        }
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
