package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.LessonViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The problems of an opened lesson file, one {@code file:line: problem} a row, like a compiler's. */
public final class ProblemsView extends StackPane {

    public ProblemsView(LessonViewModel vm, Messages messages) {
        setId("problems");
        getStyleClass().add(Styles.OVERLAY);
        Label title = new Label();
        title.setId("problems-title");
        title.getStyleClass().add(Styles.APP_TITLE);
        title.textProperty().bind(vm.problemsTitleProperty());
        Label hint = new Label(messages.get("problems.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        ListView<String> list = new ListView<>(vm.problems());
        list.setId("problem-list");
        list.getStyleClass().addAll(Styles.ERROR_LIST, Styles.MONO);
        // Wrapped, not cut behind a horizontal scroll bar: the end of a line is where "did you mean ...?" is.
        list.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
                setMinHeight(Region.USE_PREF_SIZE);
                maxWidthProperty().bind(l.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty ? null : problem);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button close = new Button(messages.get("problems.close"));
        close.setId("problems-close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> vm.dismissProblems());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(12, title, hint, list, buttons);
        card.getStyleClass().add(Styles.CARD);
        card.setMaxWidth(1100);
        card.setMaxHeight(600);
        getChildren().add(card);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.dismissProblems();
                e.consume();
            }
        });
        visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        managedProperty().bind(visibleProperty());
        visibleProperty().addListener((o, was, shown) -> {
            if (shown) {
                close.requestFocus();
            }
        });
    }
}
