package io.tlsviz.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsviz.app.cli.TlsvizCommand;
import io.tlsviz.app.view.Theme;
import io.tlsviz.engine.Exchange;
import io.tlsviz.lessons.LessonLibrary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's own options: read before JavaFX starts, a mistake is one sentence. */
class WindowOptionsTest {
    private static final List<String> LESSONS = LessonLibrary.loadShipped().ids();

    @Test
    void takesAValueAfterASpaceAsTheSubcommandsDo() {
        String[] args = {"--theme", "projector", "--lesson", "dhe", "--beat", "3"};
        assertThat(WindowOptions.onlyWindowOptions(args)).as("opens the window, not the command line").isTrue();
        WindowOptions o = WindowOptions.parse(List.of(args), LESSONS);
        assertThat(o.theme()).isEqualTo(io.tlsviz.app.view.Theme.PROJECTOR);
        assertThat(o.lesson()).isEqualTo("dhe");
        assertThat(o.beat()).isEqualTo(3);
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--lesson", "--theme=dark"), LESSONS))
                .as("an option is not taken as the value").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsEveryOption() {
        WindowOptions o = WindowOptions.parse(List.of("--lesson=dhe", "--beat=3", "--theme=Projector",
                "--language=de", "--exit-after-first-frame"), LESSONS);
        assertThat(o.lesson()).isEqualTo("dhe");
        assertThat(o.beat()).isEqualTo(3);
        assertThat(o.theme()).isEqualTo(Theme.PROJECTOR);
        assertThat(o.language()).isEqualTo("de");
        assertThat(o.exitAfterFirstFrame()).isTrue();
        assertThat(o.skipsPicker()).isTrue();
        WindowOptions none = WindowOptions.parse(List.of(), LESSONS);
        assertThat(none.skipsPicker()).isFalse();
        assertThat(none.theme()).isNull();
        assertThat(WindowOptions.parse(List.of("--exchange=tls13"), LESSONS).exchange()).isEqualTo(Exchange.TLS13);
    }

    @Test
    void aMistakeIsOneSentenceThatSaysWhatWouldDo() {
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--exchange=bogus"), LESSONS))
                .hasMessage("unknown exchange 'bogus' (expected one of rsa, dhe, ecdhe, tls13)");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--lesson=rsa", "--beat=abc"), LESSONS))
                .hasMessage("--beat takes a beat number from 1, not 'abc'");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--beat=2"), LESSONS))
                .hasMessage("--beat needs --lesson");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--lesson=nope"), LESSONS))
                .hasMessageStartingWith("there is no lesson 'nope' (lessons: ").hasMessageContaining("forward-secrecy");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--lesson=rsa", "--beat=99"),
                LessonLibrary.loadShipped())).hasMessageMatching("lesson 'rsa' has \\d+ beats, not 99");
        assertThat(WindowOptions.parse(List.of("--lesson=rsa", "--beat=9"), LessonLibrary.loadShipped()).beat())
                .isEqualTo(9);
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--theme=neon"), LESSONS))
                .hasMessage("unknown theme 'neon' (expected one of light, dark, projector)");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--language=fr"), LESSONS))
                .hasMessage("the window speaks en and de, not 'fr'");
    }

    @Test
    void windowOptionsOpenTheWindowAnythingElseIsTheCommandLine() {
        assertThat(WindowOptions.onlyWindowOptions(new String[] {"--lesson=rsa", "--theme=dark"})).isTrue();
        assertThat(WindowOptions.onlyWindowOptions(new String[] {"trace", "--exchange=rsa"})).isFalse();
        assertThat(WindowOptions.onlyWindowOptions(new String[] {"--help"})).isFalse();
    }

    @Test
    void theHelpListsTheWindowOptions() {
        StringWriter out = new StringWriter();
        TlsvizCommand.commandLine().setOut(new PrintWriter(out)).execute("--help");
        assertThat(out.toString()).contains("--lesson=ID", "--exchange=rsa|dhe|ecdhe|tls13",
                "--theme=light|dark|projector", "--language=en|de");
    }

    @Test
    void noDisplayIsASentenceNotAStackTrace() {
        RuntimeException launch = new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to open DISPLAY"));
        assertThat(TlsvizApp.launchProblem(launch)).hasValueSatisfying(m -> assertThat(m)
                .startsWith("there is no display to open the window on").contains("--help"));
        assertThat(TlsvizApp.launchProblem(new IllegalStateException("something else"))).isEmpty();
    }
}
