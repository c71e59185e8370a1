package io.tlsviz.app.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.export.ExportFormat;
import io.tlsviz.app.export.FxThread;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.InMemoryPreferenceStore;
import io.tlsviz.app.viewmodel.ExportViewModel.State;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.lessons.LessonLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Running an export from the view-model: the snapshots need the toolkit; cancelling is made deterministic. */
class ExportViewModelRunTest {
    private final AppPreferences prefs = new AppPreferences(new InMemoryPreferenceStore());

    @TempDir
    Path dir;

    /** Starts the toolkit the way TestFX does, so that the window's TestFX tests in this JVM still work. */
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private ExportViewModel export(Exchange exchange) throws Exception {
        return export(ScenarioOptions.defaults(exchange));
    }

    private ExportViewModel export(ScenarioOptions options) throws Exception {
        return FxThread.call(() -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            ClassroomViewModel classroom = new ClassroomViewModel(messages, new EngineNarration(messages), options);
            LessonViewModel lessons = new LessonViewModel(classroom, LessonLibrary.loadShipped(), LessonLibrary::load,
                    LessonViewModel.AttackLab.live(), prefs, messages);
            return new ExportViewModel(lessons, "light", prefs, messages, dir,
                    r -> new Thread(r, "export-test").start());
        });
    }

    private static void waitUntilEnded(ExportViewModel vm) throws Exception {
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES,
                () -> FxThread.call(() -> vm.stateProperty().get() != State.RUNNING));
    }

    @Test
    void cancelWhileAPngExportRunsEndsCancelledAndWritesNothing() throws Exception {
        ExportViewModel vm = export(Exchange.TLS13);
        List<String> progress = new ArrayList<>();
        FxThread.call(() -> {
            vm.formatProperty().set(ExportFormat.PNG);
            // The user presses Cancel as soon as the first slide is done ("Slide 2 of 25").
            vm.progressTextProperty().addListener((o, was, now) -> {
                progress.add(now);
                if (now.startsWith("Slide ")) {
                    vm.cancel();
                }
            });
            vm.export();
            return null;
        });
        assertThat(FxThread.call(() -> vm.stateProperty().get())).isIn(State.RUNNING, State.CANCELLED);

        waitUntilEnded(vm);

        assertThat(FxThread.call(() -> vm.stateProperty().get())).isEqualTo(State.CANCELLED);
        assertThat(FxThread.call(() -> vm.messageProperty().get()))
                .isEqualTo("Export cancelled; nothing was written.");
        int steps = FxThread.call(() -> vm.request(dir.resolve("x"), false)).trace().steps().size();
        assertThat(progress).first().isEqualTo("Preparing the slides\u2026");
        assertThat(progress).anyMatch(p -> p.matches("Slide \\d+ of " + steps));
        assertThat(dir).isEmptyDirectory();
        assertThat(prefs.lastExportFolder()).isEmpty();
    }

    @Test
    void aSuccessfulExportSaysWhereAndRemembersTheFolder() throws Exception {
        ExportViewModel vm = export(Exchange.RSA);
        FxThread.call(() -> {
            vm.formatProperty().set(ExportFormat.HTML);
            vm.export();
            return null;
        });

        waitUntilEnded(vm);

        Path html = dir.resolve("tlsviz-rsa.html");
        assertThat(FxThread.call(() -> vm.stateProperty().get())).isEqualTo(State.DONE);
        assertThat(FxThread.call(() -> vm.messageProperty().get())).startsWith("Exported ").endsWith(html.toString());
        assertThat(FxThread.call(() -> vm.progressProperty().get())).isEqualTo(1.0);
        assertThat(Files.readString(html)).contains("id=\"slide-1\"");
        assertThat(prefs.lastExportFolder()).contains(dir.toString());
        assertThat(prefs.lastExportFormat()).contains("html");
    }

    @Test
    void aWindowWithFreshRandomnessExportsAHandshakeOfItsOwn() throws Exception {
        ExportViewModel vm = export(ScenarioOptions.defaults(Exchange.DHE).withSeed(null));
        FxThread.call(() -> {
            vm.formatProperty().set(ExportFormat.HTML);
            vm.export();
            return null;
        });

        waitUntilEnded(vm);

        assertThat(FxThread.call(() -> vm.messageProperty().get())).startsWith("Exported ");
        assertThat(FxThread.call(() -> vm.stateProperty().get())).isEqualTo(State.DONE);
        assertThat(dir.resolve("tlsviz-dhe.html")).exists();
    }
}
