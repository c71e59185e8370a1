package io.tlsviz.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.export.FxThread;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/** Whether a node is inside the visible part of the scroll pane it lies in, as a person would see it. */
final class InView {
    private InView() {
    }

    /** The scroll pane of a knowledge column ("client", "eavesdropper", "server"). */
    static ScrollPane column(Node window, String party) {
        return (ScrollPane) window.lookup("#knowledge-" + party + " .scroll-pane");
    }

    /**
     * Asserts that {@code node} lies wholly inside {@code scroll}'s viewport, and that the pane's content is
     * higher than its viewport (else nothing could be out of view, and the check could not fail).
     */
    static void assertWhollyShown(ScrollPane scroll, Node node, String what) throws Exception {
        double[] e = FxThread.call(() -> {
            Node viewport = scroll.lookup(".viewport");
            Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
            Bounds n = node.localToScene(node.getLayoutBounds());
            return new double[] {((Region) scroll.getContent()).getHeight(), shown.getHeight(), n.getMinY(),
                n.getMaxY(), shown.getMinY(), shown.getMaxY()};
        });
        assertThat(e[0]).as("the content is higher than its view (else nothing can be hidden)").isGreaterThan(e[1]);
        assertThat(e[2]).as("top of %s in view", what).isGreaterThanOrEqualTo(e[4] - 0.5);
        assertThat(e[3]).as("bottom of %s in view", what).isLessThanOrEqualTo(e[5] + 0.5);
    }
}
