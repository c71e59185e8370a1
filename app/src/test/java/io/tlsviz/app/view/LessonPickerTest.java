package io.tlsviz.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.TlsvizApp;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.InMemoryPreferenceStore;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.lessons.LessonLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson picker with lesson files remembered from earlier sessions, two of them of the same name. */
@ExtendWith(ApplicationExtension.class)
class LessonPickerTest {
    @TempDir
    static Path dir;
    private static Path first;
    private static Path second;

    @BeforeAll
    static void files() throws IOException {
        first = Files.writeString(Files.createDirectory(dir.resolve("class-a")).resolve("mine.en.yaml"), "id: a");
        second = Files.writeString(Files.createDirectory(dir.resolve("class-b")).resolve("mine.en.yaml"), "id: b");
    }

    @Start
    void start(Stage stage) {
        AppPreferences prefs = new AppPreferences(new InMemoryPreferenceStore());
        prefs.setReducedMotion(true);
        prefs.setWindowSize(1260, 780); // within Monocle's 1280x800 headless screen
        prefs.addRecentLessonFile(dir.resolve("deleted.en.yaml"));
        prefs.addRecentLessonFile(first);
        prefs.addRecentLessonFile(second);
        TlsvizApp.open(stage, prefs, Messages.forLocale(Locale.ENGLISH), ScenarioOptions.defaults(Exchange.RSA),
                LessonLibrary.loadShipped(), owner -> Optional.empty(), true);
    }

    @Test
    void twoRememberedFilesOfOneNameAreTwoEntriesWithTheirOwnIdsAndAMissingFileIsNotOffered(FxRobot robot)
            throws Exception {
        ListView<?> list = robot.lookup("#lesson-list").queryAs(ListView.class);
        // The files are looked for off the JavaFX thread: they join the list when the answer is back.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 6 + 2 + 1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#choice-rsa").queryAs(ListCell.class).isSelected()).as("the suggestion stays").isTrue();

        // The list makes cells for the rows in view only: look at the end, where the files are.
        robot.interact(() -> list.scrollTo(list.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ids = robot.lookup("#lesson-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty()).map(Node::getId).toList();
        assertThat(ids).doesNotHaveDuplicates().contains("choice-free_exploration");
        List<String> files = ids.stream().filter(id -> id.startsWith("choice-file_")).toList();
        assertThat(files).hasSize(2).allMatch(id -> id.matches("choice-file_mine-en-yaml_[0-9a-f]{8}"));
        for (String id : files) {
            assertThat(robot.lookup("#" + id).queryAll()).as(id).hasSize(1);
        }
        assertThat(list.getItems().toString()).contains("class-a", "class-b").doesNotContain("deleted");
    }
}
