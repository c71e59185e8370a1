package io.tlsviz.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.TlsvizApp;
import io.tlsviz.app.export.FxThread;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.InMemoryPreferenceStore;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.lessons.LessonLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export slideshow… driven like a person: Ctrl+E, the options, the save dialog, Export, the answers. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {
    private static LessonLibrary shipped;

    @TempDir
    Path dir;
    private MainWindow window;
    /** What the save dialog answers next. */
    private Path answer;

    @BeforeAll
    static void lessons() {
        shipped = LessonLibrary.loadShipped();
    }

    @Start
    void start(Stage stage) {
        AppPreferences prefs = new AppPreferences(new InMemoryPreferenceStore());
        prefs.setReducedMotion(true);
        prefs.setWindowSize(1260, 780); // within Monocle's 1280x800 headless screen
        window = TlsvizApp.open(stage, prefs, Messages.forLocale(Locale.ENGLISH),
                ScenarioOptions.defaults(Exchange.RSA), shipped, owner -> Optional.empty(),
                (owner, suggested, format) -> Optional.ofNullable(answer), false);
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#export-message").queryAs(Label.class).getText();
    }

    private static boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static void waitFor(FxRobot robot, String id, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> showing(robot, id)
                && robot.lookup(id).queryAs(Label.class).getText().contains(text));
    }

    private void openAndChoose(FxRobot robot, String formatName, Path target) {
        press(robot, KeyCode.CONTROL, KeyCode.E);
        assertThat(showing(robot, "#export-dialog")).isTrue();
        robot.clickOn("#export-format");
        robot.clickOn(formatName);
        answer = target;
        robot.clickOn("#export-browse");
        assertThat(robot.lookup("#export-target").queryAs(TextField.class).getText()).isEqualTo(target.toString());
    }

    @Test
    void exportsTheHandshakeAsAPdfWithAPagePerStepAndAsksBeforeReplacingIt(FxRobot robot) throws Exception {
        Path pdf = dir.resolve("tlsviz-rsa.pdf");
        openAndChoose(robot, "PDF document", pdf);

        robot.clickOn("#export-start");
        waitFor(robot, "#export-message", "Exported");

        assertThat(message(robot)).isEqualTo("Exported " + stepCount() + " slides to " + pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(stepCount());
        }
        press(robot, KeyCode.ESCAPE);
        assertThat(showing(robot, "#export-dialog")).isFalse();

        // Again: the dialog remembers the folder, so the same file is suggested; Enter exports, and asks first.
        long firstSize = Files.size(pdf);
        press(robot, KeyCode.CONTROL, KeyCode.E);
        assertThat(robot.lookup("#export-target").queryAs(TextField.class).getText()).isEqualTo(pdf.toString());
        press(robot, KeyCode.ENTER);
        assertThat(showing(robot, "#export-overwrite")).isTrue();
        assertThat(message(robot)).isEqualTo(pdf + " already exists. Replace it?");
        press(robot, KeyCode.ESCAPE); // keep it
        assertThat(showing(robot, "#export-overwrite")).isFalse();
        assertThat(showing(robot, "#export-dialog")).isTrue();
        press(robot, KeyCode.ENTER);
        robot.clickOn("#export-replace");
        waitFor(robot, "#export-message", "Exported");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(stepCount());
        }
        assertThat(Files.size(pdf)).isEqualTo(firstSize); // the same handshake gives the same document
        assertThat(dir).isDirectoryContaining(p -> p.equals(pdf)).isDirectoryNotContaining(p -> !p.equals(pdf));
    }

    @Test
    void aPathUnderARegularFileIsRefusedAndNothingIsWritten(FxRobot robot) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        openAndChoose(robot, "PowerPoint presentation", notes.resolve("deck.pptx"));

        robot.clickOn("#export-start");

        assertThat(message(robot)).startsWith(notes + " is a file, not a folder.");
        assertThat(robot.lookup("#export-message").query().getStyleClass()).contains(Styles.ERROR);
        assertThat(showing(robot, "#export-running")).isFalse();
        assertThat(Files.readString(notes)).isEqualTo("mine");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(notes);
        }
        // The options stay as they were, to be corrected.
        assertThat(robot.lookup("#export-target").queryAs(TextField.class).getText())
                .isEqualTo(notes.resolve("deck.pptx").toString());
    }

    @Test
    void theSeedIsTheWindowsAndABadOneIsRefusedBeforeAnythingIsWritten(FxRobot robot) throws Exception {
        openAndChoose(robot, "PDF document", dir.resolve("deck.pdf"));
        TextField seed = robot.lookup("#export-seed").queryAs(TextField.class);
        assertThat(seed.getText()).isEqualTo(Long.toString(ScenarioOptions.DEFAULT_SEED));
        assertThat(showing(robot, "#export-seed-hint")).isFalse();

        robot.doubleClickOn(seed).write("seven");
        assertThat(showing(robot, "#export-seed-hint")).isFalse();
        robot.clickOn("#export-start");
        assertThat(message(robot)).isEqualTo("\u201cseven\u201d is not a seed: give a whole number, such as 1.");
        assertThat(robot.lookup("#export-message").query().getStyleClass()).contains(Styles.ERROR);
        assertThat(dir).isEmptyDirectory();

        robot.doubleClickOn(seed).write("7");
        assertThat(message(robot)).isEmpty();
        assertThat(showing(robot, "#export-seed-hint")).as("another handshake than the window's").isTrue();
        robot.clickOn("#export-start");
        waitFor(robot, "#export-message", "Exported");
        assertThat(dir.resolve("deck.pdf")).exists();
    }

    @Test
    void escapeDuringAPngExportOfALongHandshakeCancelsItAndLeavesNothing(FxRobot robot) throws Exception {
        robot.clickOn("#exchange-tls13");
        openAndChoose(robot, "Folder of PNG images", dir.resolve("frames"));

        robot.clickOn("#export-start");
        waitFor(robot, "#export-progress-text", "Slide ");
        assertThat(showing(robot, "#export-running")).isTrue();
        assertThat(robot.lookup("#export-progress-text").queryAs(Label.class).getText()).matches("Slide \\d+ of \\d+");
        press(robot, KeyCode.ESCAPE);
        waitFor(robot, "#export-message", "Export");

        assertThat(message(robot)).isEqualTo("Export cancelled; nothing was written.");
        assertThat(dir).isEmptyDirectory();
        assertThat(showing(robot, "#export-dialog")).isTrue();
    }

    private int stepCount() throws Exception {
        return FxThread.call(() -> window.lessons().classroom().completeTrace().steps().size());
    }
}
