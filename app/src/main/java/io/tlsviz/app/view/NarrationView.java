package io.tlsviz.app.view;

import io.tlsviz.app.viewmodel.ClassroomViewModel;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The lesson text for the current step (the engine's title and meaning until lessons plug in). */
public final class NarrationView extends VBox {

    public NarrationView(ClassroomViewModel vm) {
        getStyleClass().add(Styles.NARRATION);
        setId("narration");
        Label title = new Label();
        title.setId("narration-title");
        title.getStyleClass().add(Styles.NARRATION_TITLE);
        title.setWrapText(true);
        title.textProperty().bind(vm.narrationTitleProperty());
        Label text = new Label();
        text.setId("narration-text");
        text.getStyleClass().add(Styles.NARRATION_TEXT);
        text.setWrapText(true);
        text.textProperty().bind(vm.narrationTextProperty());
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setSpacing(6);
        getChildren().addAll(title, text);
    }
}
