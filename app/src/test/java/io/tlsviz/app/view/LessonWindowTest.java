package io.tlsviz.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.TlsvizApp;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.InMemoryPreferenceStore;
import io.tlsviz.app.viewmodel.LessonChoice;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.lessons.LessonLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Lessons in the window, driven like a person: the picker, Next through beats, a quiz, German, a bad file. */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {
    private static LessonLibrary shipped;
    @TempDir
    static Path dir;
    private static Path badFile;

    @BeforeAll
    static void lessons() throws IOException {
        shipped = LessonLibrary.loadShipped();
        badFile = dir.resolve("typo.en.yaml");
        Files.writeString(badFile, """
                id: typo
                title: Typo
                summary: A lesson with a misspelt step.
                scenario:
                  exchange: rsa
                beats:
                  - step: client_helo
                    title: Hello
                    narration: Hello.
                """);
    }

    @Start
    void start(Stage stage) {
        AppPreferences prefs = new AppPreferences(new InMemoryPreferenceStore());
        prefs.setReducedMotion(true);
        prefs.setWindowSize(1260, 780); // within Monocle's 1280x800 headless screen
        TlsvizApp.open(stage, prefs, Messages.forLocale(Locale.ENGLISH), ScenarioOptions.defaults(Exchange.RSA),
                shipped, owner -> Optional.of(badFile), true);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String narration(FxRobot robot) {
        return robot.lookup("#narration").queryAs(NarrationView.class).plainText();
    }

    private static void press(FxRobot robot, KeyCode key) {
        robot.press(key).release(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theNarrationGetsRoomInALessonAndTheKnowledgeColumnsWithout(FxRobot robot) {
        javafx.scene.control.SplitPane split = robot.lookup("#narration-knowledge-split")
                .queryAs(javafx.scene.control.SplitPane.class);
        assertThat(split.getDividerPositions()[0]).as("no lesson yet").isLessThan(0.4);
        press(robot, KeyCode.ENTER); // the suggested lesson
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isFalse();
        assertThat(split.getDividerPositions()[0]).as("a lesson: text, quiz").isGreaterThan(0.5);
    }

    @Test
    void pickTheRsaLessonStepToTheQuizAnswerItAndContinue(FxRobot robot) {
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isTrue();
        ListView<?> list = robot.lookup("#lesson-list").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(7);
        assertThat(robot.lookup("#choice-rsa").queryAll()).isNotEmpty();
        assertThat(list.getItems().get(6).toString()).contains("Free exploration");
        // The RSA lesson is suggested first and has the keyboard: Enter starts it.
        press(robot, KeyCode.ENTER);
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isFalse();
        assertThat(text(robot, "#narration-title")).isEqualTo("1. Client hello");
        assertThat(text(robot, "#beat-label")).startsWith("beat 1 of ");
        assertThat(robot.lookup(".narration-run.emphasis").queryAllAs(Text.class).stream().map(Text::getText))
                .contains("client random");
        assertThat(robot.lookup(".knowledge-value.lesson-highlight").queryAll().stream().map(Node::getId))
                .contains("kv-client-client_random");

        // The quiz at the first beat holds the beat until it is answered.
        assertThat(robot.lookup("#quiz").query().isVisible()).isTrue();
        assertThat(robot.lookup("#next").query().isDisabled()).isTrue();
        press(robot, KeyCode.DIGIT1);
        assertThat(robot.lookup("#quiz-option-1").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .isTrue();
        press(robot, KeyCode.ENTER);
        assertThat(text(robot, "#quiz-verdict")).isEqualTo("Correct.");
        assertThat(text(robot, "#quiz-explanation")).contains("server answers");
        assertThat(robot.lookup("#next").query().isDisabled()).isFalse();

        // Next to the who-knows quiz; answer it with the mouse, wrongly; then continue.
        press(robot, KeyCode.RIGHT);
        assertThat(text(robot, "#narration-title")).isEqualTo("2. Server hello");
        press(robot, KeyCode.SPACE);
        assertThat(text(robot, "#narration-title")).isEqualTo("3. Authentication");
        assertThat(text(robot, "#quiz-question")).contains("certificate");
        press(robot, KeyCode.S);
        assertThat(text(robot, "#quiz-verdict")).isEqualTo("Skipped.");
        assertThat(text(robot, "#quiz-explanation")).isNotEmpty();
        press(robot, KeyCode.SPACE);
        assertThat(text(robot, "#quiz-question")).contains("Who knows");
        assertThat(robot.lookup("#knowledge").query().isVisible()).as("the columns would give it away").isFalse();
        assertThat(robot.lookup("#knowledge-veil").query().isVisible()).isTrue();
        assertThat(robot.lookup("#quiz-option-2").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .contains("Eavesdropper");
        press(robot, KeyCode.DIGIT2);
        press(robot, KeyCode.ENTER);
        assertThat(text(robot, "#quiz-verdict")).isEqualTo("Not quite.");
        assertThat(robot.lookup("#knowledge").query().isVisible()).as("back once answered").isTrue();
        assertThat(robot.lookup("#knowledge-veil").query().isVisible()).isFalse();
        assertThat(robot.lookup("#quiz-option-1").query().getStyleClass()).contains("right-option");
        javafx.scene.control.ToggleButton wrong = robot.lookup("#quiz-option-2")
                .queryAs(javafx.scene.control.ToggleButton.class);
        assertThat(wrong.getStyleClass()).as("the wrong pick is marked as wrong").contains("wrong-choice")
                .doesNotContain("right-option");
        assertThat(wrong.getText()).endsWith("\u2717");
        assertThat(robot.lookup("#quiz-option-1").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .endsWith("\u2713");
        String before = text(robot, "#beat-label");
        press(robot, KeyCode.PAGE_DOWN);
        assertThat(text(robot, "#beat-label")).isNotEqualTo(before);
        assertThat(text(robot, "#narration-title")).isEqualTo("5. The server decrypts");
        assertThat(current(robot)).isEqualTo("step-server_decrypts_premaster");
        assertThat(narration(robot)).doesNotContain("{{");
    }

    @Test
    void escClosesThePickerThatOpensAtLaunchAndLeavesTheHandshakeAtItsStart(FxRobot robot) {
        assertThat(robot.lookup("#lesson-list").query().isFocused()).as("the list has the keyboard").isTrue();
        press(robot, KeyCode.ESCAPE);
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isFalse();
        assertThat(text(robot, "#status")).contains("step 0 of ");
        press(robot, KeyCode.RIGHT); // the window's Next works straight away
        assertThat(text(robot, "#status")).contains("step 1 of ");
    }

    @Test
    void aClickerRevealsTheQuizAnswerWithNextAndPlayThenGoesBeatByBeat(FxRobot robot) throws Exception {
        press(robot, KeyCode.ENTER); // the RSA lesson; its first beat has a quiz
        press(robot, KeyCode.PAGE_DOWN);
        assertThat(text(robot, "#beat-label")).startsWith("beat 1 of ");
        assertThat(text(robot, "#quiz-verdict")).isEqualTo("Skipped.");
        assertThat(text(robot, "#quiz-explanation")).contains("server answers");
        press(robot, KeyCode.PAGE_DOWN);
        assertThat(text(robot, "#beat-label")).startsWith("beat 2 of ");
        String beat2 = text(robot, "#narration-title");

        press(robot, KeyCode.P); // plays the lesson, not the handshake under it
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> text(robot, "#beat-label").startsWith("beat 3 of "));
        assertThat(text(robot, "#narration-title")).isNotEqualTo(beat2);
        assertThat(current(robot)).isEqualTo("step-"
                + shipped.lesson("rsa", "en").orElseThrow().beats().get(2).step());
        press(robot, KeyCode.HOME);
        assertThat(text(robot, "#beat-label")).startsWith("beat 1 of ");
        assertThat(robot.lookup("#quiz-verdict").queryAs(Label.class).isVisible()
                && !text(robot, "#quiz-verdict").isEmpty()).as("Restart asks the quiz again").isFalse();
    }

    @Test
    void atTheBeatWhereTheClientMakesThePremasterItsColumnShowsIt(FxRobot robot) throws Exception {
        press(robot, KeyCode.ENTER); // the RSA lesson
        for (int i = 0; robot.lookup("#kv-client-premaster_secret").tryQuery().isEmpty(); i++) {
            press(robot, KeyCode.S); // skips a quiz if there is one
            press(robot, KeyCode.RIGHT);
            assertThat(i).isLessThan(10);
        }
        InView.assertWhollyShown(InView.column(robot.lookup("#knowledge").query(), "client"),
                robot.lookup("#kv-client-premaster_secret").query(), "the premaster");
    }

    @Test
    void theQuizResultComesIntoViewWhenAnsweredAndTheNextBeatIsReadFromItsStart(FxRobot robot) throws Exception {
        press(robot, KeyCode.ENTER); // the RSA lesson; its first beat has a quiz
        for (int i = 0; i < 5; i++) { // large type: the quiz reaches below the panel's edge
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, KeyCode.DIGIT1);
        press(robot, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane narration = robot.lookup("#narration-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class);
        InView.assertWhollyShown(narration, robot.lookup("#quiz-explanation").query(), "the explanation");
        assertThat(WaitForAsyncUtils.asyncFx(narration::getVvalue).get()).as("scrolled").isPositive();
        press(robot, KeyCode.RIGHT);
        assertThat(text(robot, "#beat-label")).startsWith("beat 2 of ");
        double top = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#narration-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class).getVvalue()).get();
        assertThat(top).as("the next beat's text from its start").isZero();
    }

    @Test
    void f5WorksWithThePickerOpenAndEscClosesThePickerBeforeItLeavesPresenterMode(FxRobot robot) {
        Stage stage = (Stage) robot.lookup("#lesson-picker").query().getScene().getWindow();
        assertThat(robot.lookup("#menu-bar").query().isVisible()).isTrue();
        press(robot, KeyCode.F5);
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isTrue();
        assertThat(robot.lookup("#menu-bar").query().isVisible()).as("presenting: its row goes to the lesson")
                .isFalse();
        assertThat(robot.lookup("#status-bar").query().isManaged()).isFalse();
        press(robot, KeyCode.ESCAPE);
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isFalse();
        assertThat(stage.isFullScreen()).as("still presenting").isTrue();
        press(robot, KeyCode.ESCAPE);
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(robot.lookup("#menu-bar").query().isVisible()).as("back with the window").isTrue();
        assertThat(robot.lookup("#status-bar").query().isManaged()).isTrue();
        press(robot, KeyCode.F11);
        assertThat(stage.isFullScreen()).isTrue();
        press(robot, KeyCode.F11);
        assertThat(stage.isFullScreen()).isFalse();
    }

    @Test
    void aClickersArrowKeysChooseInThePickerAndTheKeyboardStaysInIt(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<LessonChoice> list = robot.lookup("#lesson-list").queryAs(ListView.class);
        int first = list.getSelectionModel().getSelectedIndex();
        press(robot, KeyCode.RIGHT);
        press(robot, KeyCode.PAGE_DOWN);
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(first + 2);
        assertThat(list.isFocused()).as("the keyboard did not wander behind the picker").isTrue();
        press(robot, KeyCode.LEFT);
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(first + 1);
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isTrue();
        assertThat(text(robot, "#status")).as("the handshake behind did not move").contains("step 0 of ");
        press(robot, KeyCode.ENTER);
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isFalse();
        String chosen = list.getItems().get(first + 1).id();
        assertThat(text(robot, "#narration-title"))
                .isEqualTo(shipped.lesson(chosen, "en").orElseThrow().beats().get(0).title());
    }

    private static String current(FxRobot robot) {
        List<Node> rows = List.copyOf(robot.lookup(".arrow-row").queryAll());
        return rows.stream().filter(n -> n.getStyleClass().contains("current")).map(Node::getId)
                .findFirst().orElse("");
    }

    @Test
    void switchingToGermanShowsTheGermanLessonText(FxRobot robot) {
        press(robot, KeyCode.ENTER);
        press(robot, KeyCode.S);
        press(robot, KeyCode.RIGHT);
        String english = narration(robot);
        robot.clickOn("#menu-view");
        robot.clickOn("Language");
        robot.clickOn("Deutsch");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#next").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("Weiter");
        assertThat(text(robot, "#beat-label")).startsWith("Abschnitt 2 von ");
        String german = shipped.lesson("rsa", "de").orElseThrow().beats().get(1).title();
        assertThat(text(robot, "#narration-title")).isEqualTo(german);
        assertThat(narration(robot)).isNotEqualTo(english).contains("Server");
        assertThat(current(robot)).isEqualTo("step-server_hello");
    }

    @Test
    void openingABadLessonFileListsItsProblemsAndKeepsTheLesson(FxRobot robot) {
        press(robot, KeyCode.ENTER);
        press(robot, KeyCode.S);
        press(robot, KeyCode.RIGHT);
        String title = text(robot, "#narration-title");
        robot.clickOn("#menu-file");
        robot.clickOn("Open lesson…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#problems").query().isVisible()).isTrue();
        ListView<?> problems = robot.lookup("#problem-list").queryAs(ListView.class);
        assertThat(problems.getItems()).anySatisfy(p -> assertThat(p.toString())
                .startsWith(badFile + ":7: ").contains("client_helo"));
        // The whole line is on screen, its "did you mean" end included: wrapped, not cut off at the list's edge.
        javafx.scene.control.ListCell<?> cell = robot.lookup((javafx.scene.control.ListCell<?> c) -> c.getItem() != null
                && c.getItem().toString().contains("client_helo")).query();
        javafx.scene.text.Text shown = robot.from(cell).lookup(".text").queryAs(javafx.scene.text.Text.class);
        assertThat(shown.getText()).isEqualTo(cell.getItem().toString()).contains("did you mean");
        assertThat(shown.localToScene(shown.getLayoutBounds()).getMaxX())
                .isLessThanOrEqualTo(problems.localToScene(problems.getLayoutBounds()).getMaxX());
        press(robot, KeyCode.ESCAPE);
        assertThat(robot.lookup("#problems").query().isVisible()).isFalse();
        assertThat(text(robot, "#narration-title")).isEqualTo(title);
        assertThat(text(robot, "#beat-label")).startsWith("beat 2 of ");
    }
}
