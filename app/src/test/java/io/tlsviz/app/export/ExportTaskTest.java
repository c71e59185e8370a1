package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.Test;

class ExportTaskTest extends ExportTestBase {
    @Test
    void runsInTheBackgroundReportsProgressAndSucceeds() throws Exception {
        Path html = dir.resolve("deck.html");
        ExportTask task = new ExportTask(new ExportRequest(firstSteps(3), RSA, ExportFormat.HTML, html,
                Locale.ENGLISH, SlideTheme.PROJECTOR, "Teacher", false));

        Worker.State state = runToEnd(task);

        assertThat(state).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(FxThread.call(() -> task.getValue().slides())).isEqualTo(3);
        assertThat(FxThread.call(task::getProgress)).isEqualTo(1.0);
        assertThat(Files.readString(html)).contains("id=\"slide-3\"");
    }

    @Test
    void cancelledWhileRunningLeavesNoFile() throws Exception {
        Path pdf = dir.resolve("deck.pdf");
        ExportTask[] task = new ExportTask[1];
        SlideSource cancelsOnceStarted = new SlideSource() {
            @Override
            public String title(Trace trace, Locale locale) {
                return "t";
            }

            @Override
            public List<SlideContent> slides(Trace trace, Locale locale) {
                task[0].cancel(); // the user presses Cancel while the export runs
                return firstSteps(5).slides(trace, locale);
            }
        };
        task[0] = new ExportTask(new ExportRequest(cancelsOnceStarted, RSA, ExportFormat.PDF, pdf,
                Locale.ENGLISH, SlideTheme.LIGHT, null, false));

        Worker.State state = runToEnd(task[0]);

        assertThat(state).isEqualTo(Worker.State.CANCELLED);
        assertThat(dir).isEmptyDirectory();
    }

    /** Runs the task on its own thread and waits until the JavaFX thread has seen it end. */
    private static Worker.State runToEnd(ExportTask task) throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        Platform.runLater(() -> task.runningProperty().addListener((obs, was, running) -> {
            if (!running) {
                ended.countDown();
            }
        }));
        Thread worker = new Thread(task, "export-test");
        worker.start();
        worker.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(ended.await(2, TimeUnit.MINUTES)).as("the task ended").isTrue();
        return FxThread.call(task::getState);
    }
}
