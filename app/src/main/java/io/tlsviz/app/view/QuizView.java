package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.LessonViewModel;
import io.tlsviz.app.viewmodel.QuizViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The beat's quiz: the question, the options as big numbered toggle buttons (keys 1–4, Enter checks; the
 * window routes the keys to the view-model), "Check answer" and "Skip", then the verdict and explanation.
 * "Who knows" shows three toggles side by side: Client, Eavesdropper, Server.
 */
public final class QuizView extends VBox {
    private final Messages messages;
    private final List<ToggleButton> options = new ArrayList<>();
    private QuizViewModel quiz;
    private Label question;
    private Pane optionBox;
    private final ChangeListener<Object> refresh = (o, a, b) -> update();

    public QuizView(LessonViewModel vm, Messages messages) {
        this.messages = messages;
        setId("quiz");
        getStyleClass().add(Styles.QUIZ);
        vm.quizProperty().addListener((o, was, now) -> show(now));
        show(vm.quizProperty().get());
    }

    private void show(QuizViewModel q) {
        if (quiz != null) {
            quiz.chosenProperty().removeListener(refresh);
            quiz.doneProperty().removeListener(refresh);
        }
        quiz = q;
        getChildren().clear();
        options.clear();
        setVisible(q != null);
        setManaged(q != null);
        if (q == null) {
            return;
        }
        Label heading = new Label(messages.get("quiz.title"));
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        question = new Label(q.question());
        question.setId("quiz-question");
        question.getStyleClass().add(Styles.QUIZ_QUESTION);
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        optionBox = q.multipleAnswers() ? new HBox(8) : new VBox(6);
        for (int i = 0; i < q.options().size(); i++) {
            int index = i;
            ToggleButton b = new ToggleButton((i + 1) + "   " + q.options().get(i));
            b.setId("quiz-option-" + (i + 1));
            b.getStyleClass().add(Styles.QUIZ_OPTION);
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setAccessibleText((i + 1) + ": " + q.options().get(i));
            b.setOnAction(e -> {
                q.choose(index);
                update();
            });
            HBox.setHgrow(b, Priority.ALWAYS);
            options.add(b);
            optionBox.getChildren().add(b);
        }
        Button check = new Button(messages.get("quiz.check"));
        check.setId("quiz-check");
        check.setOnAction(e -> q.answer());
        check.disableProperty().bind(q.doneProperty());
        Button skip = new Button(messages.get("quiz.skip"));
        skip.setId("quiz-skip");
        skip.setOnAction(e -> q.skip());
        skip.disableProperty().bind(q.doneProperty());
        Label hint = new Label(q.multipleAnswers() ? messages.get("quiz.hint.who")
                : messages.format("quiz.hint", Math.min(9, q.options().size())));
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        check.setMinWidth(Region.USE_PREF_SIZE);
        skip.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, check, skip);
        Label verdict = new Label();
        verdict.setId("quiz-verdict");
        verdict.textProperty().bind(q.verdictProperty());
        Label explanation = new Label();
        explanation.setId("quiz-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        explanation.textProperty().bind(q.explanationProperty());
        VBox feedback = new VBox(4, verdict, explanation);
        feedback.visibleProperty().bind(q.doneProperty());
        feedback.managedProperty().bind(q.doneProperty());
        getChildren().addAll(heading, question, optionBox, actions, hint, feedback);
        q.chosenProperty().addListener(refresh);
        q.doneProperty().addListener(refresh);
        update();
    }

    /** The band from the question's top to the last option's bottom, in scene coordinates: what the class reads. */
    javafx.geometry.Bounds questionAndOptionsInScene() {
        if (question == null) {
            return localToScene(getLayoutBounds());
        }
        javafx.geometry.Bounds top = question.localToScene(question.getLayoutBounds());
        javafx.geometry.Bounds bottom = optionBox.localToScene(optionBox.getLayoutBounds());
        return new javafx.geometry.BoundingBox(top.getMinX(), top.getMinY(), top.getWidth(),
                bottom.getMaxY() - top.getMinY());
    }

    private void update() {
        if (quiz == null) {
            return;
        }
        boolean answered = quiz.answeredProperty().get();
        for (int i = 0; i < options.size(); i++) {
            ToggleButton b = options.get(i);
            b.setSelected(quiz.chosenProperty().get().contains(i));
            b.setDisable(quiz.doneProperty().get() && !b.isSelected() && !quiz.correctOptions().contains(i));
            boolean done = quiz.doneProperty().get();
            boolean right = done && quiz.correctOptions().contains(i);
            boolean wrongPick = answered && b.isSelected() && !quiz.correctOptions().contains(i);
            KnowledgeView.toggle(b, Styles.QUIZ_RIGHT_OPTION, right);
            KnowledgeView.toggle(b, Styles.QUIZ_WRONG_CHOICE, wrongPick);
            String label = (i + 1) + "   " + quiz.options().get(i);
            b.setText(right ? label + "   \u2713" : wrongPick ? label + "   \u2717" : label);
        }
        Label verdict = (Label) lookup("#quiz-verdict");
        if (verdict != null) {
            KnowledgeView.toggle(verdict, Styles.CORRECT, answered && quiz.correctProperty().get());
            KnowledgeView.toggle(verdict, Styles.WRONG, answered && !quiz.correctProperty().get());
        }
    }
}
