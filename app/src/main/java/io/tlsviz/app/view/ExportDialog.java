package io.tlsviz.app.view;

import io.tlsviz.app.export.ExportFormat;
import io.tlsviz.app.export.SlideTheme;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.ExportViewModel;
import io.tlsviz.app.viewmodel.ExportViewModel.State;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File → Export slideshow…: the options, the overwrite question, progress with Cancel, and how it ended. Thin:
 * binds to an {@link ExportViewModel}. Enter exports (or, while asked, replaces); Esc cancels a running export,
 * keeps an existing file when asked, and otherwise closes.
 */
public final class ExportDialog extends VBox {

    public ExportDialog(ExportViewModel vm, Messages messages, ExportFileChooser chooser, Runnable close) {
        setId("export-dialog");
        getStyleClass().add(Styles.EXPORT_DIALOG);
        setSpacing(12);
        BooleanBinding locked = vm.editableProperty().not();

        ComboBox<ExportFormat> format = combo("export-format", messages.get("export.format"),
                FXCollections.observableArrayList(ExportFormat.values()),
                f -> messages.get("export.format." + f.id()));
        format.valueProperty().bindBidirectional(vm.formatProperty());
        ComboBox<ExportViewModel.Content> content = combo("export-content", messages.get("export.content"),
                vm.contents(), ExportViewModel.Content::label);
        content.valueProperty().bindBidirectional(vm.contentProperty());
        ComboBox<SlideTheme> theme = combo("export-theme", messages.get("export.theme"),
                FXCollections.observableArrayList(SlideTheme.values()), t -> messages.get("theme." + t.id()));
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        ComboBox<String> language = combo("export-language", messages.get("export.language"),
                FXCollections.observableArrayList(ExportViewModel.LANGUAGES), l -> messages.get("language." + l));
        language.valueProperty().bindBidirectional(vm.languageProperty());

        TextField seed = new TextField();
        seed.setId("export-seed");
        seed.setAccessibleText(messages.get("export.seed"));
        seed.setTooltip(new Tooltip(messages.get("export.seed.help")));
        seed.setPrefColumnCount(12);
        seed.setMaxWidth(Region.USE_PREF_SIZE);
        seed.textProperty().bindBidirectional(vm.seedProperty());
        Label seedHint = new Label();
        seedHint.setId("export-seed-hint");
        seedHint.getStyleClass().add(Styles.MUTED);
        seedHint.setWrapText(true);
        seedHint.setMinHeight(Region.USE_PREF_SIZE);
        seedHint.textProperty().bind(vm.seedHintProperty());
        shownWhen(seedHint, vm.seedHintProperty().isNotEmpty());
        VBox seedBox = new VBox(4, seed, seedHint);

        TextField target = new TextField();
        target.setId("export-target");
        target.setAccessibleText(messages.get("export.target"));
        target.textProperty().bindBidirectional(vm.targetProperty());
        HBox.setHgrow(target, Priority.ALWAYS);
        Button browse = new Button(messages.get("export.browse"));
        browse.setId("export-browse");
        browse.setOnAction(e -> {
            Window owner = getScene() == null ? null : getScene().getWindow();
            chooser.choose(owner, vm.suggestedTarget(), vm.formatProperty().get()).ifPresent(vm::choose);
        });
        HBox targetRow = new HBox(8, target, browse);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        row(form, 0, messages.get("export.format"), format);
        row(form, 1, messages.get("export.content"), content);
        row(form, 2, messages.get("export.seed"), seedBox, seed);
        row(form, 3, messages.get("export.theme"), theme);
        row(form, 4, messages.get("export.language"), language);
        row(form, 5, messages.get("export.target"), targetRow);
        form.disableProperty().bind(locked);

        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE); // a long path wraps instead of being cut off
        message.textProperty().bind(vm.messageProperty());
        vm.problemProperty().addListener((o, was, now) -> {
            message.getStyleClass().remove(Styles.ERROR);
            if (now) {
                message.getStyleClass().add(Styles.ERROR);
            }
        });
        shownWhen(message, vm.messageProperty().isNotEmpty());

        BooleanBinding asking = vm.stateProperty().isEqualTo(State.CONFIRMING);
        Button replace = new Button(messages.get("export.overwrite.replace"));
        replace.setId("export-replace");
        replace.setOnAction(e -> vm.confirmOverwrite());
        replace.defaultButtonProperty().bind(asking);
        Button keep = new Button(messages.get("export.overwrite.keep"));
        keep.setId("export-keep");
        keep.setOnAction(e -> vm.keepExisting());
        HBox question = new HBox(8, replace, keep);
        question.setId("export-overwrite");
        shownWhen(question, asking);
        asking.addListener((o, was, now) -> {
            if (now) {
                replace.requestFocus();
            }
        });

        BooleanBinding running = vm.stateProperty().isEqualTo(State.RUNNING);
        ProgressBar progress = new ProgressBar();
        progress.setId("export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        Label progressText = new Label();
        progressText.setId("export-progress-text");
        progressText.textProperty().bind(vm.progressTextProperty());
        VBox progressBox = new VBox(4, progress, progressText);
        progressBox.setId("export-running");
        shownWhen(progressBox, running);

        Button export = new Button(messages.get("export.start"));
        export.setId("export-start");
        export.defaultButtonProperty().bind(asking.not());
        export.disableProperty().bind(locked);
        export.setOnAction(e -> vm.export());
        Button cancel = new Button();
        cancel.setId("export-cancel");
        cancel.setCancelButton(true);
        cancel.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                switch (vm.stateProperty().get()) {
                    case IDLE, RUNNING -> "export.cancel";
                    case CONFIRMING -> "export.overwrite.keep";
                    default -> "export.close";
                }), vm.stateProperty()));
        cancel.setOnAction(e -> {
            switch (vm.stateProperty().get()) {
                case RUNNING -> vm.cancel();
                case CONFIRMING -> vm.keepExisting();
                default -> close.run();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, export, cancel);

        getChildren().addAll(form, question, message, progressBox, buttons);
    }

    private static <T> ComboBox<T> combo(String id, String accessibleText, javafx.collections.ObservableList<T> items,
            Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setAccessibleText(accessibleText);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setCellFactory(l -> new TextCell<>(text));
        box.setButtonCell(new TextCell<>(text));
        return box;
    }

    private static void row(GridPane form, int row, String label, Node field) {
        row(form, row, label, field, field);
    }

    /** A row whose label names {@code labelled}, inside {@code field} (a text field with a note under it). */
    private static void row(GridPane form, int row, String label, Node field, Node labelled) {
        Label l = new Label(label);
        l.setLabelFor(labelled);
        form.addRow(row, l, field);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (labelled != field && labelled instanceof Region r) {
            // The label stays beside the field when a note below it makes the row taller.
            GridPane.setValignment(l, javafx.geometry.VPos.TOP);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.prefHeightProperty().bind(r.heightProperty());
        }
    }

    private static void shownWhen(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static final class TextCell<T> extends ListCell<T> {
        private final Function<T, String> text;

        TextCell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }
}
