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
        ScrollPane sp = new ScrollPane(content);
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
