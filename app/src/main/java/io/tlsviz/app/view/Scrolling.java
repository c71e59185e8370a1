package io.tlsviz.app.view;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scroll panes for content that changes on every step. JavaFX's ScrollPane skin caches its viewport as a bitmap,
 * which pays off for still content; here every Next and every frame of the travelling envelope invalidates it,
 * so the viewport was rendered into the bitmap and then the bitmap onto the screen: twice the work, and on the
 * software pipeline the largest part of a frame. They also carry the style class {@link Styles#SCROLL}, which
 * base.css gives one background fill instead of two (docs/decisions/0010-software-rendering.md).
 */
final class Scrolling {
    private Scrolling() {
    }

    static ScrollPane pane(Node content) {
        return cacheless(new ScrollPane(content));
    }

    /**
     * A scroll pane as {@link #pane} that is never narrower than its content's minimum width and its vertical
     * scroll bar, so that a split pane or a box gives it that width (a plain ScrollPane's minimum is a few
     * pixels, whatever it holds). For content that cannot usefully be scrolled sideways, such as a hex dump.
     */
    static ScrollPane paneNoNarrowerThanItsContent(javafx.scene.layout.Region content) {
        return cacheless(new ScrollPane(content) {
            @Override
            protected double computeMinWidth(double height) {
                double bar = 0;
                for (Node n : getChildrenUnmodifiable()) { // the skin's viewport, scroll bars and corner
                    if (n instanceof javafx.scene.control.ScrollBar b
                            && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible()) {
                        bar = b.prefWidth(-1);
                    }
                }
                return snappedLeftInset() + content.minWidth(-1) + bar + snappedRightInset();
            }
        });
    }

    /**
     * Scrolls {@code sp} as little as it takes to show the band from {@code top} to {@code bottom} of its
     * {@code content} (in the content's coordinates). When the band is higher than the view, its top is shown
     * ({@code keepTop}) or its bottom.
     */
    static void reveal(ScrollPane sp, javafx.scene.layout.Region content, double top, double bottom,
            boolean keepTop) {
        double contentHeight = content.getHeight();
        double viewHeight = sp.getViewportBounds().getHeight();
        double range = sp.getVmax() - sp.getVmin();
        if (contentHeight <= viewHeight || viewHeight <= 0 || range <= 0) {
            return;
        }
        double scrollable = contentHeight - viewHeight;
        double offset = (sp.getVvalue() - sp.getVmin()) / range * scrollable;
        double target = offset;
        if (keepTop) {
            if (bottom > target + viewHeight) {
                target = bottom - viewHeight;
            }
            if (top < target) {
                target = top;
            }
        } else {
            if (top < target) {
                target = top;
            }
            if (bottom > target + viewHeight) {
                target = bottom - viewHeight;
            }
        }
        if (target != offset) {
            sp.setVvalue(sp.getVmin() + Math.max(0, Math.min(scrollable, target)) / scrollable * range);
        }
    }

    /**
     * Runs {@code action} after each of the next {@code passes} layouts of {@code node}'s scene, asking for those
     * pulses itself (content that wraps can take more than one pass to settle); nothing if it has no scene
     * (nothing is shown then, so there is nothing to scroll).
     */
    static void afterLayout(Node node, int passes, Runnable action) {
        javafx.scene.Scene scene = node.getScene();
        if (scene == null) {
            return;
        }
        Runnable r = new Runnable() {
            private int done;

            @Override
            public void run() {
                action.run();
                if (++done >= passes) {
                    scene.removePostLayoutPulseListener(this);
                } else {
                    javafx.application.Platform.requestNextPulse();
                }
            }
        };
        scene.addPostLayoutPulseListener(r);
        javafx.application.Platform.requestNextPulse();
    }

    private static ScrollPane cacheless(ScrollPane sp) {
        sp.getStyleClass().add(Styles.SCROLL);
        sp.skinProperty().addListener((o, old, skin) -> {
            Node viewport = skin == null ? null : sp.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
        return sp;
    }
}
