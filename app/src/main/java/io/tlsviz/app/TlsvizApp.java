package io.tlsviz.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public class TlsvizApp extends Application {

    static void launchWindow(String[] args) {
        Application.launch(TlsvizApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Label title = new Label("tlsviz");
        title.setId("app-title");
        BorderPane root = new BorderPane(title);
        stage.setTitle("tlsviz");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
