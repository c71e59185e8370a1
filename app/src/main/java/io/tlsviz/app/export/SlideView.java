package io.tlsviz.app.export;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.view.AttackView;
import io.tlsviz.app.view.DiagramView;
import io.tlsviz.app.view.KnowledgeView;
import io.tlsviz.app.view.Styles;
import io.tlsviz.app.viewmodel.ClassroomViewModel;
import io.tlsviz.app.viewmodel.EngineNarration;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The picture of a slide at 1920x1080: a header with the title (only where the format has no title of its own)
 * and the step, then the window's own {@link DiagramView} and {@link KnowledgeView} on a
 * {@link ClassroomViewModel} stepped to the slide's step. So a slide shows exactly what the app shows for the same
 * handshake.
 */
public final class SlideView extends BorderPane {
    /** The views' font size on a 1920x1080 slide: the window's 15 px scaled to the larger picture. */
    static final int FONT_PX = 19;
    static final double DIAGRAM_WIDTH = 880;
    private static final double HEADER_HEIGHT = 118;

    private final Trace trace;
    private final ExportTexts texts;
    private final ClassroomViewModel vm;
    private final KnowledgeView knowledge;
    private final Label veil;
    private final AttackView attack;
    private final Label heading = new Label();
    private final Label subtitle = new Label();

    /**
     * Builds the views once for a deck; {@link #show} then moves them from slide to slide, as the window does
     * when the teacher presses Next. Call on the JavaFX thread.
     *
     * @param trace          a seeded handshake: the view-model replays it from its options
     * @param titleInPicture whether the picture shows the slide's title: only for a format that writes no title
     *                       of its own ({@link SlideExporter#titleInPicture()}); elsewhere the title would show twice
     */
    public SlideView(Trace trace, ExportTexts texts, boolean titleInPicture) {
        if (trace.options().isFresh()) {
            throw new IllegalArgumentException("a slide needs a seeded handshake to replay it");
        }
        this.trace = trace;
        this.texts = texts;
        getStyleClass().add("slide");
        setStyle("-fx-font-size: " + FONT_PX + "px;");
        setPrefSize(SlideRenderer.WIDTH, SlideRenderer.HEIGHT);
        Messages messages = Messages.forLocale(texts.locale());
        vm = new ClassroomViewModel(messages, new EngineNarration(messages), trace.options());

        DiagramView diagram = new DiagramView(vm, messages);
        diagram.animationDurationProperty().set(Duration.ZERO);
        diagram.setPrefWidth(DIAGRAM_WIDTH);
        diagram.setMinWidth(DIAGRAM_WIDTH);
        knowledge = new KnowledgeView(vm.knowledge(), messages);
        // As in the window (MainWindow): while a "who knows?" quiz is open, a veil stands in for the columns.
        veil = new Label(messages.get("knowledge.hiddenForQuiz"));
        veil.setId("knowledge-veil");
        veil.getStyleClass().add(Styles.KNOWLEDGE_VEIL);
        veil.setWrapText(true);
        veil.setMaxWidth(Double.MAX_VALUE);
        veil.setMaxHeight(Double.MAX_VALUE);
        veil.setVisible(false);
        StackPane knowledgeOrVeil = new StackPane(knowledge, veil);
        VBox.setVgrow(knowledgeOrVeil, Priority.ALWAYS);
        // The forward-secrecy attack, where the window shows it at its beat: above the columns.
        attack = new AttackView(messages);
        VBox right = new VBox(12, attack, knowledgeOrVeil);
        right.setMinWidth(0);
        HBox.setHgrow(right, Priority.ALWAYS);

        heading.getStyleClass().add("slide-title");
        heading.setId("slide-title");
        subtitle.getStyleClass().addAll("slide-subtitle", Styles.MUTED);
        VBox header = new VBox(4, subtitle);
        header.getStyleClass().add("slide-header");
        if (titleInPicture) {
            header.getChildren().add(0, heading);
            header.setPrefHeight(HEADER_HEIGHT);
            header.setMinHeight(HEADER_HEIGHT);
        }
        setTop(header);
        HBox body = new HBox(24, diagram, right);
        body.getStyleClass().add("slide-body");
        setCenter(body);
    }

    /**
     * Shows the handshake after {@code stepsRevealed} steps under {@code title}. The view must be in a scene
     * ({@link SlideRenderer#attach}), so that the values inside the knowledge columns' scroll panes exist.
     *
     * @param highlight secret names to highlight (a lesson beat's {@code highlight})
     */
    public void show(int stepsRevealed, String title, List<String> highlight) {
        show(new SlideContent(title, "", "", stepsRevealed, highlight));
    }

    /**
     * Shows the slide's moment: the handshake after its steps, its highlights, the knowledge columns veiled or
     * not, and the attack if the slide has one. Each column is scrolled so that its new and highlighted values
     * are wholly in the picture and no value is cut at the top ({@link KnowledgeView#frameForPicture}). The view
     * must be in a scene ({@link SlideRenderer#attach}), so that the values inside the scroll panes exist.
     */
    public void show(SlideContent slide) {
        if (getScene() == null) {
            throw new IllegalStateException("attach the slide to a scene (SlideRenderer.attach) before show");
        }
        vm.goTo(slide.stepsRevealed());
        heading.setText(slide.title());
        subtitle.setText(texts.get("slide.step", vm.positionProperty().get(), trace.steps().size()) + "  \u00b7  "
                + StepSlideSource.protocolLabel(trace.protocol()) + "  \u00b7  " + trace.cipherSuite().ianaName());
        veil.setVisible(slide.veiled());
        knowledge.setVisible(!slide.veiled());
        attack.show(slide.attack());
        for (Node value : knowledge.lookupAll("." + Styles.KNOWLEDGE_VALUE)) {
            value.getStyleClass().remove(Styles.INPUT_HIGHLIGHT);
        }
        for (String name : slide.highlight()) {
            for (Party p : Party.values()) {
                Node value = knowledge.lookup("#kv-" + p.id() + "-" + name);
                if (value != null) {
                    value.getStyleClass().add(Styles.INPUT_HIGHLIGHT);
                }
            }
        }
        applyCss();
        layout();
        knowledge.frameForPicture(slide.highlight());
        layout();
    }

    /**
     * A plain description of the picture, for alt text: the step and who knows what; with the columns veiled,
     * only that they are hidden (the alt text must not give the quiz's answer away either).
     */
    static String altText(Trace trace, SlideContent slide, ExportTexts texts) {
        if (!slide.veiled()) {
            return altText(trace, slide.stepsRevealed(), texts);
        }
        SlideState state = new SlideState(trace, slide.stepsRevealed());
        return texts.get("alt.veiled", state.revealed(), trace.steps().size(),
                state.current().map(Step::title).orElse(""));
    }

    /** A plain description of the picture, for alt text: the step and who knows what. */
    static String altText(Trace trace, int stepsRevealed, ExportTexts texts) {
        SlideState state = new SlideState(trace, stepsRevealed);
        Map<Party, List<Secret>> known = state.knowledge();
        String title = state.current().map(Step::title).orElse("");
        return texts.get("alt.picture", state.revealed(), trace.steps().size(), title,
                names(known.get(Party.CLIENT), texts), names(known.get(Party.EAVESDROPPER), texts),
                names(known.get(Party.SERVER), texts));
    }

    private static String names(List<Secret> secrets, ExportTexts texts) {
        return secrets.isEmpty() ? texts.get("alt.none")
                : secrets.stream().map(Secret::name).collect(Collectors.joining(", "));
    }
}
