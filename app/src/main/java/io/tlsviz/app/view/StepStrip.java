package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.ClassroomViewModel;
import io.tlsviz.app.viewmodel.PlannedStep;
import io.tlsviz.engine.Step;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** One button per step of the whole handshake: jump to any step. */
public final class StepStrip extends FlowPane {
    private final ClassroomViewModel vm;
    private final Messages messages;
    private final List<ToggleButton> buttons = new ArrayList<>();
    private final java.util.function.IntConsumer jump;

    public StepStrip(ClassroomViewModel vm, Messages messages) {
        this(vm, messages, vm::goTo);
    }

    /** @param jump what a step's button does with its number (from 1): a lesson goes to the beat that shows it */
    public StepStrip(ClassroomViewModel vm, Messages messages, java.util.function.IntConsumer jump) {
        this.vm = vm;
        this.jump = jump;
        this.messages = messages;
        setId("step-strip");
        getStyleClass().add(Styles.STEP_STRIP);
        // Wraps into more rows rather than scrolling: every step stays in view, whole, even in the
        // projector theme's large type.
        setHgap(4);
        setVgap(4);
        setPadding(new javafx.geometry.Insets(4));
        setMinHeight(USE_PREF_SIZE);
        setFocusTraversable(false);
        vm.plan().addListener((ListChangeListener<PlannedStep>) c -> rebuild());
        vm.positionProperty().addListener((o, a, b) -> update());
        rebuild();
    }

    private void rebuild() {
        buttons.clear();
        for (PlannedStep s : vm.plan()) {
            ToggleButton b = new ToggleButton(Integer.toString(s.index() + 1));
            b.setId("jump-" + (s.index() + 1));
            if (s.kind() == Step.Kind.COMPUTATION) {
                b.getStyleClass().add(Styles.KIND_COMPUTATION);
            }
            b.setTooltip(new Tooltip(messages.format("steps.tooltip", s.index() + 1, s.title())));
            b.setAccessibleText(messages.format("steps.tooltip", s.index() + 1, s.title()));
            b.setOnAction(e -> {
                jump.accept(s.index() + 1);
                update(); // a lesson may stay on its beat: the toggle must not keep the state its click gave it
            });
            buttons.add(b);
        }
        getChildren().setAll(buttons);
        update();
    }

    private void update() {
        int pos = vm.positionProperty().get();
        for (int i = 0; i < buttons.size(); i++) {
            ToggleButton b = buttons.get(i);
            b.setSelected(i == pos - 1);
            KnowledgeView.toggle(b, Styles.FUTURE, i >= pos);
        }
    }
}
