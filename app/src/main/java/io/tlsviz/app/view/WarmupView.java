package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.LessonViewModel;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The small-number Diffie-Hellman warm-up: p, g, a, b, A, B and the shared number, computed by the lesson. */
public final class WarmupView extends VBox {
    private final GridPane grid = new GridPane();

    public WarmupView(LessonViewModel vm, Messages messages) {
        setId("warmup");
        getStyleClass().add(Styles.WARMUP);
        setSpacing(6);
        Label heading = new Label(messages.get("warmup.title"));
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        grid.setHgap(16);
        grid.setVgap(4);
        getChildren().addAll(heading, grid);
        vm.warmupProperty().addListener((o, a, rows) -> show(rows));
        show(vm.warmupProperty().get());
    }

    private void show(List<LessonViewModel.NumberRow> rows) {
        grid.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            LessonViewModel.NumberRow r = rows.get(i);
            Label label = new Label(r.label());
            label.setWrapText(true);
            Label value = new Label(r.value());
            value.setId("warmup-" + r.key());
            value.getStyleClass().addAll(Styles.MONO, Styles.EMPHASIS);
            grid.addRow(i, value, label);
        }
        setVisible(!rows.isEmpty());
        setManaged(!rows.isEmpty());
    }
}
