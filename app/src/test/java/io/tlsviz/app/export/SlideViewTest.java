package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.view.DiagramView;
import io.tlsviz.app.view.KnowledgeView;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A slide shows the window's own views at the slide's step. */
class SlideViewTest {
    private static final Trace RSA = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void composesTheWindowsDiagramAndKnowledgeAtTheStep() throws Exception {
        int premaster = RSA.step("client_makes_premaster").orElseThrow().index() + 1;

        List<Object> found = FxThread.call(() -> {
            SlideView view = new SlideView(RSA, new ExportTexts(Locale.ENGLISH), true);
            new SlideRenderer(SlideTheme.LIGHT).attach(view);
            view.show(premaster, "The premaster", List.of("premaster_secret"));
            return List.of(view.lookup("#diagram"), view.lookup("#knowledge"),
                    ((Label) view.lookup("#slide-title")).getText(),
                    view.lookup("#kv-client-premaster_secret") != null,
                    view.lookup("#kv-eavesdropper-premaster_secret") == null,
                    view.lookup("#kv-client-premaster_secret").getStyleClass().contains("input-highlight"));
        });

        assertThat(found.get(0)).isInstanceOf(DiagramView.class);
        assertThat(found.get(1)).isInstanceOf(KnowledgeView.class);
        assertThat(found.subList(2, 6)).containsExactly("The premaster", true, true, true);
    }

    @Test
    void withoutTheTitleTheStepLineHeadsThePictureAndTheDiagramGetsTheRoom() throws Exception {
        int premaster = RSA.step("client_makes_premaster").orElseThrow().index() + 1;

        List<Object> found = FxThread.call(() -> {
            List<Object> both = new java.util.ArrayList<>();
            for (boolean title : new boolean[] {true, false}) {
                SlideView view = new SlideView(RSA, new ExportTexts(Locale.ENGLISH), title);
                SlideRenderer renderer = new SlideRenderer(SlideTheme.LIGHT);
                renderer.attach(view);
                view.show(premaster, "The premaster", List.of());
                view.layout();
                javafx.scene.Node diagram = view.lookup("#diagram");
                Label stepLine = (Label) view.lookup(".slide-subtitle");
                both.add(view.lookup("#slide-title") != null);
                both.add(stepLine.getText());
                both.add(stepLine.localToScene(stepLine.getBoundsInLocal()).getMinY());
                both.add(diagram.localToScene(diagram.getBoundsInLocal()).getMinY());
            }
            return both;
        });

        assertThat(found.get(0)).as("the title is in a bare picture").isEqualTo(true);
        assertThat(found.get(4)).as("and not where the format writes it").isEqualTo(false);
        assertThat((String) found.get(5)).startsWith("Step " + premaster + " of " + RSA.steps().size())
                .isEqualTo(found.get(1));
        assertThat((double) found.get(6)).as("the step line moves up to the top").isLessThan((double) found.get(2) - 40);
        assertThat((double) found.get(7)).as("the diagram starts higher").isLessThan((double) found.get(3) - 40);
    }

    /**
     * In every picture of the DHE lesson (German, projector: the largest type), each column shows the values its
     * beat highlights and the new ones whole, and no value is cut at the column's top edge. The columns are
     * scroll panes; before, each was scrolled to its end, which cut the value at the top and at times the key
     * value itself.
     */
    @Test
    void noValueIsCutAtTheTopAndTheBeatsValuesAreWhole() throws Exception {
        Lesson dhe = LessonLibrary.loadShipped().find("dhe", "de").orElseThrow();
        Trace trace = HandshakeSession.run(dhe.scenario());
        List<SlideContent> slides = new LessonSlideSource(dhe).slides(trace, Locale.GERMAN);

        List<String> problems = FxThread.call(() -> {
            SlideView view = new SlideView(trace, new ExportTexts(Locale.GERMAN), true);
            SlideRenderer renderer = new SlideRenderer(SlideTheme.PROJECTOR);
            renderer.attach(view);
            List<String> found = new java.util.ArrayList<>();
            for (SlideContent slide : slides) {
                if (slide.veiled()) {
                    continue;
                }
                view.show(slide);
                renderer.snapshot(view);
                for (javafx.scene.Node column : view.lookupAll(".knowledge-column")) {
                    javafx.scene.Node viewport = column.lookup(".viewport");
                    javafx.geometry.Bounds port = viewport.localToScene(viewport.getLayoutBounds());
                    List<javafx.geometry.Bounds> wanted = new java.util.ArrayList<>();
                    List<javafx.geometry.Bounds> fresh = new java.util.ArrayList<>();
                    for (javafx.scene.Node value : column.lookupAll(".knowledge-value")) {
                        javafx.geometry.Bounds b = value.localToScene(value.getLayoutBounds());
                        String where = slide.title() + " / " + value.getId();
                        if (b.getMinY() < port.getMinY() - 0.5 && b.getMaxY() > port.getMinY() + 0.5) {
                            found.add(where + " is cut at the top");
                        }
                        boolean isNew = value.getStyleClass().contains("new-value");
                        if (isNew || value.getStyleClass().contains("input-highlight")) {
                            wanted.add(b);
                            if (isNew) {
                                fresh.add(b);
                            }
                            boolean cut = b.getMinY() < port.getMinY() - 0.5 && b.getMaxY() > port.getMinY() + 0.5
                                    || b.getMinY() < port.getMaxY() - 0.5 && b.getMaxY() > port.getMaxY() + 0.5;
                            if (cut) {
                                found.add(where + " is cut");
                            }
                        }
                    }
                    // All of the beat's values when they fit together, else at least the new ones.
                    boolean fit = wanted.isEmpty() || wanted.get(wanted.size() - 1).getMaxY()
                            - wanted.get(0).getMinY() <= port.getHeight();
                    for (javafx.geometry.Bounds b : fit ? wanted : fresh) {
                        if (b.getMinY() < port.getMinY() - 0.5 || b.getMaxY() > port.getMaxY() + 0.5) {
                            found.add(slide.title() + " / a value of " + column.getId() + " is not in the picture");
                        }
                    }
                }
            }
            return found;
        });

        assertThat(problems).isEmpty();
    }

    /**
     * A "who knows?" question slide hides the columns behind the window's veil, which would otherwise give the
     * answer away; its answer slide, the same step, shows them.
     */
    @Test
    void aWhoKnowsQuestionVeilsTheColumnsAndItsAnswerShowsThem() throws Exception {
        Lesson dhe = LessonLibrary.loadShipped().find("dhe", "en").orElseThrow();
        Trace trace = HandshakeSession.run(dhe.scenario());
        List<SlideContent> slides = new LessonSlideSource(dhe).slides(trace, Locale.ENGLISH);
        int question = 0;
        while (!slides.get(question).veiled()) {
            question++;
        }
        SlideContent asked = slides.get(question);
        SlideContent answered = slides.get(question + 1);

        List<Object> found = FxThread.call(() -> {
            SlideView view = new SlideView(trace, new ExportTexts(Locale.ENGLISH), false);
            SlideRenderer renderer = new SlideRenderer(SlideTheme.LIGHT);
            renderer.attach(view);
            List<Object> seen = new java.util.ArrayList<>();
            for (SlideContent slide : List.of(asked, answered)) {
                view.show(slide);
                renderer.snapshot(view);
                Label veil = (Label) view.lookup("#knowledge-veil");
                seen.add(veil.isVisible());
                seen.add(view.lookup("#knowledge").isVisible());
                seen.add(veil.getText());
            }
            return seen;
        });

        assertThat(answered.title()).isEqualTo("Answer: " + asked.title());
        assertThat(answered.stepsRevealed()).isEqualTo(asked.stepsRevealed());
        assertThat(found.subList(0, 2)).as("question: veil shown, columns hidden").containsExactly(true, false);
        assertThat((String) found.get(2)).startsWith("Who knows it?");
        assertThat(found.subList(3, 5)).as("answer: columns shown").containsExactly(false, true);
    }

    /**
     * The forward-secrecy lesson's high point: its beat shows what the window shows there, the request and the
     * response decrypted from the recording with the leaked key, and the DHE recording that stays shut.
     */
    @Test
    void theAttackBeatShowsTheDecryptedRecordingAsTheWindowDoes() throws Exception {
        Lesson fs = LessonLibrary.loadShipped().find("forward-secrecy", "en").orElseThrow();
        Trace trace = HandshakeSession.run(fs.scenario());
        List<SlideContent> slides = new LessonSlideSource(fs).slides(trace, Locale.ENGLISH);
        SlideContent falls = slides.stream().filter(s -> s.title().equals("The recording falls open")).findFirst()
                .orElseThrow();
        SlideContent first = slides.get(0);

        List<Object> found = FxThread.call(() -> {
            SlideView view = new SlideView(trace, new ExportTexts(Locale.ENGLISH), false);
            SlideRenderer renderer = new SlideRenderer(SlideTheme.LIGHT);
            renderer.attach(view);
            List<Object> seen = new java.util.ArrayList<>();
            view.show(falls);
            renderer.snapshot(view);
            javafx.scene.Node attack = view.lookup("#attack");
            seen.add(attack.isVisible() && attack.isManaged());
            seen.add(((Label) view.lookup("#attack-plaintext-1")).getText());
            seen.add(((Label) view.lookup("#attack-plaintext-2")).getText());
            seen.add(((Label) view.lookup("#attack-rsa")).getText());
            seen.add(view.lookup("#attack-dhe") == null); // the DHE recording has its own beat
            javafx.geometry.Bounds a = attack.localToScene(attack.getLayoutBounds());
            seen.add(a.getMaxY() <= SlideRenderer.HEIGHT && a.getHeight() > 0);
            view.show(first);
            renderer.snapshot(view);
            seen.add(view.lookup("#attack").isVisible());
            return seen;
        });

        assertThat(found.get(0)).as("the attack is in the picture").isEqualTo(true);
        assertThat((String) found.get(1)).startsWith("GET / HTTP/1.1");
        assertThat((String) found.get(2)).startsWith("HTTP/1.1 200 OK");
        assertThat(found.subList(3, 5)).containsExactly("RSA recording: opened.", true);
        assertThat(found.get(5)).as("wholly inside the picture").isEqualTo(true);
        assertThat(found.get(6)).as("a beat without an attack shows none").isEqualTo(false);
    }
}
