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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson presented with a clicker on a small projector (the projector theme's large type in a 1270×720 window):
 * the class must see each quiz's question and options when its beat opens, as nobody scrolls; and the German
 * narration stays inside its panel.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLessonTest {
    private static LessonLibrary shipped;
    private Stage stage;

    @BeforeAll
    static void lessons() {
        shipped = LessonLibrary.loadShipped();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppPreferences prefs = new AppPreferences(new InMemoryPreferenceStore());
        prefs.setReducedMotion(true);
        prefs.setTheme("projector");
        prefs.setWindowSize(1270, 720);
        TlsvizApp.open(stage, prefs, Messages.forLocale(Locale.ENGLISH), ScenarioOptions.defaults(Exchange.RSA),
                shipped, owner -> Optional.empty(), true);
    }

    private static void press(FxRobot robot, KeyCode key) {
        robot.press(key).release(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The parts of the open quiz the class must read: the question and every option. */
    private static List<Node> questionAndOptions(FxRobot robot) {
        List<Node> parts = new ArrayList<>();
        parts.add(robot.lookup("#quiz-question").query());
        for (int i = 1; robot.lookup("#quiz-option-" + i).tryQuery().isPresent(); i++) {
            parts.add(robot.lookup("#quiz-option-" + i).query());
        }
        return parts;
    }

    private static void assertInView(FxRobot robot, String beat) throws Exception {
        ScrollPane scroll = robot.lookup("#narration-scroll").queryAs(ScrollPane.class);
        List<Node> parts = questionAndOptions(robot);
        assertThat(parts).as("%s: a question and options", beat).hasSizeGreaterThan(2);
        for (Node part : parts) {
            double[] e = FxThread.call(() -> {
                Node viewport = scroll.lookup(".viewport");
                Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
                Bounds b = part.localToScene(part.getLayoutBounds());
                return new double[] {b.getMinY(), b.getMaxY(), shown.getMinY(), shown.getMaxY()};
            });
            String what = part.getId() + " at " + beat;
            assertThat(e[0]).as("top of %s in view", what).isGreaterThanOrEqualTo(e[2] - 0.5);
            assertThat(e[1]).as("bottom of %s in view", what).isLessThanOrEqualTo(e[3] + 0.5);
        }
    }

    @Test
    void eachQuizIsInViewWhenItsBeatOpensWithoutScrolling(FxRobot robot) throws Exception {
        press(robot, KeyCode.ENTER); // the RSA lesson, suggested first
        int quizzes = 0;
        for (int beat = 1; beat <= 12; beat++) {
            String title = robot.lookup("#narration-title").queryAs(Label.class).getText();
            if (robot.lookup("#quiz").query().isVisible()) {
                assertInView(robot, title);
                quizzes++;
                press(robot, KeyCode.RIGHT); // a clicker's →: shows the answer
            }
            if (robot.lookup("#next").query().isDisabled()) {
                break;
            }
            press(robot, KeyCode.RIGHT);
        }
        assertThat(quizzes).as("the RSA lesson's quizzes").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aClickerStartsTheSuggestedLessonBlanksTheScreenAndTheStripKeepsTheNarrationInStep(FxRobot robot) {
        MainWindow window = robot.lookup("#main-window").queryAs(MainWindow.class);
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isTrue();
        press(robot, KeyCode.PAGE_DOWN); // a clicker's → goes through the choices
        press(robot, KeyCode.PAGE_UP);
        press(robot, KeyCode.SPACE); // and its Space starts the one chosen
        assertThat(robot.lookup("#lesson-picker").query().isVisible()).isFalse();
        assertThat(robot.lookup("#narration-title").queryAs(Label.class).getText()).isEqualTo("1. Client hello");

        press(robot, KeyCode.B);
        assertThat(window.blankedProperty().get()).isTrue();
        assertThat(window.getCenter().isVisible()).as("nothing of the lesson shows").isFalse();
        assertThat(window.getStyleClass()).contains("blanked");
        press(robot, KeyCode.PAGE_DOWN);
        assertThat(window.blankedProperty().get()).as("any key brings it back").isFalse();
        press(robot, KeyCode.B);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.blankedProperty().get()).as("a shortcut too (its menu item still runs)").isFalse();
        press(robot, KeyCode.ESCAPE); // the picker Ctrl+L opened
        assertThat(window.getCenter().isVisible()).isTrue();
        assertThat(robot.lookup("#narration-title").queryAs(Label.class).getText())
                .as("and does nothing else").isEqualTo("1. Client hello");

        var lesson = window.lessons().lessonProperty().get();
        String step = lesson.beats().get(3).step();
        int number = window.lessons().classroom().plan().stream().filter(p -> p.name().equals(step))
                .findFirst().orElseThrow().index() + 1;
        robot.clickOn("#jump-" + number);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#narration-title").queryAs(Label.class).getText())
                .as("the narration follows the strip").isEqualTo(lesson.beats().get(3).title());
        assertThat(robot.lookup("#beat-label").queryAs(Label.class).getText()).startsWith("beat 4 of ");
        // A step just before the beat's own: the beat stays, and only its step is marked in the strip.
        robot.clickOn("#jump-" + (number - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#beat-label").queryAs(Label.class).getText()).startsWith("beat 4 of ");
        assertThat(robot.lookup("#step-strip .toggle-button").queryAllAs(javafx.scene.control.ToggleButton.class)
                .stream().filter(javafx.scene.control.ToggleButton::isSelected).map(Node::getId))
                .containsExactly("jump-" + number);
    }

    @Test
    void whenAStepsNewValuesDoNotFitTheColumnShowsItsResult(FxRobot robot) throws Exception {
        press(robot, KeyCode.ESCAPE); // free exploration
        robot.clickOn("#exchange-dhe");
        WaitForAsyncUtils.waitForFxEvents();
        MainWindow window = robot.lookup("#main-window").queryAs(MainWindow.class);
        var current = window.lessons().classroom().currentStepProperty();
        for (int i = 0; i < 12 && (current.get() == null || !"server_key_exchange".equals(current.get().name()));
                i++) {
            press(robot, KeyCode.RIGHT);
        }
        assertThat(current.get().name()).isEqualTo("server_key_exchange");
        // The client learns dh_p, dh_g and server_dh_public here; at this size they do not all fit, and the
        // public value is what the step is about.
        InView.assertWhollyShown(InView.column(window, "client"), robot.lookup("#kv-client-server_dh_public").query(),
                "the server's public DH value");
    }

    @Test
    void theQuizGivesTheRoomBackOnceAnswered(FxRobot robot) {
        press(robot, KeyCode.ENTER);
        javafx.scene.control.SplitPane split = robot.lookup("#narration-knowledge-split")
                .queryAs(javafx.scene.control.SplitPane.class);
        press(robot, KeyCode.S); // skip the first quiz
        double afterQuiz = split.getDividerPositions()[0];
        assertThat(afterQuiz).as("back where a lesson puts it").isCloseTo(MainWindow.narrationShare(true),
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theGermanNarrationStaysInsideItsPanelAtTheLastBeat(FxRobot robot) throws Exception {
        robot.clickOn("#menu-view");
        robot.clickOn("Language");
        robot.clickOn("Deutsch");
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, KeyCode.ENTER);
        for (int i = 0; i < 20; i++) {
            if (robot.lookup("#quiz").query().isVisible() && !robot.lookup("#quiz-skip").query().isDisabled()) {
                press(robot, KeyCode.S);
            }
            if (robot.lookup("#next").query().isDisabled()) {
                break;
            }
            press(robot, KeyCode.RIGHT);
        }
        Label beat = robot.lookup("#beat-label").queryAs(Label.class);
        assertThat(beat.getText()).as("the last beat").startsWith("Abschnitt 9 von 9");
        Node narration = robot.lookup("#narration").query();
        Node panel = narration.getParent();
        double[] e = FxThread.call(() -> {
            Bounds n = narration.localToScene(narration.getLayoutBounds());
            Bounds p = panel.localToScene(panel.getLayoutBounds());
            Bounds b = beat.localToScene(beat.getLayoutBounds());
            return new double[] {n.getWidth(), p.getWidth(), b.getMinX(), p.getMinX(), b.getMaxX(), p.getMaxX()};
        });
        assertThat(e[0]).as("narration width within its panel").isLessThanOrEqualTo(e[1] + 0.5);
        assertThat(e[2]).as("beat line's left edge inside the panel").isGreaterThanOrEqualTo(e[3] - 0.5);
        assertThat(e[4]).as("beat line's right edge inside the panel").isLessThanOrEqualTo(e[5] + 0.5);
    }
}
