package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.ByteRange;
import io.tlsviz.app.viewmodel.InspectorViewModel;
import io.tlsviz.engine.Field;
import io.tlsviz.engine.live.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected message: its field tree beside a hex dump (selecting a field highlights its bytes, clicking
 * a byte selects its field), the decrypted content of encrypted records, and in tamper mode the pending
 * record's bytes to edit or corrupt.
 */
public final class InspectorView extends VBox {
    private final InspectorViewModel vm;
    private final Messages messages;
    private final TreeView<Field> tree = new TreeView<>();
    /**
     * A field selected elsewhere (a byte clicked in the hex dump) to scroll into view once the scene has laid out, or
     * null. The rows its just-opened parents add reach the tree's cells only in that layout, and a scroll before it is
     * measured against the rows there were: the field had stayed out of sight.
     */
    private TreeItem<Field> scrollPending;
    private final Runnable scrollAfterLayout = () -> {
        TreeItem<Field> item = scrollPending;
        scrollPending = null;
        int row = item == null ? -1 : tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 2));
        }
    };
    /**
     * The hex dump, never narrower than a full row of sixteen bytes: the split beside the tree gives it that
     * much before it gives the tree more, so the sixteenth column is not cut off in a large font (the projector
     * theme on a 1920-pixel screen had shown fourteen).
     */
    private final VBox hex = new VBox(2) {
        private double fullRow;

        @Override
        protected double computeMinWidth(double height) {
            for (Node n : getChildren()) {
                if (n instanceof HexRow row) {
                    fullRow = row.fullRowWidth(); // kept when no message is shown, so the split does not move back
                    break;
                }
            }
            return snappedLeftInset() + fullRow + snappedRightInset();
        }
    };
    /** The field tree's share beside the bytes, and above them. */
    private static final double TREE_SHARE = 0.42;
    private static final double TREE_SHARE_ABOVE = 0.45;
    /** The narrowest the field tree may be beside the bytes, in ems. */
    private static final double TREE_MIN_EM = 14;
    private final List<HexRow> recordRows = new ArrayList<>();
    private final List<HexRow> plaintextRows = new ArrayList<>();
    /**
     * By path (unique within a message: record fields start "record.", decrypted ones "plaintext."); a Field's
     * own hashCode would walk its bytes and all its children.
     */
    private final Map<String, TreeItem<Field>> items = new HashMap<>();
    private final Label empty;

    public InspectorView(InspectorViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        setId("inspector");
        getStyleClass().add(Styles.INSPECTOR);
        setSpacing(6);

        tree.setId("field-tree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Field f, boolean isEmpty) {
                super.updateItem(f, isEmpty);
                setText(isEmpty || f == null ? null : vm.fieldLabel(f));
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            Field f = b == null ? null : b.getValue();
            if (f != null && f != vm.selectedFieldProperty().get()) {
                vm.selectedFieldProperty().set(f);
            }
        });
        tree.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(scrollAfterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(scrollAfterLayout);
            }
        });
        vm.selectedFieldProperty().addListener((o, a, f) -> {
            TreeItem<Field> item = f == null ? null : items.get(f.path());
            if (item != null && tree.getSelectionModel().getSelectedItem() != item) {
                for (TreeItem<Field> p = item.getParent(); p != null; p = p.getParent()) {
                    p.setExpanded(true);
                }
                tree.getSelectionModel().select(item);
                scrollPending = item;
                if (tree.getScene() == null) {
                    scrollAfterLayout.run();
                }
            } else if (f == null) {
                tree.getSelectionModel().clearSelection();
            }
        });

        hex.getStyleClass().add(Styles.HEX_VIEW);
        hex.setId("hex-view");
        ScrollPane hexScroll = Scrolling.paneNoNarrowerThanItsContent(hex);
        hexScroll.setFocusTraversable(false);
        // The split gives the hex dump its full row from the tree's share, but asks the window for no more width
        // than before: the knowledge columns beside it come first (in the projector theme at 1260 pixels the
        // hex dump's minimum had squeezed their names to "c...").
        //
        // Where the hex dump's full row and a readable tree (TREE_MIN_EM wide) do not fit side by side (the projector
        // theme or large type in a small window), the tree goes above the bytes instead of being squeezed to
        // nothing; and when they fit again (smaller type), the tree gets its share back.
        SplitPane split = new SplitPane(tree, hexScroll) {
            @Override
            protected double computeMinWidth(double height) {
                return snappedLeftInset() + tree.minWidth(height) + snappedRightInset();
            }

            @Override
            protected void layoutChildren() {
                double treeMin = TREE_MIN_EM * empty.getFont().getSize();
                boolean sideBySide = getWidth() - snappedLeftInset() - snappedRightInset()
                        >= hexScroll.minWidth(-1) + treeMin;
                Orientation wanted = sideBySide ? Orientation.HORIZONTAL : Orientation.VERTICAL;
                if (getOrientation() != wanted) {
                    setOrientation(wanted);
                    setDividerPositions(wanted == Orientation.HORIZONTAL ? TREE_SHARE : TREE_SHARE_ABOVE);
                }
                // Beside the bytes the tree keeps its readable width: the split then moves the divider for it, and
                // a person dragging the divider stops there too. Above the bytes it takes the whole width anyway.
                tree.setMinWidth(sideBySide ? treeMin : Region.USE_COMPUTED_SIZE);
                super.layoutChildren();
            }
        };
        split.setId("inspector-split");
        split.setDividerPositions(TREE_SHARE);

        Label detail = new Label();
        detail.setId("field-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(vm.fieldDetailProperty());
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        empty = new Label(messages.get("inspector.noMessage"));
        empty.getStyleClass().add(Styles.MUTED);
        empty.setWrapText(true);

        // Over the (then empty) tree rather than above it: the tree and the bytes stay where they are from a
        // message step to a computation step, instead of jumping by a line on every other Next.
        javafx.scene.layout.StackPane.setAlignment(empty, javafx.geometry.Pos.TOP_LEFT);
        javafx.scene.layout.StackPane.setMargin(empty, new javafx.geometry.Insets(8));
        empty.setMouseTransparent(true);
        empty.maxWidthProperty().bind(tree.widthProperty().subtract(16));
        // A computation step selected (by Next, or by a click on its row in the diagram): what it made, with the
        // formulas and whole values, where the fields and bytes of a message go.
        Label computation = new Label();
        computation.setId("inspector-computation");
        computation.getStyleClass().add(Styles.MONO);
        computation.setWrapText(true);
        computation.textProperty().bind(vm.computationProperty());
        ScrollPane computationScroll = Scrolling.pane(computation);
        computationScroll.setId("inspector-computation-scroll");
        computationScroll.setFitToWidth(true);
        computationScroll.setFocusTraversable(false);
        computationScroll.visibleProperty().bind(vm.computationProperty().isNotEmpty());
        split.visibleProperty().bind(vm.computationProperty().isEmpty());
        empty.visibleProperty().bind(vm.computationProperty().isEmpty().and(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.messageProperty().get() == null,
                        vm.messageProperty())));
        javafx.scene.layout.StackPane body = new javafx.scene.layout.StackPane(split, empty, computationScroll);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(tamperPane(), body, detail);
        vm.messageProperty().addListener((o, a, b) -> rebuild());
        vm.selectedRangeProperty().addListener((o, a, b) -> highlight(b));
        rebuild();
    }

    private VBox tamperPane() {
        Label title = new Label(messages.get("tamper.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label what = new Label();
        what.setId("tamper-pending");
        what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Run.PendingRecordView p = vm.pendingProperty().get();
            return p == null ? "" : messages.format("tamper.pending", p.messageType(),
                    messages.get("party." + p.from().id()), messages.get("party." + p.to().id()),
                    p.bytes().length, p.encrypted() ? messages.get("tamper.encrypted") : "");
        }, vm.pendingProperty()));
        TextArea text = new TextArea();
        text.setId("tamper-hex");
        text.getStyleClass().add(Styles.MONO);
        text.setPrefRowCount(4);
        text.setWrapText(false);
        text.textProperty().bindBidirectional(vm.pendingHexProperty());
        Button apply = new Button(messages.get("tamper.apply"));
        apply.setId("tamper-apply");
        apply.setOnAction(e -> vm.applyPendingHex());
        Button corrupt = new Button(messages.get("tamper.corrupt"));
        corrupt.setId("tamper-corrupt");
        corrupt.setOnAction(e -> vm.corruptPending());
        Label error = new Label();
        error.setId("tamper-error");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.textProperty().bind(vm.tamperErrorProperty());
        HBox buttons = new HBox(8, corrupt, apply, error);
        // What the edit changed: which bytes, in which fields, from what to what.
        Label result = new Label();
        result.setId("tamper-result");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.textProperty().bind(vm.tamperResultProperty());
        result.visibleProperty().bind(vm.tamperResultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        VBox pane = new VBox(4, title, what, text, buttons, result);
        pane.setId("tamper-pane");
        pane.getStyleClass().add(Styles.TAMPER_PANE);
        pane.visibleProperty().bind(vm.pendingProperty().isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private void rebuild() {
        items.clear();
        TreeItem<Field> root = new TreeItem<>();
        root.setExpanded(true);
        for (Field f : vm.roots()) {
            TreeItem<Field> item = treeItem(f);
            item.setExpanded(true);
            root.getChildren().add(item);
        }
        tree.setRoot(root);
        recordRows.clear();
        plaintextRows.clear();
        hex.getChildren().clear();
        if (vm.messageProperty().get() == null) { // the placeholder's visibility is bound above
            return;
        }
        title("inspector.record");
        rows(vm.recordBytes(), false, recordRows);
        byte[] plain = vm.plaintextBytes();
        if (plain.length > 0) {
            title("inspector.plaintext");
            rows(plain, true, plaintextRows);
        }
        highlight(vm.selectedRangeProperty().get());
    }

    private void title(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add(Styles.SECTION_TITLE);
        hex.getChildren().add(l);
    }

    private TreeItem<Field> treeItem(Field f) {
        TreeItem<Field> item = new TreeItem<>(f);
        items.put(f.path(), item);
        for (Field c : f.children()) {
            item.getChildren().add(treeItem(c));
        }
        return item;
    }

    private void rows(byte[] bytes, boolean inPlaintext, List<HexRow> rows) {
        for (int first = 0; first < bytes.length; first += HexRow.BYTES_PER_ROW) {
            HexRow row = new HexRow(bytes, first, i -> vm.selectByte(i, inPlaintext));
            rows.add(row);
            hex.getChildren().add(row);
        }
    }

    private void highlight(ByteRange range) {
        mark(recordRows, range, false);
        mark(plaintextRows, range, true);
    }

    private static void mark(List<HexRow> rows, ByteRange range, boolean plaintext) {
        boolean here = range != null && range.inPlaintext() == plaintext;
        int from = here ? range.offset() : 0;
        int to = here ? range.offset() + range.length() : 0;
        for (HexRow row : rows) {
            row.select(from, to);
        }
    }

    /** The rows of the record's hex dump, for tests. */
    List<HexRow> recordRows() {
        return List.copyOf(recordRows);
    }

    /** The rows of the decrypted plaintext's hex dump, for tests. */
    List<HexRow> plaintextRows() {
        return List.copyOf(plaintextRows);
    }
}
