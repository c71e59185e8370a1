package io.tlsviz.app.export;

import static io.tlsviz.app.export.SlideGeometry.BODY_HEIGHT;
import static io.tlsviz.app.export.SlideGeometry.BODY_TOP;
import static io.tlsviz.app.export.SlideGeometry.MARGIN;
import static io.tlsviz.app.export.SlideGeometry.SLIDE_WIDTH;
import static io.tlsviz.app.export.SlideGeometry.TEXT_LEFT;
import static io.tlsviz.app.export.SlideGeometry.TEXT_WIDTH;
import static io.tlsviz.app.export.SlideGeometry.TITLE_HEIGHT;
import static io.tlsviz.app.export.SlideGeometry.TITLE_TOP;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.view.AttackView;
import io.tlsviz.app.view.DiagramView;
import io.tlsviz.app.view.KnowledgeView;
import io.tlsviz.app.view.NarrationView;
import io.tlsviz.app.view.Styles;
import io.tlsviz.app.viewmodel.ClassroomViewModel;
import io.tlsviz.app.viewmodel.EngineNarration;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Narration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;

/**
 * The picture of a slide, laid out for the place it takes on the slide ({@link SlideLayout}) at
 * {@link SlideLayout#PIXELS_PER_POINT} pixels per point, in the theme's type sizes: the step line, then the window's
 * own {@link DiagramView} and {@link KnowledgeView} on a {@link ClassroomViewModel} stepped to the slide's step. So a
 * slide shows what the app shows for the same handshake, as much of it as fits at a size a class can read: the
 * diagram's newest rows and each column's new and highlighted values, whole, with a line naming what is left out
 * (docs/decisions/0016-slides-readable-from-the-back.md). For {@link SlideLayout#WHOLE_SLIDE} it is the whole slide:
 * the title above the picture and the narration, its emphasis kept, beside it.
 */
public final class SlideView extends Region {
    /** Of the picture's body, the most the diagram takes above the columns. */
    private static final double DIAGRAM_SHARE = 0.45;
    /** Of the picture's body, what the attack takes above the columns unless it needs more. */
    private static final double ATTACK_SHARE = 0.7;
    private static final double PX = SlideLayout.PIXELS_PER_POINT;
    /** Between the diagram (or the attack) and the columns, in pixels. */
    private static final double BODY_SPACING = 12;

    private final Trace trace;
    private final ExportTexts texts;
    private final SlideTheme theme;
    private final ClassroomViewModel vm;
    private final DiagramView diagram;
    private final KnowledgeView knowledge;
    private final Label veil;
    private final AttackView attack;
    private final StackPane knowledgeOrVeil;
    private final Label heading = new Label();
    private final Label stepLine = new Label();
    private final VBox narration = new VBox();
    private final BorderPane picture = new BorderPane();
    private final VBox body = new VBox(BODY_SPACING);
    private SlideLayout layout = SlideLayout.BESIDE_TEXT;

    /**
     * Builds the views once for a deck; {@link #show} then moves them from slide to slide, as the window does
     * when the teacher presses Next. Call on the JavaFX thread.
     *
     * @param trace a seeded handshake: the view-model replays it from its options
     * @param theme the type sizes; its colours come with the scene's stylesheets ({@link SlideRenderer})
     */
    public SlideView(Trace trace, ExportTexts texts, SlideTheme theme) {
        if (trace.options().isFresh()) {
            throw new IllegalArgumentException("a slide needs a seeded handshake to replay it");
        }
        this.trace = trace;
        this.texts = texts;
        this.theme = theme;
        getStyleClass().add("slide");
        picture.getStyleClass().add("slide-picture");
        picture.setStyle(fontSize(theme.sizes().picture()));
        Messages messages = Messages.forLocale(texts.locale());
        vm = new ClassroomViewModel(messages, new EngineNarration(messages), trace.options());

        diagram = new DiagramView(vm, messages);
        diagram.animationDurationProperty().set(Duration.ZERO);
        diagram.setMinHeight(0);
        knowledge = new KnowledgeView(vm.knowledge(), messages);
        // As in the window (MainWindow): while a "who knows?" quiz is open, a veil stands in for the columns.
        veil = new Label(messages.get("knowledge.hiddenForQuiz"));
        veil.setId("knowledge-veil");
        veil.getStyleClass().add(Styles.KNOWLEDGE_VEIL);
        veil.setWrapText(true);
        veil.setMaxWidth(Double.MAX_VALUE);
        veil.setMaxHeight(Double.MAX_VALUE);
        veil.setVisible(false);
        knowledgeOrVeil = new StackPane(knowledge, veil);
        knowledgeOrVeil.setMinSize(0, 0);
        knowledgeOrVeil.setPrefHeight(0); // it takes what the diagram or the attack above it leaves

        // The forward-secrecy attack, where the window shows it at its beat.
        attack = new AttackView(messages);

        stepLine.getStyleClass().addAll("slide-subtitle", Styles.MUTED);
        stepLine.setMinWidth(0);
        picture.setTop(stepLine);
        // The diagram above the columns (the attack in its place, on a beat that shows one): a picture beside the
        // text is too narrow for them side by side at a readable size, and one across the slide gets wider columns.
        body.getChildren().setAll(diagram, knowledgeOrVeil);
        VBox.setVgrow(knowledgeOrVeil, Priority.ALWAYS);
        body.getStyleClass().add("slide-body");
        picture.setCenter(body);

        heading.getStyleClass().add("slide-title");
        heading.setId("slide-title");
        heading.setAlignment(Pos.CENTER_LEFT);
        heading.setTextOverrun(OverrunStyle.ELLIPSIS);
        narration.setId("slide-narration");
        narration.getStyleClass().add("slide-narration");
        getChildren().addAll(heading, picture, narration);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static String fontSize(double points) {
        return String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", points * PX);
    }

    /** The layout of the slide shown last. */
    public SlideLayout slideLayout() {
        return layout;
    }

    /**
     * Shows the slide's moment in {@code layout}: the handshake after its steps, its highlights, the knowledge
     * columns veiled or not, and the attack if the slide has one; for the whole slide also its title and
     * narration. Each column shows its new and highlighted values whole and names those it leaves out
     * ({@link KnowledgeView#frameForPicture}); the diagram shows its newest rows whole
     * ({@link DiagramView#frameForPicture}). The view must be in a scene ({@link SlideRenderer#attach}), so that
     * the values inside the scroll panes exist.
     */
    public void show(SlideContent slide, SlideLayout layout) {
        if (getScene() == null) {
            throw new IllegalStateException("attach the slide to a scene (SlideRenderer.attach) before show");
        }
        this.layout = layout;
        setMinSize(layout.pixelWidth(), layout.pixelHeight());
        setPrefSize(layout.pixelWidth(), layout.pixelHeight());
        setMaxSize(layout.pixelWidth(), layout.pixelHeight());
        resize(layout.pixelWidth(), layout.pixelHeight());

        vm.goTo(slide.stepsRevealed());
        stepLine.setText(texts.get("slide.step", vm.positionProperty().get(), trace.steps().size()) + "  \u00b7  "
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
        show(knowledgeOrVeil, true);
        boolean whole = layout == SlideLayout.WHOLE_SLIDE;
        heading.setVisible(whole);
        narration.setVisible(whole);
        body.getChildren().set(0, slide.attack() != null ? attack : diagram);
        diagram.setPrefHeight(Region.USE_COMPUTED_SIZE);
        applyCss();
        if (whole) {
            heading.setText(slide.title());
            fitTitle();
            fillNarration(slide.narration());
        }
        layout();
        double width = body.getWidth() - body.snappedLeftInset() - body.snappedRightInset();
        // From the picture's height, not the body's: a body taller than its place has overflowed the picture.
        double room = picture.getHeight() - picture.snappedTopInset() - picture.snappedBottomInset()
                - stepLine.getHeight() - body.snappedTopInset() - body.snappedBottomInset() - BODY_SPACING;
        if (slide.attack() != null) {
            // The attack above the columns, whole, leaving them at least a part of the picture where it can; where
            // it cannot (large type), the attack alone: columns with no room for a value would only be headings.
            if (attack.frameForPicture(width, room * ATTACK_SHARE) > room * ATTACK_SHARE) {
                show(knowledgeOrVeil, false);
                attack.frameForPicture(width, room + BODY_SPACING);
            }
            layout();
        } else {
            // The diagram is as high as its rows, at most its share, and less where the columns need the room to
            // show the beat's values whole; never less than its newest row.
            double columns = slide.veiled() ? veil.prefHeight(width) : knowledge.pictureHeight(slide.highlight());
            double most = Math.max(diagram.leastHeight(width), Math.min(room * DIAGRAM_SHARE, room - columns));
            diagram.setPrefHeight(Math.min(diagram.fullHeight(width), most));
            layout();
        }
        if (diagram.getScene() != null) { // not on a beat whose attack takes its place
            double shown = diagram.frameForPicture();
            if (shown < diagram.getHeight() - 1) {
                diagram.setPrefHeight(shown); // what the rows that fit leave below them goes to the columns
                layout();
            }
        }
        knowledge.frameForPicture(slide.highlight());
        layout();
    }

    /** The title at the theme's size, or smaller down to the narration's largest size, to stay on one line. */
    private void fitTitle() {
        double room = (SLIDE_WIDTH - 2 * MARGIN) * PX;
        for (double size = theme.sizes().title(); ; size -= 1) {
            heading.setStyle(fontSize(size));
            heading.applyCss();
            if (heading.prefWidth(-1) <= room || size - 1 < theme.sizes().narration()) {
                return;
            }
        }
    }

    /**
     * The narration in its column, each paragraph set as the window sets it ({@link NarrationView#paragraph}, the
     * emphasised runs in bold italic): at the theme's largest size that fits, else the largest that fits down to
     * {@link SlideTheme#NARRATION_MIN}, else at that size without the paragraphs that do not fit, the last one shown
     * ending in an ellipsis.
     */
    private void fillNarration(SlideText text) {
        narration.getChildren().clear();
        for (List<Narration.Span> paragraph : text.paragraphs()) {
            narration.getChildren().add(NarrationView.paragraph(paragraph));
        }
        double width = TEXT_WIDTH * PX;
        double room = BODY_HEIGHT * PX;
        for (double size = theme.sizes().narration(); ; size -= 0.5) {
            narration.setStyle(fontSize(size));
            narration.setSpacing(size * PX * 0.6);
            for (Node flow : narration.getChildren()) {
                ((TextFlow) flow).setLineSpacing(size * PX * 0.15);
            }
            narration.applyCss();
            if (narration.prefHeight(width) <= room) {
                return;
            }
            if (size - 0.5 < SlideTheme.NARRATION_MIN) {
                break;
            }
        }
        List<Node> flows = narration.getChildren();
        while (flows.size() > 1 && narration.prefHeight(width) > room) {
            flows.remove(flows.size() - 1);
        }
        TextFlow last = (TextFlow) flows.get(flows.size() - 1);
        Text ellipsis = new Text(" \u2026");
        ellipsis.getStyleClass().add(Styles.NARRATION_RUN);
        last.getChildren().add(ellipsis);
    }

    @Override
    protected void layoutChildren() {
        if (layout == SlideLayout.WHOLE_SLIDE) {
            heading.resizeRelocate(MARGIN * PX, TITLE_TOP * PX, (SLIDE_WIDTH - 2 * MARGIN) * PX, TITLE_HEIGHT * PX);
            SlideLayout beside = SlideLayout.BESIDE_TEXT;
            picture.resizeRelocate(beside.place().x() * PX, beside.place().y() * PX, beside.pixelWidth(),
                    beside.pixelHeight());
            narration.resizeRelocate(TEXT_LEFT * PX, BODY_TOP * PX, TEXT_WIDTH * PX, BODY_HEIGHT * PX);
        } else {
            picture.resizeRelocate(0, 0, getWidth(), getHeight());
        }
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
