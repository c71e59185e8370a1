package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.view.DiagramView;
import io.tlsviz.app.view.KnowledgeView;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
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
}
