package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.ClassroomViewModel;
import io.tlsviz.engine.ComputationStep;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;

/**
 * The sequence diagram: client lane left, server lane right, the wire between. Past messages stay as
 * arrows down the page; the newest one is carried across by an envelope. Computations are badges on the
 * side that computes. Constructible on its own from a {@link ClassroomViewModel} (slide export uses it).
 */
public final class DiagramView extends BorderPane {
    /** How long the envelope takes to cross; zero turns the animation off. */
    public static final Duration DEFAULT_ANIMATION = Duration.millis(600);
    private static final double CLIENT_X = 0.1;
    private static final double SERVER_X = 0.9;

    private final ClassroomViewModel vm;
    private final Messages messages;
    private final VBox rows = new VBox();
    private final ScrollPane scroll = Scrolling.pane(rows);
    private final ObjectProperty<Duration> animationDuration = new SimpleObjectProperty<>(DEFAULT_ANIMATION);
    private final List<Row> rowNodes = new ArrayList<>();
    /** In a picture ({@link #frameForPicture}): the steps above the first row shown, by name; else hidden. */
    private final Label earlier = new Label();
    private final HBox laneHeader;
    private List<Step> shownSteps = List.of();
    private Timeline running;
    /** The row whose envelope is in flight, landed at once when the next step comes before it arrives. */
    private MessageRow flying;

    public DiagramView(ClassroomViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        setId("diagram");
        getStyleClass().add(Styles.DIAGRAM);
        earlier.setId("diagram-earlier");
        earlier.getStyleClass().addAll(Styles.MUTED, Styles.PICTURE_SUMMARY);
        earlier.setMaxWidth(Double.MAX_VALUE);
        earlier.setVisible(false);
        earlier.setManaged(false);
        laneHeader = header();
        setTop(new VBox(laneHeader, earlier));
        rows.getStyleClass().add(Styles.DIAGRAM);
        rows.setFillWidth(true);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add(Styles.DIAGRAM);
        setCenter(scroll);
        vm.steps().addListener((javafx.collections.ListChangeListener<Step>) c -> rebuild());
        vm.selectedStepProperty().addListener((o, was, now) -> updateSelection());
        // Keep the newest step in view once the new rows have their height.
        rows.heightProperty().addListener((o, was, now) -> scroll.setVvalue(scroll.getVmax()));
        rebuild();
    }

    /** Envelope travel time; set to {@link Duration#ZERO} for reduced motion or tests. */
    public ObjectProperty<Duration> animationDurationProperty() {
        return animationDuration;
    }

    private HBox header() {
        Circle clientIcon = new Circle(8);
        clientIcon.getStyleClass().add(Styles.LANE_ICON_CLIENT);
        Label client = new Label(messages.get("diagram.client"), clientIcon);
        client.getStyleClass().add(Styles.LANE_CLIENT);
        client.setId("lane-client");
        Rectangle serverIcon = new Rectangle(15, 15);
        serverIcon.getStyleClass().add(Styles.LANE_ICON_SERVER);
        Label server = new Label(messages.get("diagram.server"), serverIcon);
        server.getStyleClass().add(Styles.LANE_SERVER);
        server.setId("lane-server");
        Label wire = new Label(messages.get("diagram.wire"));
        wire.getStyleClass().add(Styles.LANE_WIRE);
        Region l = new Region();
        Region r = new Region();
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox.setHgrow(r, Priority.ALWAYS);
        HBox box = new HBox(client, l, wire, r, server);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add(Styles.LANE_HEADER);
        return box;
    }

    private void rebuild() {
        List<Step> steps = vm.steps();
        boolean forward = steps.size() > shownSteps.size() && isPrefix(shownSteps, steps);
        boolean oneForward = forward && steps.size() == shownSteps.size() + 1;
        if (running != null) {
            running.stop(); // stop() skips onFinished: land the envelope here, or it stays on the arrow
            running = null;
        }
        if (flying != null) {
            flying.land();
            flying = null;
        }
        if (!rowNodes.isEmpty()) {
            rowNodes.get(rowNodes.size() - 1).getStyleClass().remove(Styles.CURRENT);
        }
        if (forward) {
            // Next (or a jump ahead): keep the rows already drawn and add the new ones; a full rebuild costs a
            // frame on the software pipeline.
            for (Step s : steps.subList(shownSteps.size(), steps.size())) {
                Row row = s instanceof MessageStep m ? new MessageRow(m) : new ComputationRow((ComputationStep) s);
                rowNodes.add(row);
                rows.getChildren().add(row);
            }
        } else {
            rowNodes.clear();
            for (Step s : steps) {
                rowNodes.add(s instanceof MessageStep m ? new MessageRow(m) : new ComputationRow((ComputationStep) s));
            }
            rows.getChildren().setAll(rowNodes);
        }
        shownSteps = List.copyOf(steps);
        updateSelection();
        if (!rowNodes.isEmpty()) {
            Row last = rowNodes.get(rowNodes.size() - 1);
            last.getStyleClass().add(Styles.CURRENT);
            if (oneForward && last instanceof MessageRow m && animationDuration.get().greaterThan(Duration.ZERO)) {
                running = m.animate(animationDuration.get());
                flying = m;
            }
            scroll.setVvalue(scroll.getVmax());
        }
    }

    /**
     * Frames the diagram for a picture, which cannot be scrolled: the newest rows that fit wholly, from the top of
     * the view down, and above them one line naming the messages of the steps left out ("6 earlier steps:
     * ClientHello, ServerHello, ..."), so that no row is cut at the top edge. Everything shows again when it fits.
     * Lays the view out itself; it must have its size (be in a laid-out scene).
     *
     * @return the height of what it shows: the rest of its height is empty below the newest row
     */
    public double frameForPicture() {
        for (Row r : rowNodes) {
            show(r, true);
        }
        show(earlier, false);
        layout();
        double width = rows.getWidth();
        if (rowsHeight(rowNodes, width) <= scroll.getViewportBounds().getHeight() + 0.5) {
            scroll.setVvalue(scroll.getVmin());
            return fullHeight(width);
        }
        earlier.setText(messages.format("diagram.earlier", rowNodes.size(), ""));
        show(earlier, true);
        layout();
        double room = scroll.getViewportBounds().getHeight() + 0.5;
        int first = rowNodes.size() - 1; // the newest row is shown even when it alone is too high
        while (first > 0 && rowsHeight(rowNodes.subList(first - 1, rowNodes.size()), width) <= room) {
            first--;
        }
        List<String> left = new ArrayList<>();
        for (Row r : rowNodes.subList(0, first)) {
            show(r, false);
            if (r instanceof MessageRow m) {
                left.add(vm.stepTitle(m.step));
            }
        }
        earlier.setText(messages.format("diagram.earlier", first, String.join(", ", left)));
        layout();
        scroll.setVvalue(scroll.getVmin());
        return laneHeader.prefHeight(width) + snappedTopInset() + snappedBottomInset() + earlier.prefHeight(width)
                + rowsHeight(rowNodes.subList(first, rowNodes.size()), width);
    }

    /** The height at which every row shows, at {@code width}: the most a picture needs to give the diagram. */
    public double fullHeight(double width) {
        return laneHeader.prefHeight(width) + snappedTopInset() + snappedBottomInset() + rowsHeight(rowNodes, width);
    }

    /**
     * The height at which the newest row shows whole under the line naming the steps above it, at {@code width}:
     * the least a picture can give the diagram.
     */
    public double leastHeight(double width) {
        if (rowNodes.size() < 2) {
            return fullHeight(width);
        }
        earlier.setText(messages.format("diagram.earlier", rowNodes.size(), ""));
        return laneHeader.prefHeight(width) + snappedTopInset() + snappedBottomInset() + earlier.prefHeight(width)
                + rowsHeight(rowNodes.subList(rowNodes.size() - 1, rowNodes.size()), width);
    }

    private static double rowsHeight(List<Row> shown, double width) {
        double sum = 0;
        for (Row r : shown) {
            sum += r.prefHeight(width);
        }
        return sum;
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** True when {@code longer} starts with exactly the same step objects as {@code shorter} (no replay between). */
    private static boolean isPrefix(List<Step> shorter, List<Step> longer) {
        for (int i = 0; i < shorter.size(); i++) {
            if (shorter.get(i) != longer.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void updateSelection() {
        Step sel = vm.selectedStepProperty().get();
        for (Row r : rowNodes) {
            boolean on = sel != null && r.index == sel.index();
            if (on) {
                if (!r.getStyleClass().contains(Styles.SELECTED)) {
                    r.getStyleClass().add(Styles.SELECTED);
                }
            } else {
                r.getStyleClass().remove(Styles.SELECTED);
            }
        }
    }

    private String partyName(Party p) {
        return messages.get("party." + p.id());
    }

    /** One step: the lifelines through it, plus an arrow or a badge. */
    private abstract class Row extends Region {
        final int index;
        final Line clientLife = new Line();
        final Line serverLife = new Line();

        Row(Step step) {
            this.index = step.index();
            getStyleClass().add(Styles.ARROW_ROW);
            setId("step-" + step.name());
            clientLife.getStyleClass().add(Styles.LIFELINE_CLIENT);
            serverLife.getStyleClass().add(Styles.LIFELINE_SERVER);
            getChildren().addAll(clientLife, serverLife);
            setAccessibleRole(AccessibleRole.BUTTON);
            setOnMouseClicked(e -> vm.select(index));
        }

        double clientX() {
            return snapPositionX(getWidth() * CLIENT_X);
        }

        double serverX() {
            return snapPositionX(getWidth() * SERVER_X);
        }

        void layoutLifelines() {
            double h = getHeight();
            clientLife.setStartX(clientX());
            clientLife.setEndX(clientX());
            clientLife.setEndY(h);
            serverLife.setStartX(serverX());
            serverLife.setEndX(serverX());
            serverLife.setEndY(h);
        }
    }

    private final class MessageRow extends Row {
        private final MessageStep step;
        private final Label label;
        private final Line line = new Line();
        private final Polygon head = new Polygon(0, 0, -14, -7, -14, 7);
        private final DoubleProperty progress = new SimpleDoubleProperty(-1);
        private Label envelope;

        MessageRow(MessageStep step) {
            super(step);
            this.step = step;
            String dir = step.from() == Party.CLIENT ? Styles.FROM_CLIENT : Styles.FROM_SERVER;
            getStyleClass().add(dir);
            line.getStyleClass().addAll(Styles.ARROW_LINE, dir);
            head.getStyleClass().addAll(Styles.ARROW_HEAD, dir);
            label = new Label(messages.format("diagram.message", vm.stepTitle(step), step.size()));
            label.getStyleClass().add(Styles.ARROW_LABEL);
            if (step.encrypted()) {
                label.setGraphic(lock());
            }
            if (step.tampered()) {
                getStyleClass().add(Styles.TAMPERED);
            }
            if ("Alert".equals(step.messageType())) {
                getStyleClass().add(Styles.FAILED);
            }
            getChildren().addAll(line, head, label);
            setAccessibleText(messages.format("diagram.accessible.message", step.index() + 1, vm.stepTitle(step),
                    partyName(step.from()), partyName(step.to()), step.size(),
                    step.encrypted() ? messages.get("diagram.accessible.encrypted") : ""));
            LazyTooltip.install(this, () -> new Tooltip(vm.stepMeaning(step)));
            progress.addListener((o, a, b) -> requestLayout());
        }

        Timeline animate(Duration d) {
            envelope = new Label(vm.stepTitle(step));
            envelope.getStyleClass().add(Styles.ENVELOPE);
            envelope.setId("envelope");
            if (step.encrypted()) {
                envelope.setGraphic(lock());
            }
            envelope.setMouseTransparent(true);
            getChildren().add(envelope);
            progress.set(0);
            Timeline t = new Timeline(new KeyFrame(d, new KeyValue(progress, 1, Interpolator.EASE_BOTH)));
            t.setOnFinished(e -> land());
            t.play();
            return t;
        }

        /** The envelope has arrived (or the next step came first): only the arrow stays. */
        void land() {
            if (envelope != null) {
                getChildren().remove(envelope);
                envelope = null;
            }
            progress.set(-1);
        }

        @Override
        protected double computePrefHeight(double width) {
            return label.prefHeight(-1) * 2 + 12;
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            layoutLifelines();
            double h = getHeight();
            double from = step.from() == Party.CLIENT ? clientX() : serverX();
            double to = step.from() == Party.CLIENT ? serverX() : clientX();
            double y = snapPositionY(h * 0.72);
            line.setStartX(from);
            line.setStartY(y);
            line.setEndX(to);
            line.setEndY(y);
            head.setLayoutX(to);
            head.setLayoutY(y);
            head.setScaleX(to > from ? 1 : -1);
            double lw = label.prefWidth(-1);
            double lh = label.prefHeight(-1);
            label.resizeRelocate(snapPositionX((getWidth() - lw) / 2), snapPositionY(y - lh - 4), lw, lh);
            if (envelope != null && progress.get() >= 0) {
                double ew = envelope.prefWidth(-1);
                double eh = envelope.prefHeight(-1);
                double x = from + (to - from) * progress.get();
                envelope.resizeRelocate(snapPositionX(x - ew / 2), snapPositionY(y - eh / 2), ew, eh);
            }
        }
    }

    private final class ComputationRow extends Row {
        private final ComputationStep step;
        private final Label badge;
        /** The badge width the cached height was measured for; NaN when it must be measured again. */
        private double heightFor = Double.NaN;
        private double height;

        ComputationRow(ComputationStep step) {
            super(step);
            this.step = step;
            boolean client = step.party() == Party.CLIENT;
            String formula = vm.computationFormula(step);
            String title = vm.stepTitle(step);
            String meaning = vm.stepMeaning(step);
            badge = new Label(formula.isEmpty() ? title : title + "\n" + formula);
            badge.setWrapText(true);
            badge.getStyleClass().addAll(Styles.COMPUTATION_BADGE, client ? Styles.ON_CLIENT : Styles.ON_SERVER);
            if (step.failed()) {
                getStyleClass().add(Styles.FAILED);
                badge.getStyleClass().add(Styles.FAILED);
            }
            getChildren().add(badge);
            String names = step.values().stream().map(Secret::name).collect(Collectors.joining(", "));
            setAccessibleText(messages.format("diagram.accessible.computation", step.index() + 1,
                    partyName(step.party()), names.isEmpty() ? title : names, meaning));
            LazyTooltip.install(this, () -> {
                Tooltip t = new Tooltip(meaning);
                t.setWrapText(true);
                t.setMaxWidth(600);
                return t;
            });
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        private double badgeWidth(double width) {
            double max = (width > 0 ? width : 800) * 0.55;
            return Math.min(badge.prefWidth(-1), max);
        }

        @Override
        protected double computePrefHeight(double width) {
            double bw = badgeWidth(width > 0 ? width : getWidth());
            if (bw != heightFor) {
                // A wrapped label lays its text out again on every prefHeight(width) call, and the rows' VBox
                // asks several times a pulse: this was a quarter of all the window allocated while stepping.
                heightFor = bw;
                height = badge.prefHeight(bw) + 10;
            }
            return height;
        }

        /** Text, font or padding of the badge changed (it asks its parent for a layout): measure again. */
        @Override
        public void requestLayout() {
            heightFor = Double.NaN;
            super.requestLayout();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            layoutLifelines();
            double bw = badgeWidth(getWidth());
            double bh = badge.prefHeight(bw);
            double x = step.party() == Party.CLIENT ? clientX() + 8 : serverX() - 8 - bw;
            badge.resizeRelocate(snapPositionX(x), 5, bw, bh);
        }
    }

    private static SVGPath lock() {
        SVGPath p = new SVGPath();
        // A padlock: shackle and body, 12 x 14.
        p.setContent("M3 6 V4 A3 3 0 0 1 9 4 V6 H10.5 V14 H1.5 V6 Z M4.5 6 H7.5 V4 A1.5 1.5 0 0 0 4.5 4 Z");
        p.getStyleClass().add(Styles.LOCK);
        return p;
    }
}
