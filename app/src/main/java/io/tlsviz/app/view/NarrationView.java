package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.LessonViewModel;
import io.tlsviz.lessons.Narration;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The narration: the beat's title, "beat 3 of 9", the paragraphs with emphasis and live values, then the
 * beat's warm-up, attack and quiz. In free exploration, the engine's title and meaning of the step.
 */
public final class NarrationView extends VBox {
    private final LessonViewModel vm;
    private final VBox text = new VBox(8);
    private final VBox header;
    private final VBox body;
    private final ScrollPane scroll;
    private final QuizView quiz;

    public NarrationView(LessonViewModel vm, Messages messages) {
        this.vm = vm;
        getStyleClass().add(Styles.NARRATION);
        setId("narration");
        setSpacing(6);
        Label title = new Label();
        title.setId("narration-title");
        title.getStyleClass().add(Styles.NARRATION_TITLE);
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label beat = new Label();
        beat.setId("beat-label");
        beat.getStyleClass().addAll(Styles.BEAT_LABEL, Styles.MUTED);
        beat.textProperty().bind(vm.beatLabelProperty());
        beat.visibleProperty().bind(vm.beatLabelProperty().isNotEmpty());
        beat.managedProperty().bind(beat.visibleProperty());
        // It wraps rather than widening the panel: a German "Abschnitt 9 von 9 · … · Ende (Pos1 beginnt von vorn)"
        // held at its full width had pushed the narration's left edge, and the quiz's, out of the panel.
        beat.setWrapText(true);
        beat.setMinHeight(Region.USE_PREF_SIZE);
        header = new VBox(2, beat, title);

        text.setId("narration-text");
        text.getStyleClass().add(Styles.NARRATION_RUN);
        quiz = new QuizView(vm, messages);
        // The attack comes after the quiz: a beat that has both shows the attack's result once the quiz is
        // answered (LessonViewModel), as the answer's evidence.
        AttackView attack = new AttackView(vm, messages);
        body = new VBox(10, text, new WarmupView(vm, messages), quiz, attack);
        body.setFillWidth(true);
        scroll = Scrolling.pane(body);
        scroll.setId("narration-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        vm.paragraphs().addListener((ListChangeListener<List<Narration.Span>>) c -> {
            render();
            scroll.setVvalue(scroll.getVmin()); // a new beat's text is read from its start
        });
        render();
        // The quiz under the text can lie below the panel's edge (large type, a small screen): when an answer is
        // picked the options come into view, and when it is checked or skipped the verdict and explanation do,
        // and any attack it held back do, so the class sees the result without anyone scrolling.
        ChangeListener<Object> picked = (o, a, b) -> revealQuiz(scroll, body, quiz, quiz, true);
        ChangeListener<Object> done = (o, a, b) -> revealQuiz(scroll, body, quiz, attack, false);
        vm.quizProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.chosenProperty().removeListener(picked);
                was.verdictProperty().removeListener(done);
            }
            if (now != null) {
                now.chosenProperty().addListener(picked);
                now.verdictProperty().addListener(done);
            }
        });
        if (vm.quizProperty().get() != null) {
            vm.quizProperty().get().chosenProperty().addListener(picked);
            vm.quizProperty().get().verdictProperty().addListener(done);
        }
    }

    /** Reveals from the quiz's top down to {@code end}'s bottom ({@code end} when it shows, else the quiz's). */
    private static void revealQuiz(ScrollPane scroll, Region body, Node quiz, Node end, boolean keepTop) {
        Scrolling.afterLayout(scroll, 2, () -> {
            if (quiz.isVisible()) {
                javafx.geometry.Bounds b = quiz.getBoundsInParent();
                double bottom = end.isVisible() ? end.getBoundsInParent().getMaxY() : b.getMaxY();
                Scrolling.reveal(scroll, body, b.getMinY(), bottom, keepTop);
            }
        });
    }

    private void render() {
        text.getChildren().clear();
        for (List<Narration.Span> paragraph : vm.paragraphs()) {
            text.getChildren().add(paragraph(paragraph));
        }
    }

    /**
     * The height this view needs to show its header, its text and everything under it without scrolling, at its
     * present width (the window gives a quiz that room when it opens).
     */
    public double neededHeight() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double viewport = scroll.getViewportBounds().getWidth();
        if (viewport <= 0) {
            viewport = width - scroll.snappedLeftInset() - scroll.snappedRightInset();
        }
        return snappedTopInset() + header.prefHeight(width) + getSpacing() + scroll.snappedTopInset()
                + body.prefHeight(viewport) + scroll.snappedBottomInset() + snappedBottomInset();
    }

    /**
     * Scrolls as little as it takes to bring the open quiz (its question first) into view; nothing when there is
     * none or it is in view. For a panel that cannot give the quiz all the room it needs.
     */
    public void revealQuiz() {
        if (quiz.isVisible()) {
            javafx.geometry.Bounds b = body.sceneToLocal(quiz.questionAndOptionsInScene());
            Scrolling.reveal(scroll, body, b.getMinY(), b.getMaxY(), true);
        }
    }

    /**
     * One paragraph of narration as the window sets it: a text flow of runs, the {@code *emphasised*} ones in the
     * style class {@link Styles#EMPHASIS}; a screen reader gets the plain words. Slide export sets its narration so.
     */
    public static TextFlow paragraph(List<Narration.Span> spans) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(Styles.NARRATION_PARAGRAPH);
        StringBuilder plain = new StringBuilder();
        for (Narration.Span span : spans) {
            Text t = new Text(span.text());
            t.getStyleClass().add(Styles.NARRATION_RUN);
            if (span.emphasis()) {
                t.getStyleClass().add(Styles.EMPHASIS);
            }
            flow.getChildren().add(t);
            plain.append(span.text());
        }
        flow.setAccessibleText(plain.toString());
        return flow;
    }

    /** The narration as plain text, paragraphs separated by blank lines (what a screen reader gets). */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (var node : text.getChildren()) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(node.getAccessibleText());
        }
        return sb.toString();
    }
}
