package io.tlsviz.app.view;

import io.tlsviz.engine.Hex;
import java.util.function.IntConsumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * One row of the hex dump: the offset and up to sixteen bytes as one text, and a rectangle behind the bytes
 * of the selected field. Clicking a byte reports its index in the record (or plaintext).
 *
 * <p>One text per row instead of a label per byte: a certificate's record is 52 rows, which had been 884
 * labels to build, style and lay out on the step that shows it, half of everything the window allocated while
 * stepping (decision 0010). The bytes are in a monospaced font, so a byte's place is its index times three
 * characters.
 */
final class HexRow extends Region {
    static final int BYTES_PER_ROW = 16;
    private static final int CHARS_PER_BYTE = 3;

    private final Text offset = new Text();
    private final Text bytes = new Text();
    private final Rectangle selection = new Rectangle();
    private final int first;
    private final int count;
    private int selectedFrom;
    private int selectedTo;

    /**
     * @param data    the record or plaintext
     * @param first   the index of the row's first byte in {@code data}
     * @param clicked told the index in {@code data} of a clicked byte
     */
    HexRow(byte[] data, int first, IntConsumer clicked) {
        this.first = first;
        this.count = Math.min(BYTES_PER_ROW, data.length - first);
        getStyleClass().add(Styles.HEX_ROW);
        offset.getStyleClass().add(Styles.HEX_OFFSET);
        bytes.getStyleClass().add(Styles.HEX_BYTES);
        selection.getStyleClass().add(Styles.HEX_SELECTION);
        selection.setManaged(false);
        selection.setVisible(false);
        offset.setTextOrigin(VPos.TOP);
        bytes.setTextOrigin(VPos.TOP);
        offset.setText(String.format("%04x", first));
        StringBuilder sb = new StringBuilder(count * CHARS_PER_BYTE);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Hex.of(data, first + i, 1));
        }
        bytes.setText(sb.toString());
        getChildren().addAll(selection, offset, bytes);
        setAccessibleText(offset.getText() + ": " + bytes.getText());
        setOnMouseClicked(e -> {
            int i = byteAt(e.getX());
            if (i >= 0) {
                clicked.accept(first + i);
            }
        });
    }

    /** Marks the row's bytes {@code [from, to)} (indices in the record), or none when the range misses the row. */
    void select(int from, int to) {
        int f = Math.max(from, first) - first;
        int t = Math.min(to, first + count) - first;
        selectedFrom = Math.max(0, f);
        selectedTo = Math.max(selectedFrom, t);
        selection.setVisible(selectedTo > selectedFrom);
        requestLayout();
    }

    int firstByte() {
        return first;
    }

    int byteCount() {
        return count;
    }

    /** Where byte {@code i} of the row (0 to 15) is drawn, in the row's coordinates. */
    Bounds byteBounds(int i) {
        double cw = charWidth();
        return new BoundingBox(bytes.getLayoutX() + i * CHARS_PER_BYTE * cw, bytes.getLayoutY(), 2 * cw,
                bytes.getLayoutBounds().getHeight());
    }

    /** True when byte {@code i} of the row is shown as part of the selected field. */
    boolean isMarked(int i) {
        Bounds b = byteBounds(i);
        return selection.isVisible() && selection.getBoundsInParent().contains(b.getCenterX(), b.getCenterY());
    }

    private int byteAt(double x) {
        double cw = charWidth();
        if (cw <= 0 || x < bytes.getLayoutX()) {
            return -1;
        }
        int i = (int) ((x - bytes.getLayoutX()) / (CHARS_PER_BYTE * cw));
        return i < count ? i : -1;
    }

    /** The width a row of all sixteen bytes takes in this row's font: the narrowest a hex dump should be. */
    double fullRowWidth() {
        return snappedLeftInset() + offset.getLayoutBounds().getWidth() + gap()
                + (BYTES_PER_ROW * CHARS_PER_BYTE - 1) * charWidth() + snappedRightInset();
    }

    private double charWidth() {
        String t = bytes.getText();
        return t.isEmpty() ? 0 : bytes.getLayoutBounds().getWidth() / t.length();
    }

    private double gap() {
        return charWidth();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + offset.getLayoutBounds().getWidth() + gap() + bytes.getLayoutBounds().getWidth()
                + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + Math.max(offset.getLayoutBounds().getHeight(), bytes.getLayoutBounds().getHeight())
                + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        offset.relocate(x, y);
        bytes.relocate(snapPositionX(x + offset.getLayoutBounds().getWidth() + gap()), y);
        if (selectedTo > selectedFrom) {
            double cw = charWidth();
            // Half a character either side, so that neighbouring marked bytes join into one band.
            double left = bytes.getLayoutX() + selectedFrom * CHARS_PER_BYTE * cw - cw / 2;
            double right = bytes.getLayoutX() + (selectedTo * CHARS_PER_BYTE - 1) * cw + cw / 2;
            selection.setX(left);
            selection.setY(y);
            selection.setWidth(right - left);
            selection.setHeight(bytes.getLayoutBounds().getHeight());
        }
    }
}
