package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.KnowledgeItem;
import io.tlsviz.app.viewmodel.KnowledgeViewModel;
import io.tlsviz.engine.Party;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/**
 * Who knows what: Client | Eavesdropper on the wire | Server. Each value shows its name, short hex (the
 * whole value on hover, a copy action), formula and proof; selecting one highlights its inputs.
 * Constructible on its own from a {@link KnowledgeViewModel} (slide export uses it).
 */
public final class KnowledgeView extends HBox {
    private static final Party[] ORDER = {Party.CLIENT, Party.EAVESDROPPER, Party.SERVER};
    private final KnowledgeViewModel vm;
    private final Messages messages;
    private final Map<Party, VBox> lists = new EnumMap<>(Party.class);
    private final Map<Party, ScrollPane> panes = new EnumMap<>(Party.class);
    private final Map<Party, VBox> columns = new EnumMap<>(Party.class);
    private final Map<Party, Runnable> reveals = new EnumMap<>(Party.class);
    /** In a picture ({@link #frameForPicture}): the values a column leaves out, by name; else hidden. */
    private final Map<Party, Label> more = new EnumMap<>(Party.class);
    private final List<Label> headers = new ArrayList<>();

    public KnowledgeView(KnowledgeViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        setId("knowledge");
        getStyleClass().add(Styles.KNOWLEDGE);
        setSpacing(8);
        for (Party p : ORDER) {
            VBox list = new VBox();
            list.setSpacing(6);
            list.setFillWidth(true);
            lists.put(p, list);
            ScrollPane sp = Scrolling.pane(list);
            panes.put(p, sp);
            sp.setFitToWidth(true);
            sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            sp.setFocusTraversable(false);
            VBox.setVgrow(sp, Priority.ALWAYS);
            Label header = header(p);
            headers.add(header);
            Label left = new Label();
            left.setId("knowledge-more-" + p.id());
            left.getStyleClass().addAll(Styles.MUTED, Styles.PICTURE_SUMMARY);
            left.setMinWidth(0);
            show(left, false);
            more.put(p, left);
            VBox column = new VBox(header, left, sp);
            column.setId("knowledge-" + p.id());
            columns.put(p, column);
            column.getStyleClass().addAll(Styles.KNOWLEDGE_COLUMN, columnClass(p));
            column.setMinWidth(0);
            column.setPrefWidth(100);
            HBox.setHgrow(column, Priority.ALWAYS);
            getChildren().add(column);
            vm.column(p).addListener((ListChangeListener<KnowledgeItem>) c -> rebuild(p));
            rebuild(p);
        }
        vm.highlightedNames().addListener((SetChangeListener<String>) c -> updateHighlights());
        vm.selectedProperty().addListener((o, a, b) -> updateHighlights());
        vm.lessonHighlights().addListener((SetChangeListener<String>) c -> updateHighlights());
    }

    /**
     * The three headers are as high as the highest: when "Eavesdropper sees" wraps onto two lines
     * (large type), the other columns' values start at the same height instead of a line higher.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren(); // the columns get their widths first: a header's height depends on its width
        double highest = 0;
        for (Label h : headers) {
            highest = Math.max(highest, h.prefHeight(h.getWidth()));
        }
        boolean changed = false;
        for (Label h : headers) {
            if (h.getMinHeight() != highest) {
                h.setMinHeight(highest);
                changed = true;
            }
        }
        if (changed) {
            super.layoutChildren();
        }
    }

    private static String columnClass(Party p) {
        return switch (p) {
            case CLIENT -> Styles.COLUMN_CLIENT;
            case EAVESDROPPER -> Styles.COLUMN_WIRE;
            case SERVER -> Styles.COLUMN_SERVER;
        };
    }

    private Label header(Party p) {
        Node icon = switch (p) {
            case CLIENT -> styled(new Circle(8), Styles.LANE_ICON_CLIENT);
            case SERVER -> styled(new Rectangle(15, 15), Styles.LANE_ICON_SERVER);
            case EAVESDROPPER -> styled(eye(), "lane-icon-wire");
        };
        Label l = new Label(messages.get("knowledge." + p.id()), icon);
        l.getStyleClass().addAll(Styles.KNOWLEDGE_HEADER, switch (p) {
            case CLIENT -> Styles.LANE_CLIENT;
            case EAVESDROPPER -> Styles.LANE_WIRE;
            case SERVER -> Styles.LANE_SERVER;
        });
        l.setWrapText(true); // onto two lines rather than cut when the column is narrow; see layoutChildren
        l.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        return l;
    }

    private static Node styled(Node n, String styleClass) {
        n.getStyleClass().add(styleClass);
        return n;
    }

    private static SVGPath eye() {
        SVGPath p = new SVGPath();
        p.setContent("M0 7 Q8 -2 16 7 Q8 16 0 7 Z M8 4 A3 3 0 1 0 8.01 4 Z");
        return p;
    }

    /**
     * Brings the column up to date by keeping the nodes of the values that did not change (a column only grows
     * as the handshake goes on, and on Back it shrinks) and building only the rest: on the software pipeline
     * every rebuilt node costs CSS, layout and paint on each Next.
     */
    private void rebuild(Party p) {
        javafx.collections.ObservableList<Node> shown = lists.get(p).getChildren();
        List<KnowledgeItem> items = vm.column(p);
        if (items.isEmpty()) {
            Label empty = new Label(messages.get("knowledge.empty"));
            empty.getStyleClass().add(Styles.MUTED);
            shown.setAll(empty);
            updateHighlights();
            return;
        }
        ScrollPane pane = panes.get(p);
        // Scrolled to its end (as after a reveal of the newest value): the end stays in view when a value there is
        // rebuilt taller or shorter (its "new" mark goes at the next step), instead of the pane keeping its offset
        // and cutting the newest value off below.
        boolean atEnd = pane.getVvalue() >= pane.getVmax();
        int same = 0;
        while (same < items.size() && same < shown.size()
                && items.get(same).equals(shown.get(same).getProperties().get(KnowledgeItem.class))) {
            same++;
        }
        shown.remove(same, shown.size());
        List<Node> added = new ArrayList<>(items.size() - same);
        for (int i = same; i < items.size(); i++) {
            added.add(valueNode(items.get(i)));
        }
        shown.addAll(added);
        updateHighlights();
        List<Node> fresh = added.stream().filter(n -> n.getStyleClass().contains(Styles.NEW_VALUE)).toList();
        if (!fresh.isEmpty()) {
            revealAfterLayout(p, fresh.get(0), fresh.get(fresh.size() - 1));
        } else if (atEnd && !added.isEmpty()) {
            Node last = shown.get(shown.size() - 1);
            revealAfterLayout(p, last, last);
        }
    }

    private Node valueNode(KnowledgeItem item) {
        Label name = new Label(item.name());
        // A name has no space to wrap at; when the column is too narrow for it (the projector theme's large type),
        // cut it in the middle so both ends stay: ..._write_key and ..._write_iv must not look the same.
        name.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        name.getStyleClass().add(Styles.VALUE_NAME);
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(6, 2, name);
        if (item.isNew()) {
            Label tag = new Label(messages.get("knowledge.new"));
            tag.getStyleClass().add(Styles.VALUE_TAG);
            top.getChildren().add(tag);
        }
        if (item.proven()) {
            Label proven = new Label(messages.get("knowledge.proven"));
            proven.getStyleClass().add(Styles.PROVEN);
            proven.setId("proven-" + item.party().id() + "-" + item.name());
            top.getChildren().add(proven);
        }
        Label hex = new Label(item.shortHex());
        hex.getStyleClass().addAll(Styles.HEX, Styles.MONO);
        // Too wide for the column (large type, a small screen, a slide): cut in the middle, as the shortened form
        // already is, so the value's last bytes stay readable instead of both ends being lost to "...".
        hex.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        hex.setEllipsisString("\u2026");
        hex.setMinWidth(0);
        name.setMinWidth(0);
        VBox box = new VBox(2, top, hex);
        name.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> box.getWidth() - box.snappedLeftInset() - box.snappedRightInset(), box.widthProperty(),
                box.insetsProperty()));
        if (!item.formula().isEmpty()) {
            // "name = f(...)" under the name reads as "= f(...)": the name is right above, and a narrow column
            // has no room to say it twice.
            String equation = item.name() + " = ";
            Label formula = new Label(item.formula().startsWith(equation)
                    ? "=\u00a0" + item.formula().substring(equation.length())
                    : messages.format("knowledge.formula", item.formula()));
            formula.getStyleClass().add(Styles.FORMULA);
            formula.setWrapText(true);
            formula.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(formula);
        }
        box.setId("kv-" + item.party().id() + "-" + item.name());
        box.getProperties().put(KnowledgeItem.class, item);
        box.getStyleClass().add(Styles.KNOWLEDGE_VALUE);
        box.setMinWidth(0);
        if (item.secret()) {
            box.getStyleClass().add(Styles.SECRET);
        }
        if (item.isNew()) {
            box.getStyleClass().add(Styles.NEW_VALUE);
        }
        box.setPadding(new Insets(4, 6, 4, 6));
        box.setFocusTraversable(true);
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText(messages.format("knowledge.accessible", item.name(),
                messages.get("party." + item.party().id()), item.size(), item.hex(), item.formula()));
        LazyTooltip.install(box, () -> {
            // A proven value says what "proven" means: a student who asks gets the answer where the word is.
            Tooltip tip = new Tooltip(messages.format("knowledge.tooltip", item.name(), item.size(),
                    wrapHex(item.hex()), item.formula())
                    + (item.proven() ? "\n\n" + messages.get("knowledge.proven.help") : ""));
            tip.getStyleClass().add(Styles.MONO);
            return tip;
        });
        // The menu opens on the right button's click, the same on every platform and under the headless test
        // toolkit, which sends no menu event for a mouse; the toolkit's menu event opens it from the keyboard
        // (the Menu key, Shift+F10). The right button never changes the selection.
        box.setOnContextMenuRequested(e -> {
            if (e.isKeyboardTrigger()) {
                javafx.geometry.Bounds b = box.localToScreen(box.getLayoutBounds());
                showCopyMenu(box, item, b.getMinX() + 12, b.getMinY() + 12);
            }
            e.consume();
        });
        box.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                showCopyMenu(box, item, e.getScreenX(), e.getScreenY());
                return;
            }
            if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
                return;
            }
            box.requestFocus();
            vm.selectedProperty().set(item.equals(vm.selectedProperty().get()) ? null : item);
        });
        box.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copy(item);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                vm.selectedProperty().set(item);
                e.consume();
            }
        });
        return box;
    }

    private void showCopyMenu(Region box, KnowledgeItem item, double screenX, double screenY) {
        MenuItem copy = new MenuItem(messages.get("knowledge.copy"));
        copy.setId("copy-value");
        copy.setOnAction(a -> copy(item));
        new ContextMenu(copy).show(box, screenX, screenY);
    }

    /**
     * Scrolls a column, once it has been laid out, so that the values it just learned are in view: the class must
     * see a value appear at the step it is learned, also when the column is longer than the screen. When they do
     * not all fit, the step's point is shown ({@link #revealTheStepsPoint}).
     */
    private void revealAfterLayout(Party p, Node first, Node last) {
        javafx.scene.Scene scene = getScene();
        if (scene == null) {
            // Built before it is shown (a window rebuilt in another language): reveal once it has a scene.
            sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                        javafx.scene.Scene was, javafx.scene.Scene now) {
                    if (now != null) {
                        sceneProperty().removeListener(this);
                        revealAfterLayout(p, first, last);
                    }
                }
            });
            return;
        }
        VBox list = lists.get(p);
        Runnable earlier = reveals.remove(p);
        if (earlier != null) {
            scene.removePostLayoutPulseListener(earlier);
        }
        // A new value can take two layout passes to settle (a wrapped formula, a name cut to the column's width),
        // so the reveal runs after each of the next three layouts, asking for those pulses itself: it is over
        // within three frames and never lingers to undo a scroll the user makes later.
        Runnable reveal = new Runnable() {
            private int passes;

            @Override
            public void run() {
                boolean attached = first.getParent() == list && last.getParent() == list;
                if (attached) {
                    revealTheStepsPoint(panes.get(p), list, first, last);
                }
                if (++passes >= 3 || !attached) {
                    scene.removePostLayoutPulseListener(this);
                    reveals.remove(p, this);
                } else {
                    javafx.application.Platform.requestNextPulse();
                }
            }
        };
        reveals.put(p, reveal);
        scene.addPostLayoutPulseListener(reveal);
        javafx.application.Platform.requestNextPulse();
    }

    /**
     * Frames each column for a picture, which cannot be scrolled: every value shown is shown whole, and what does
     * not fit is named instead of cut, even a new value in a column too low for it. When a column's values do not
     * all fit, as many as fit are shown, in the column's order: first its new values and then those named in
     * {@code keep}, each whole where it fits and else without its formula (name and value stay); then the latest
     * others without their formula. One line at the column's top names those left out ("3 more: client_random,
     * ...").
     * Lays the view out itself; it must have its size (be in a laid-out scene).
     */
    public void frameForPicture(java.util.Collection<String> keep) {
        showAll();
        for (Party p : ORDER) {
            frame(p, keep);
        }
        layout();
    }

    /**
     * The height the columns need in a picture to show their new values and those named in {@code keep} whole,
     * with the line naming the others: what {@link #frameForPicture} shows when it has that height. At the width
     * the view has now; lays the view out itself.
     */
    public double pictureHeight(java.util.Collection<String> keep) {
        showAll();
        double most = 0;
        for (Party p : ORDER) {
            VBox column = columns.get(p);
            List<Node> cards = cards(p);
            List<Node> wanted = cards.stream().filter(n -> isWanted(n, keep)).toList();
            double width = lists.get(p).getWidth();
            double need = column.snappedTopInset() + column.snappedBottomInset() + headers.get(0).getHeight()
                    + column.getSpacing() + height(wanted, lists.get(p), width);
            if (wanted.size() < cards.size()) {
                need += more.get(p).prefHeight(width) + column.getSpacing();
            }
            most = Math.max(most, need);
        }
        return most + snappedTopInset() + snappedBottomInset();
    }

    private static boolean isWanted(Node card, java.util.Collection<String> keep) {
        return card.getStyleClass().contains(Styles.NEW_VALUE)
                || keep.contains(((KnowledgeItem) card.getProperties().get(KnowledgeItem.class)).name());
    }

    /** Every value whole and no line naming values left out, as in the window. */
    private void showAll() {
        for (Party p : ORDER) {
            for (Node card : cards(p)) {
                show(card, true);
                card.lookupAll("." + Styles.FORMULA).forEach(f -> show(f, true));
            }
            show(more.get(p), false);
        }
        layout();
    }

    private List<Node> cards(Party p) {
        return lists.get(p).getChildren().stream()
                .filter(n -> n.getProperties().get(KnowledgeItem.class) instanceof KnowledgeItem).toList();
    }

    private void frame(Party p, java.util.Collection<String> keep) {
        ScrollPane sp = panes.get(p);
        VBox list = lists.get(p);
        List<Node> cards = cards(p);
        double width = list.getWidth();
        double room = sp.getViewportBounds().getHeight() + 0.5;
        sp.setVvalue(sp.getVmin());
        if (cards.isEmpty() || height(cards, list, width) <= room) {
            return;
        }
        Label left = more.get(p);
        left.setText(messages.format("knowledge.more", cards.size(), ""));
        show(left, true);
        layout();
        room = sp.getViewportBounds().getHeight() + 0.5;
        // The new values, then those in keep (the latest first), each whole if it fits, else without its formula;
        // then the others without their formula, the latest first: as many as fit.
        List<Node> fresh = cards.stream().filter(n -> n.getStyleClass().contains(Styles.NEW_VALUE)).toList();
        List<Node> order = new ArrayList<>(fresh);
        for (int i = cards.size() - 1; i >= 0; i--) {
            if (!fresh.contains(cards.get(i)) && isWanted(cards.get(i), keep)) {
                order.add(cards.get(i));
            }
        }
        int wanted = order.size();
        for (int i = cards.size() - 1; i >= 0; i--) {
            if (!order.contains(cards.get(i))) {
                order.add(cards.get(i));
            }
        }
        List<Node> chosen = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Node card = order.get(i);
            if (i >= wanted || !fits(card, chosen, list, width, room)) {
                card.lookupAll("." + Styles.FORMULA).forEach(f -> show(f, false));
            }
            if (fits(card, chosen, list, width, room)) {
                chosen.add(card);
            }
        }
        List<String> names = new ArrayList<>();
        for (Node card : cards) {
            boolean shown = chosen.contains(card);
            show(card, shown);
            if (!shown) {
                card.lookupAll("." + Styles.FORMULA).forEach(f -> show(f, true)); // left out whole, as it is
                names.add(((KnowledgeItem) card.getProperties().get(KnowledgeItem.class)).name());
            }
        }
        left.setText(messages.format("knowledge.more", names.size(), String.join(", ", names)));
        show(left, !names.isEmpty());
        sp.setVvalue(sp.getVmin());
    }

    /** Whether {@code card} fits {@code room} with those {@code chosen} before it. */
    private static boolean fits(Node card, List<Node> chosen, VBox list, double width, double room) {
        List<Node> trial = new ArrayList<>(chosen);
        trial.add(card);
        return height(trial, list, width) <= room;
    }

    private static double height(List<Node> cards, VBox list, double width) {
        double sum = 0;
        for (Node card : cards) {
            sum += card.prefHeight(width);
        }
        return sum + list.getSpacing() * (cards.size() - 1);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /**
     * Brings the values from {@code first} to {@code last} into view; when they do not all fit, the step's point:
     * those of them the lesson highlights, else the last of them (a step's result comes after its inputs, as
     * server_dh_public after dh_p and dh_g), with as many before it as fit.
     */
    private static void revealTheStepsPoint(ScrollPane sp, VBox list, Node first, Node last) {
        double top = first.getBoundsInParent().getMinY();
        double bottom = last.getBoundsInParent().getMaxY();
        if (bottom - top <= sp.getViewportBounds().getHeight()) {
            reveal(sp, list, first, last);
            return;
        }
        List<Node> band = list.getChildren().subList(list.getChildren().indexOf(first),
                list.getChildren().indexOf(last) + 1);
        List<Node> highlighted = band.stream().filter(n -> n.getStyleClass().contains(Styles.LESSON_HIGHLIGHT))
                .toList();
        if (!highlighted.isEmpty()) {
            reveal(sp, list, highlighted.get(0), highlighted.get(highlighted.size() - 1));
        } else {
            Scrolling.reveal(sp, list, top, bottom, false);
        }
    }

    static void reveal(ScrollPane sp, Region content, Node first, Node last) {
        Scrolling.reveal(sp, content, first.getBoundsInParent().getMinY(), last.getBoundsInParent().getMaxY(), true);
    }

    private static String wrapHex(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 64) {
            sb.append(hex, i, Math.min(hex.length(), i + 64)).append('\n');
        }
        return sb.toString().trim();
    }

    private static void copy(KnowledgeItem item) {
        ClipboardContent c = new ClipboardContent();
        c.putString(item.hex());
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void updateHighlights() {
        KnowledgeItem sel = vm.selectedProperty().get();
        for (VBox list : lists.values()) {
            for (Node n : list.getChildren()) {
                Object o = n.getProperties().get(KnowledgeItem.class);
                if (o instanceof KnowledgeItem item) {
                    toggle(n, Styles.INPUT_HIGHLIGHT, vm.highlightedNames().contains(item.name()));
                    toggle(n, Styles.SELECTED, item.equals(sel));
                    toggle(n, Styles.LESSON_HIGHLIGHT, vm.lessonHighlights().contains(item.name()));
                }
            }
        }
    }

    static void toggle(Node n, String styleClass, boolean on) {
        if (on && !n.getStyleClass().contains(styleClass)) {
            n.getStyleClass().add(styleClass);
        } else if (!on) {
            n.getStyleClass().remove(styleClass);
        }
    }
}
