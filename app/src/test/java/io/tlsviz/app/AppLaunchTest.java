package io.tlsviz.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.api.FxRobot;

@ExtendWith(ApplicationExtension.class)
class AppLaunchTest {
    @Start
    void start(Stage stage) {
        new TlsvizApp().start(stage);
    }

    @Test
    void windowShowsTheTitle(FxRobot robot) {
        Label title = robot.lookup("#app-title").queryAs(Label.class);
        assertThat(title.isVisible()).isTrue();
        assertThat(title.getText()).isEqualTo("tlsviz");
    }
}
