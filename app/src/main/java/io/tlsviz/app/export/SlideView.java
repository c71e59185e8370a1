package io.tlsviz.app.export;

import io.tlsviz.engine.ComputationStep;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;

/**
 * The picture of one slide at 1920x1080: a header with the title and the step, the sequence diagram of the
 * steps so far between the Client and Server lanes, and the three knowledge columns (Client, Eavesdropper,
 * Server).
 *
 * <p>Stand-in until the window's {@code DiagramView} and {@code KnowledgeView} are on this branch: a plain,
 * honest drawing from the engine's data, styled with the same theme classes.
 */
public final class SlideView extends BorderPane {
    static final double DIAGRAM_WIDTH = 920;
    static final double KNOWLEDGE_WIDTH = 900;
    private static final double HEADER_HEIGHT = 118;
    private static final double LANE_HEADER = 56;
    /** How many characters of a value's name fit a knowledge column at the normal size. */
    private static final int NAME_CHARS = 21;
    private static final double CLIENT_X = 90;
    private static final double SERVER_X = DIAGRAM_WIDTH - 90;
    private static final double BODY_HEIGHT = SlideRenderer.HEIGHT - HEADER_HEIGHT - 40;

    public SlideView(Trace trace, int stepsRevealed, String title, ExportTexts texts) {
        this(trace, stepsRevealed, title, List.of(), texts);
    }

    /** @param highlight secret names to highlight (a lesson beat's {@code highlight}) */
    public SlideView(Trace trace, int stepsRevealed, String title, List<String> highlight, ExportTexts texts) {
        SlideState state = new SlideState(trace, stepsRevealed, java.util.Set.copyOf(highlight));
        getStyleClass().add("slide");
        setPrefSize(SlideRenderer.WIDTH, SlideRenderer.HEIGHT);
        setTop(header(state, title, texts));
        HBox body = new HBox(24, diagram(state, texts), knowledge(state, texts));
        body.getStyleClass().add("slide-body");
        setCenter(body);
    }

    private static VBox header(SlideState state, String title, ExportTexts texts) {
        Label heading = new Label(title);
        heading.getStyleClass().add("slide-title");
        heading.setId("slide-title");
        Trace trace = state.trace();
        String step = texts.get("slide.step", state.revealed(), trace.steps().size());
        Label sub = new Label(step + "  \u00b7  " + StepSlideSource.protocolLabel(trace.protocol()) + "  \u00b7  "
                + trace.cipherSuite().ianaName());
        sub.getStyleClass().addAll("slide-subtitle", "muted");
        VBox header = new VBox(4, heading, sub);
        header.getStyleClass().add("slide-header");
        header.setPrefHeight(HEADER_HEIGHT);
        return header;
    }

    private static Pane diagram(SlideState state, ExportTexts texts) {
        Pane pane = new Pane();
        pane.getStyleClass().add("diagram");
        pane.setId("slide-diagram");
        pane.setPrefSize(DIAGRAM_WIDTH, BODY_HEIGHT);
        pane.setMinSize(DIAGRAM_WIDTH, BODY_HEIGHT);
        pane.setMaxSize(DIAGRAM_WIDTH, BODY_HEIGHT);

        Label client = laneLabel(StepSlideSource.partyName(Party.CLIENT, texts), "lane-client", CLIENT_X);
        Label server = laneLabel(StepSlideSource.partyName(Party.SERVER, texts), "lane-server", SERVER_X);
        Line clientLine = new Line(CLIENT_X, LANE_HEADER, CLIENT_X, BODY_HEIGHT - 8);
        clientLine.getStyleClass().add("lifeline-client");
        Line serverLine = new Line(SERVER_X, LANE_HEADER, SERVER_X, BODY_HEIGHT - 8);
        serverLine.getStyleClass().add("lifeline-server");
        pane.getChildren().addAll(clientLine, serverLine, client, server);

        int total = Math.max(1, state.trace().steps().size());
        double row = Math.min(52, (BODY_HEIGHT - LANE_HEADER - 16) / total);
        double font = Math.max(12, Math.min(24, row * 0.6));
        String fontStyle = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", font);
        int current = state.revealed() - 1;
        for (Step step : state.shown()) {
            double y = LANE_HEADER + 8 + step.index() * row + row / 2;
            Pane item = step instanceof MessageStep m ? arrow(m, y, row, fontStyle, texts) : badge((ComputationStep) step,
                    y, row, fontStyle);
            item.getStyleClass().add("arrow-row");
            if (step.index() == current) {
                item.getStyleClass().add("current");
            }
            if (step instanceof ComputationStep c && c.failed() || step instanceof MessageStep m && m.tampered()) {
                item.getStyleClass().add("failed");
            }
            pane.getChildren().add(item);
        }
        return pane;
    }

    private static Label laneLabel(String text, String styleClass, double x) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClass, "slide-lane");
        label.setAlignment(Pos.CENTER);
        label.setPrefWidth(200);
        label.setLayoutX(x - 100);
        label.setLayoutY(6);
        return label;
    }

    private static Pane arrow(MessageStep step, double y, double row, String fontStyle, ExportTexts texts) {
        boolean fromClient = step.from() == Party.CLIENT;
        String from = fromClient ? "from-client" : "from-server";
        double x1 = fromClient ? CLIENT_X : SERVER_X;
        double x2 = fromClient ? SERVER_X : CLIENT_X;
        double lineY = y + row * 0.30;
        double tip = fromClient ? -1 : 1;
        Line line = new Line(x1, lineY, x2 + tip * 12, lineY);
        line.getStyleClass().addAll("arrow-line", from);
        Polygon head = new Polygon(x2, lineY, x2 + tip * 18, lineY - 9, x2 + tip * 18, lineY + 9);
        head.getStyleClass().addAll("arrow-head", from);
        Text text = new Text(step.title() + (step.encrypted() ? "  " + texts.get("diagram.encrypted") : ""));
        text.getStyleClass().add("arrow-label");
        text.setStyle(fontStyle);
        HBox label = new HBox(text);
        label.setAlignment(Pos.BOTTOM_CENTER);
        label.setLayoutX(CLIENT_X);
        label.setLayoutY(lineY - row * 0.9);
        label.setPrefSize(SERVER_X - CLIENT_X, row * 0.9 - 4);
        Pane item = new Pane(line, head, label);
        item.setId("step-" + step.name());
        return item;
    }

    private static Pane badge(ComputationStep step, double y, double row, String fontStyle) {
        boolean client = step.party() == Party.CLIENT;
        Label label = new Label(step.title());
        label.getStyleClass().addAll("computation-badge", client ? "on-client" : "on-server");
        label.setStyle(fontStyle + "-fx-padding: 0 10 0 10;");
        label.setMinHeight(row - 6);
        label.setPrefHeight(row - 6);
        HBox box = new HBox(label);
        box.setAlignment(client ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        box.setLayoutX(CLIENT_X + 12);
        box.setLayoutY(y - row / 2 + 3);
        box.setPrefSize(SERVER_X - CLIENT_X - 24, row - 6);
        Pane item = new Pane(box);
        item.setId("step-" + step.name());
        return item;
    }

    private static VBox knowledge(SlideState state, ExportTexts texts) {
        Label title = new Label(texts.get("knowledge.title"));
        title.getStyleClass().add("narration-title");
        Map<Party, List<Secret>> known = state.knowledge();
        HBox columns = new HBox(10,
                column(Party.CLIENT, "client", known, state, texts),
                column(Party.EAVESDROPPER, "wire", known, state, texts),
                column(Party.SERVER, "server", known, state, texts));
        VBox panel = new VBox(10, title, columns);
        panel.setId("slide-knowledge");
        panel.getStyleClass().add("slide-knowledge");
        panel.setPrefWidth(KNOWLEDGE_WIDTH);
        panel.setMinWidth(KNOWLEDGE_WIDTH);
        VBox.setVgrow(columns, Priority.ALWAYS);
        return panel;
    }

    private static VBox column(Party party, String styleClass, Map<Party, List<Secret>> known, SlideState state,
            ExportTexts texts) {
        Label heading = new Label(StepSlideSource.partyName(party, texts));
        heading.getStyleClass().addAll("lane-" + styleClass, "slide-column-title");
        VBox column = new VBox(heading);
        column.getStyleClass().addAll("knowledge-column", styleClass);
        column.setId("knowledge-" + party.id());
        double width = (KNOWLEDGE_WIDTH - 20) / 3;
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setMaxWidth(width);
        List<Secret> values = known.get(party);
        if (values.isEmpty()) {
            Label none = new Label(texts.get("knowledge.nothing"));
            none.getStyleClass().add("muted");
            column.getChildren().add(none);
            return column;
        }
        boolean compact = values.size() > 12;
        int room = compact ? 24 : 12;
        int shownCount = values.size() > room ? room - 1 : values.size();
        for (Secret s : values.subList(0, shownCount)) {
            column.getChildren().add(value(s, state, compact));
        }
        if (shownCount < values.size()) {
            Label more = new Label(texts.get("knowledge.more", values.size() - shownCount));
            more.getStyleClass().add("muted");
            column.getChildren().add(more);
        }
        return column;
    }

    private static VBox value(Secret secret, SlideState state, boolean compact) {
        Label name = new Label(secret.name());
        name.getStyleClass().add("value-name");
        if (secret.name().length() > NAME_CHARS) {
            // Long names (encrypted_premaster_secret) shrink to fit the column rather than being cut.
            name.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;",
                    20.0 * NAME_CHARS / secret.name().length()));
        }
        VBox box = new VBox(name);
        if (!compact) {
            String hex = secret.hex();
            Label value = new Label(hex.length() > 20 ? hex.substring(0, 20) + "\u2026" : hex);
            value.getStyleClass().addAll("hex", "muted");
            box.getChildren().add(value);
        }
        box.getStyleClass().add("knowledge-value");
        if (!secret.isKnownBy(Party.EAVESDROPPER)) {
            box.getStyleClass().add("secret");
        }
        if (state.revealedNow().contains(secret.name())) {
            box.getStyleClass().add("new-value");
        }
        if (state.highlight().contains(secret.name())) {
            box.getStyleClass().add("input-highlight");
        }
        return box;
    }

    /** A plain description of the picture, for alt text: the step and who knows what. */
    static String altText(Trace trace, int stepsRevealed, ExportTexts texts) {
        SlideState state = new SlideState(trace, stepsRevealed, java.util.Set.of());
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
