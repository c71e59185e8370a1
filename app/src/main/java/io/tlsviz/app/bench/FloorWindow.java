package io.tlsviz.app.bench;

import io.tlsviz.engine.Exchange;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The floor of the Next → frame benchmark: a bare window as large as the app's (the whole screen), with the
 * controls {@link SteppingRun} drives ({@code #exchange-<id>}, {@code #next}) and one label whose text → changes.
 * Whatever a press of → costs here, every window pays on this pipeline and screen: the wait for the next pulse,
 * and clearing, drawing and uploading a frame. The app's own cost is what it takes above this.
 */
final class FloorWindow {
    private static final int STEPS = 23;

    private FloorWindow() {
    }

    static void open(Stage stage) {
        HBox bar = new HBox(6);
        for (Exchange e : Exchange.values()) {
            ToggleButton b = new ToggleButton(e.id());
            b.setId("exchange-" + e.id());
            bar.getChildren().add(b);
        }
        Button next = new Button("Next");
        next.setId("next");
        bar.getChildren().add(next);
        Label step = new Label("step 0");
        step.setStyle("-fx-font-size: 24px;");
        BorderPane root = new BorderPane(step, bar, null, null, null);
        int[] at = {0};
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.RIGHT && at[0] < STEPS) {
                at[0]++;
            } else if (e.getCode() == KeyCode.HOME) {
                at[0] = 0;
            } else {
                return;
            }
            step.setText("step " + at[0]);
            next.setDisable(at[0] >= STEPS);
            e.consume();
        });
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root, screen.getWidth(), screen.getHeight()));
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setTitle("Floor");
        stage.show();
    }
}
