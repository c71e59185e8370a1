package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.LessonChoice;
import io.tlsviz.app.viewmodel.LessonViewModel;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The lesson picker over the window: the lessons in the current language (title and summary) and free
 * exploration. Up/Down (and a clicker's Left/Right, PageUp/PageDown) choose, Enter or a double click starts,
 * Esc closes. Large enough for a projector.
 */
public final class LessonPickerView extends StackPane {
    private final LessonViewModel vm;
    private final ListView<LessonChoice> list = new ListView<>();

    public LessonPickerView(LessonViewModel vm, Messages messages, Runnable openFile) {
        this.vm = vm;
        setId("lesson-picker");
        getStyleClass().add(Styles.OVERLAY);
        Label title = new Label(messages.get("picker.title"));
        title.getStyleClass().add(Styles.APP_TITLE);
        Label subtitle = new Label(messages.get("picker.subtitle"));
        subtitle.getStyleClass().add(Styles.MUTED);
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);

        list.setId("lesson-list");
        list.setItems(vm.choices());
        list.setCellFactory(l -> new ChoiceCell());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                startSelected();
                e.consume();
            }
        });
        // A filter, because the list's own keys come first otherwise: it takes Esc for cancelling an edit,
        // and Left/Right would move the keyboard out of the picker to the toolbar hidden behind it. A
        // presentation clicker sends Right/PageDown and Left/PageUp; here they go through the choices, and
        // Space (which some clickers send too) starts the one chosen, as Enter does.
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.ESCAPE) {
                vm.closePicker();
            } else if (k == KeyCode.SPACE) {
                startSelected();
            } else if (k == KeyCode.RIGHT || k == KeyCode.PAGE_DOWN) {
                asIf(KeyCode.DOWN);
            } else if (k == KeyCode.LEFT || k == KeyCode.PAGE_UP) {
                asIf(KeyCode.UP);
            } else {
                return;
            }
            e.consume();
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                startSelected();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button start = new Button(messages.get("picker.start"));
        start.setId("picker-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> startSelected());
        Button open = new Button(messages.get("picker.open"));
        open.setId("picker-open");
        open.setOnAction(e -> openFile.run());
        Button close = new Button(messages.get("picker.close"));
        close.setId("picker-close");
        close.setCancelButton(true);
        close.setOnAction(e -> vm.closePicker());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, open, gap, close, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(12, title, subtitle, list, buttons);
        card.getStyleClass().addAll(Styles.CARD, Styles.PICKER);
        card.setMaxWidth(980);
        card.setMaxHeight(860);
        getChildren().add(card);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.closePicker();
                e.consume();
            }
        });

        visibleProperty().bind(vm.pickerOpenProperty());
        managedProperty().bind(visibleProperty());
        vm.pickerOpenProperty().addListener((o, was, open2) -> {
            if (open2) {
                focusSuggested();
            }
        });
        sceneProperty().addListener((o, a, s) -> {
            if (s != null && vm.pickerOpenProperty().get()) {
                Platform.runLater(this::focusSuggested);
            }
        });
    }

    /** Selects the suggested (last) choice and puts the keyboard on the list. */
    public void focusSuggested() {
        list.getSelectionModel().select(vm.suggestedChoiceProperty().get());
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        list.requestFocus();
    }

    /** Hands the list the key it would get for Up or Down, which moves the selection and scrolls to it. */
    private void asIf(KeyCode code) {
        list.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
    }

    private void startSelected() {
        LessonChoice c = list.getSelectionModel().getSelectedItem();
        if (c != null) {
            vm.choose(c);
        }
    }

    private final class ChoiceCell extends ListCell<LessonChoice> {
        private final Label title = new Label();
        private final Label summary = new Label();
        private final VBox box = new VBox(2, title, summary);

        ChoiceCell() {
            title.getStyleClass().add(Styles.CHOICE_TITLE);
            summary.getStyleClass().add(Styles.CHOICE_SUMMARY);
            summary.setWrapText(true);
            box.setMinWidth(0);
            box.prefWidthProperty().bind(list.widthProperty().subtract(48));
            box.maxWidthProperty().bind(box.prefWidthProperty());
            setPrefWidth(0);
            summary.setMinHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(LessonChoice c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                setId(null);
                setAccessibleText(null);
                return;
            }
            title.setText(c.title());
            summary.setText(c.summary());
            setId("choice-" + c.key());
            setAccessibleText(c.title() + ". " + c.summary());
            setGraphic(box);
        }
    }
}
