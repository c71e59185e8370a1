package io.tlsviz.app.view;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made the first time the pointer comes over its node. A {@link Tooltip} is a popup window with a
 * scene of its own; the diagram and the knowledge columns add several nodes with one on every step, and making
 * them all up front had been most of the time it took to build a knowledge value.
 */
final class LazyTooltip {
    private LazyTooltip() {
    }

    static void install(Node node, Supplier<Tooltip> make) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(node, make.get());
            }
        };
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, first);
    }
}
