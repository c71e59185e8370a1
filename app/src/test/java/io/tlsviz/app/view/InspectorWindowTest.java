package io.tlsviz.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.TlsvizApp;
import io.tlsviz.app.export.FxThread;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.InMemoryPreferenceStore;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector driven like a person: a Finished's verify_data named and traced to its step; a tamper edit said. */
@ExtendWith(ApplicationExtension.class)
class InspectorWindowTest {

    @Start
    void start(Stage stage) {
        AppPreferences prefs = new AppPreferences(new InMemoryPreferenceStore());
        prefs.setReducedMotion(true);
        prefs.setWindowSize(1260, 780); // within Monocle's 1280x800 headless screen
        TlsvizApp.open(stage, prefs, Messages.forLocale(Locale.ENGLISH), ScenarioOptions.defaults(Exchange.RSA));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void next(FxRobot robot) {
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFinishedsVerifyDataIsNamedInTheTreeAndItsDetailSaysWhichStepComputedIt(FxRobot robot) throws Exception {
        for (int i = 0; i < 40 && robot.lookup("#step-client_finished").tryQuery().isEmpty(); i++) {
            next(robot);
        }
        robot.clickOn("#step-client_finished");
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL); // the inspector gets room
        WaitForAsyncUtils.waitForFxEvents();
        // The last byte of the decrypted Finished belongs to its verify_data: clicking it selects that field.
        clickPlaintextByte(robot, 15);
        // The tree opens the message down to the field and scrolls it into view: its row shows, selected.
        assertThat(robot.lookup(".tree-cell").match(n -> n instanceof TreeCell<?> c && c.isSelected()).queryAs(
                TreeCell.class).getText()).startsWith("Verify Data: client_verify_data = ");
        assertThat(text(robot, "#field-detail")).startsWith("Verify Data: client_verify_data = ")
                .contains("\nFrom step 15, \u201cClient computes its Finished value\u201d: client_verify_data = "
                        + "PRF(master_secret, \"client finished\", client_finished_hash)[0..11]");
    }

    /** Clicks byte {@code i} of the decrypted plaintext's hex dump where it is drawn, as a person would. */
    private static void clickPlaintextByte(FxRobot robot, int i) throws Exception {
        HexRow row = FxThread.call(() -> robot.lookup("#inspector").queryAs(InspectorView.class).plaintextRows()
                .get(i / HexRow.BYTES_PER_ROW));
        Bounds b = FxThread.call(() -> row.localToScreen(row.byteBounds(i % HexRow.BYTES_PER_ROW)));
        robot.clickOn(new Point2D(b.getCenterX(), b.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void corruptingAByteSaysWhichByteChangedFromWhatToWhatUntilTheRecordIsDelivered(FxRobot robot) {
        robot.clickOn("#tamper");
        for (int i = 0; i < 40 && !text(robot, "#tamper-pending").startsWith("Next record: Finished from client"); i++) {
            next(robot);
        }
        assertThat(robot.lookup("#tamper-result").query().isVisible()).isFalse();
        robot.clickOn("#tamper-corrupt");
        assertThat(robot.lookup("#tamper-result").query().isVisible()).isTrue();
        assertThat(text(robot, "#tamper-result")).startsWith("You changed the Finished record from the client: byte ")
                .contains(", in Authentication Tag at offset 15 of its 16 bytes: ");
        assertThat(text(robot, "#status")).contains("tampered: Finished byte ");
        while (!robot.lookup("#next").query().isDisabled()) {
            robot.clickOn("#next");
        }
        assertThat(robot.lookup("#tamper-result").query().isVisible()).isFalse();
        assertThat(text(robot, "#alert")).contains("bad_record_mac")
                .contains("You changed the Finished record from the client: byte ");
    }
}
