package io.tlsviz.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.TlsvizApp;
import io.tlsviz.app.export.FxThread;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.InMemoryPreferenceStore;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window driven like a person: keyboard and mouse, nodes found by id and style class. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;
    private AppPreferences prefs;

    @Start
    void start(Stage stage) {
        prefs = new AppPreferences(new InMemoryPreferenceStore());
        prefs.setReducedMotion(true);
        prefs.setWindowSize(1260, 780); // within Monocle's 1280x800 headless screen
        window = TlsvizApp.open(stage, prefs, Messages.forLocale(Locale.ENGLISH),
                ScenarioOptions.defaults(Exchange.RSA));
    }

    private static Set<String> column(FxRobot robot, String party) {
        return robot.lookup("#knowledge-" + party + " .knowledge-value").queryAll().stream()
                .map(Node::getId).map(id -> id.substring(("kv-" + party + "-").length()))
                .collect(Collectors.toSet());
    }

    private static String current(FxRobot robot) {
        List<Node> rows = List.copyOf(robot.lookup(".arrow-row").queryAll());
        return rows.stream().filter(n -> n.getStyleClass().contains("current")).map(Node::getId)
                .findFirst().orElse("");
    }

    /** Presses Next until {@code query} finds a node (at most 40 times: the longest handshake has 27 steps). */
    private static void nextUntilShown(FxRobot robot, String query) {
        for (int i = 0; robot.lookup(query).tryQuery().isEmpty(); i++) {
            assertThat(i).as("Next until %s shows", query).isLessThan(40);
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#status").queryAs(Label.class).getText();
    }

    @Test
    void rsaPremasterAppearsOnlyWhereAndWhenEachPartyLearnsIt(FxRobot robot) {
        assertThat(robot.lookup("#narration-title").queryAs(Label.class).getText()).contains("RSA");
        robot.clickOn("#next");
        boolean clientMade = false;
        boolean delivered = false;
        boolean serverKnew = false;
        KeyCode[] keys = {KeyCode.RIGHT, KeyCode.SPACE, KeyCode.PAGE_DOWN};
        for (int i = 0; !status(robot).contains("complete"); i++) {
            robot.press(keys[i % 3]).release(keys[i % 3]);
            WaitForAsyncUtils.waitForFxEvents();
            String step = current(robot);
            clientMade |= step.equals("step-client_makes_premaster");
            assertThat(column(robot, "client").contains("premaster_secret")).as(step).isEqualTo(clientMade);
            assertThat(column(robot, "eavesdropper")).as(step).doesNotContain("premaster_secret");
            assertThat(column(robot, "eavesdropper").contains("encrypted_premaster_secret")).isEqualTo(delivered
                    || step.equals("step-client_key_exchange"));
            delivered |= step.equals("step-client_key_exchange");
            serverKnew |= step.equals("step-server_decrypts_premaster");
            assertThat(column(robot, "server").contains("premaster_secret")).as(step).isEqualTo(serverKnew);
            if (serverKnew) {
                assertThat(delivered).isTrue();
            }
            assertThat(i).isLessThan(40);
        }
        assertThat(clientMade && delivered && serverKnew).isTrue();
        Node pm = robot.lookup("#kv-client-premaster_secret").query();
        assertThat(pm.getAccessibleText()).contains("premaster_secret").contains("client");
        assertThat(robot.lookup("#step-client_key_exchange").query().getAccessibleText())
                .contains("ClientKeyExchange");
    }

    @Test
    void aRightClickOnAValueOffersCopyWhichCopiesTheWholeValueAndLeavesTheSelectionAlone(FxRobot robot)
            throws Exception {
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        Node random = robot.lookup("#kv-client-client_random").query();
        io.tlsviz.app.viewmodel.KnowledgeItem item =
                (io.tlsviz.app.viewmodel.KnowledgeItem) random.getProperties().get(io.tlsviz.app.viewmodel.KnowledgeItem.class);
        assertThat(item.shortHex()).as("shortened on screen").isNotEqualTo(item.hex());
        robot.rightClickOn(random);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(random.getStyleClass()).as("a right-click does not select").doesNotContain("selected");
        assertThat(robot.lookup(".context-menu").queryAll()).as("the menu is open").isNotEmpty();
        robot.clickOn("Copy value");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = FxThread.call(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied).isEqualTo(item.hex());
        assertThat(random.getStyleClass()).doesNotContain("selected");
        robot.clickOn(random); // a left click selects
        assertThat(random.getStyleClass()).contains("selected");
    }

    /** WCAG contrast ratio of two opaque colours. */
    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        java.util.function.DoubleUnaryOperator lin = v -> v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * lin.applyAsDouble(c.getRed()) + 0.7152 * lin.applyAsDouble(c.getGreen())
                + 0.0722 * lin.applyAsDouble(c.getBlue());
    }

    @Test
    void inEveryThemeAnInputOfTheSelectedValueIsMarkedApartFromNewValuesAndItsTextIsReadable(FxRobot robot)
            throws Exception {
        robot.clickOn("#exchange-dhe");
        nextUntilShown(robot, "#kv-client-premaster_secret");
        robot.clickOn("#kv-client-premaster_secret"); // selects it: its inputs are highlighted
        for (Theme theme : Theme.values()) {
            robot.interact(() -> window.themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            List<Node> cards = List.copyOf(robot.lookup(".knowledge-value.input-highlight").queryAll());
            assertThat(cards).as(theme.id()).isNotEmpty();
            for (Node card : cards) {
                List<javafx.scene.layout.BackgroundFill> fills = ((javafx.scene.layout.Region) card).getBackground()
                        .getFills();
                assertThat(fills).as("%s: an input has a bar down its left side besides its fill", theme.id())
                        .hasSize(2);
                assertThat(fills.get(1).getInsets().getLeft()).isGreaterThan(fills.get(0).getInsets().getLeft());
                javafx.scene.paint.Color bg = (javafx.scene.paint.Color) fills.get(fills.size() - 1).getFill();
                for (Node text : robot.from(card).lookup(".formula").queryAll()) {
                    javafx.scene.paint.Color fg = (javafx.scene.paint.Color) ((Label) text).getTextFill();
                    assertThat(contrast(fg, bg)).as("%s: formula of %s on its highlight", theme.id(), card.getId())
                            .isGreaterThanOrEqualTo(4.5);
                }
            }
        }
    }

    @Test
    void afterLargerTypeTheToolbarMovesWhatNoLongerFitsToItsOverflowInsteadOfCuttingLabels(FxRobot robot)
            throws Exception {
        robot.interact(() -> window.themeProperty().set(Theme.PROJECTOR));
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<String> cut = FxThread.call(() -> {
            javafx.scene.control.ToolBar bar = (javafx.scene.control.ToolBar) window.lookup(".toolbar");
            List<String> out = new java.util.ArrayList<>();
            List<Node> labelled = new java.util.ArrayList<>();
            for (String selector : List.of(".button", ".toggle-button", ".label")) {
                labelled.addAll(bar.lookupAll(selector));
            }
            for (Node n : labelled) {
                if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()
                        && n.getScene() != null && n.isVisible() && isInside(n, bar)) {
                    if (l.getWidth() < l.prefWidth(-1) - 0.5) { // narrower than its text needs: "Ne..."
                        out.add(l.getText() + " " + l.getWidth() + " < " + l.prefWidth(-1));
                    }
                }
            }
            return out;
        });
        assertThat(cut).as("labels cut short in the toolbar").isEmpty();
        Node overflow = robot.lookup(".tool-bar-overflow-button").query();
        assertThat(overflow.isVisible()).as("what does not fit is in the overflow menu").isTrue();
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aValueTooWideForItsColumnKeepsItsLastBytesInView(FxRobot robot) throws Exception {
        robot.interact(() -> window.themeProperty().set(Theme.PROJECTOR));
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        for (int i = 0; i < 11; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = FxThread.call(() -> {
            List<String> out = new java.util.ArrayList<>();
            for (Node card : window.lookupAll(".knowledge-value")) {
                Object item = card.getProperties().get(io.tlsviz.app.viewmodel.KnowledgeItem.class);
                Label hex = (Label) card.lookup(".hex");
                javafx.scene.text.Text text = (javafx.scene.text.Text) hex.lookup(".text");
                if (item != null && text != null && !text.getText().equals(hex.getText())) {
                    String full = ((io.tlsviz.app.viewmodel.KnowledgeItem) item).hex();
                    out.add(full.substring(full.length() - 4) + " " + text.getText());
                }
            }
            return out;
        });
        assertThat(shown).as("some values are too wide in large type").isNotEmpty();
        assertThat(shown).allSatisfy(s -> assertThat(s.substring(5)).endsWith(s.substring(0, 4)));
    }

    @Test
    void clickingAPastComputationShowsWhatItMadeInTheInspector(FxRobot robot) {
        nextUntilShown(robot, "#step-client_derives_master_secret");
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT); // a step on: the derivation is a past row now
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#step-client_key_exchange"); // a message: fields and bytes
        assertThat(robot.lookup("#inspector-computation-scroll").query().isVisible()).isFalse();
        assertThat(robot.lookup("#field-tree").query().getParent().isVisible()).isTrue();
        robot.clickOn("#step-client_derives_master_secret");
        Label shown = robot.lookup("#inspector-computation").queryAs(Label.class);
        assertThat(robot.lookup("#inspector-computation-scroll").query().isVisible()).isTrue();
        assertThat(shown.getText()).contains("master_secret = PRF(");
    }

    @Test
    void theFieldTreeStaysReadableInLargeTypeAndGetsItsWidthBackWhenTheTypeIsSmallerAgain(FxRobot robot)
            throws Exception {
        for (int i = 0; i < 3; i++) { // the certificate: a long record in the hex view
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.SplitPane split = robot.lookup("#inspector-split")
                .queryAs(javafx.scene.control.SplitPane.class);
        javafx.scene.layout.Region tree = robot.lookup("#field-tree").queryAs(javafx.scene.layout.Region.class);
        double before = FxThread.call(tree::getWidth);
        javafx.geometry.Orientation first = FxThread.call(split::getOrientation);
        robot.interact(() -> window.themeProperty().set(Theme.PROJECTOR));
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxThread.call(tree::getWidth)).as("the tree is not squeezed to nothing").isGreaterThan(200);
        assertThat(FxThread.call(split::getOrientation)).as("above the bytes")
                .isEqualTo(javafx.geometry.Orientation.VERTICAL);
        robot.interact(() -> window.themeProperty().set(Theme.LIGHT));
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxThread.call(split::getOrientation)).isEqualTo(first);
        assertThat(FxThread.call(tree::getWidth)).as("its width back").isCloseTo(before,
                org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void draggingTheDividerBesideTheBytesStopsWhereTheFieldTreeIsStillReadable(FxRobot robot) throws Exception {
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT); // ClientHello
        for (int i = 0; i < 2; i++) { // small type: the tree and the bytes side by side
            robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.SplitPane split = robot.lookup("#inspector-split")
                .queryAs(javafx.scene.control.SplitPane.class);
        assertThat(FxThread.call(split::getOrientation)).isEqualTo(javafx.geometry.Orientation.HORIZONTAL);
        javafx.scene.layout.Region tree = robot.lookup("#field-tree").queryAs(javafx.scene.layout.Region.class);
        double em = window.fontPx();
        Node divider = robot.from(split).lookup(".split-pane-divider").query();

        robot.drag(divider).moveBy(-600, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double width = FxThread.call(tree::getWidth);
        assertThat(width).as("the tree, dragged as far left as a person can").isGreaterThanOrEqualTo(14 * em - 1)
                .isLessThan(FxThread.call(split::getWidth) / 2);
        assertThat(robot.from(tree).lookup((javafx.scene.control.TreeCell<?> c) -> c.isVisible()
                && c.getText() != null && c.getText().startsWith("TLS Record")).tryQuery()).isPresent();
    }

    @Test
    void theLongestHandshakesStepsFitOnOneRowOfTheStripInTheProjectorTheme(FxRobot robot) throws Exception {
        robot.interact(() -> window.themeProperty().set(Theme.PROJECTOR));
        robot.clickOn("#exchange-dhe"); // 27 steps, the most of the four
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> rows = FxThread.call(() -> robot.lookup("#step-strip .toggle-button").queryAll().stream()
                .map(n -> n.getBoundsInParent().getMinY()).distinct().toList());
        assertThat(robot.lookup("#jump-27").tryQuery()).isPresent();
        List<Double> widths = FxThread.call(() -> robot.lookup("#step-strip .toggle-button").queryAll().stream()
                .map(n -> n.getLayoutBounds().getWidth()).toList());
        assertThat(rows).as("rows of step buttons %s wide at %s pixels", widths, FxThread.call(window::getWidth))
                .hasSize(1);
    }

    @Test
    void theColumnsValuesStartAtOneHeightWhenAHeaderWraps(FxRobot robot) throws Exception {
        robot.interact(() -> window.themeProperty().set(Theme.PROJECTOR));
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT); // the client random, in all three columns
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> tops = FxThread.call(() -> List.of("client", "eavesdropper", "server").stream()
                .map(p -> window.lookup("#kv-" + p + "-client_random"))
                .map(n -> n.localToScene(n.getLayoutBounds()).getMinY()).toList());
        List<Double> headers = FxThread.call(() -> window.lookupAll(".knowledge-header").stream()
                .map(n -> ((javafx.scene.layout.Region) n).getHeight()).toList());
        double oneLine = FxThread.call(() -> window.lookupAll(".knowledge-header").stream()
                .mapToDouble(n -> ((javafx.scene.layout.Region) n).prefHeight(-1)).min().orElse(0));
        assertThat(headers.stream().mapToDouble(Double::doubleValue).max().orElse(0))
                .as("a header wraps in the projector theme at this width").isGreaterThan(oneLine * 1.5);
        assertThat(tops).allSatisfy(t -> assertThat(t).isCloseTo(tops.get(0), org.assertj.core.data.Offset.offset(0.5)));

        // In the light theme's type made smaller the header fits on one line again, and the three headers are one
        // line high together: the height the wrapped one had set is not kept.
        robot.interact(() -> window.themeProperty().set(Theme.LIGHT));
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxThread.call(() -> window.lookupAll(".knowledge-header").stream()
                .map(n -> (javafx.scene.layout.Region) n).allMatch(r -> r.getWidth() >= r.prefWidth(-1))))
                .as("every header fits on one line now").isTrue();
        List<Double> after = FxThread.call(() -> window.lookupAll(".knowledge-header").stream()
                .map(n -> ((javafx.scene.layout.Region) n).getHeight()).toList());
        double oneLineNow = FxThread.call(() -> window.lookupAll(".knowledge-header").stream()
                .mapToDouble(n -> ((javafx.scene.layout.Region) n).prefHeight(-1)).max().orElse(0));
        assertThat(after).allSatisfy(h -> assertThat(h).isCloseTo(oneLineNow, org.assertj.core.data.Offset.offset(0.5)));
        List<Double> topsNow = FxThread.call(() -> List.of("client", "eavesdropper", "server").stream()
                .map(p -> window.lookup("#kv-" + p + "-client_random"))
                .map(n -> n.localToScene(n.getLayoutBounds()).getMinY()).toList());
        assertThat(topsNow).allSatisfy(t -> assertThat(t).isCloseTo(topsNow.get(0),
                org.assertj.core.data.Offset.offset(0.5)));
        assertThat(topsNow.get(0)).as("the values move up with the headers").isLessThan(tops.get(0));
    }

    @Test
    void theSettingsGreyOutWhatTheHandshakeDoesNotUse(FxRobot robot) {
        robot.clickOn("#settings");
        WaitForAsyncUtils.waitForFxEvents();
        java.util.function.Function<String, Node> editorOf = name -> robot.lookup(".property-sheet").queryAll()
                .stream().flatMap(sheet -> robot.from(sheet).lookup((Node n) -> n instanceof Label l
                        && name.equals(l.getText())).queryAll().stream())
                .findFirst().map(label -> {
                    javafx.scene.layout.GridPane grid = (javafx.scene.layout.GridPane) label.getParent();
                    int row = javafx.scene.layout.GridPane.getRowIndex(label);
                    return grid.getChildren().stream().filter(n -> n != label
                            && java.util.Objects.equals(javafx.scene.layout.GridPane.getRowIndex(n), row)
                            && javafx.scene.layout.GridPane.getColumnIndex(n) != null
                            && javafx.scene.layout.GridPane.getColumnIndex(n) > 0).findFirst().orElseThrow();
                }).orElseThrow();
        assertThat(editorOf.apply("Group").isDisabled()).as("RSA uses no group").isTrue();
        assertThat(editorOf.apply("Extended master secret").isDisabled()).isFalse();
        assertThat(editorOf.apply("Cipher suite").isDisabled()).isFalse();
    }

    @Test
    void dheEavesdropperSeesBothPublicValuesNeverThePremaster(FxRobot robot) {
        robot.clickOn("#exchange-dhe");
        assertThat(status(robot)).contains("DHE").contains("step 0");
        assertThat(robot.lookup(".arrow-row").queryAll()).isEmpty();
        while (!status(robot).contains("complete")) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(column(robot, "eavesdropper")).doesNotContain("premaster_secret");
        }
        assertThat(column(robot, "eavesdropper")).contains("client_dh_public", "server_dh_public");
        assertThat(column(robot, "client")).contains("premaster_secret");
        // Selecting the premaster highlights its inputs.
        Node premaster = robot.lookup("#kv-client-premaster_secret").query();
        robot.interact(premaster::requestFocus);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(robot.lookup(".knowledge-value.input-highlight").queryAll()).isNotEmpty();
        // Switching on to TLS 1.3 starts over.
        robot.clickOn("#exchange-tls13");
        assertThat(status(robot)).contains("TLS 1.3").contains("step 0");
        assertThat(column(robot, "client")).isEmpty();
    }

    /** Whether every value a column just learned lies inside the column's visible part. */
    private static boolean newValuesInView(FxRobot robot) {
        for (String party : List.of("client", "eavesdropper", "server")) {
            Node viewport = robot.lookup("#knowledge-" + party + " .viewport").query();
            javafx.geometry.Bounds view = viewport.localToScene(viewport.getLayoutBounds());
            List<Node> fresh = List.copyOf(robot.lookup("#knowledge-" + party + " .knowledge-value.new-value").queryAll());
            // All of them when they fit; else at least the last, the step's result (without a lesson's highlights).
            double height = fresh.stream().mapToDouble(n -> n.getLayoutBounds().getHeight() + 6).sum();
            List<Node> mustShow = height <= view.getHeight() || fresh.isEmpty() ? fresh
                    : fresh.subList(fresh.size() - 1, fresh.size());
            for (Node n : mustShow) {
                javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                if (b.getMinY() < view.getMinY() - 1 || b.getMaxY() > view.getMaxY() + 1) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void valuesLearnedAtAStepAreScrolledIntoViewInEveryColumn(FxRobot robot) throws Exception {
        robot.clickOn("#exchange-dhe");
        boolean overflowed = false;
        for (int i = 0; !status(robot).contains("complete"); i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
            String step = current(robot);
            try {
                WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> newValuesInView(robot));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("a value learned at " + step + " is outside its column's view", e);
            }
            Node clientList = robot.lookup("#knowledge-client .viewport").query();
            javafx.geometry.Bounds shown = clientList.localToScene(clientList.getLayoutBounds());
            overflowed |= robot.lookup("#knowledge-client .knowledge-value").queryAll().stream()
                    .map(n -> n.localToScene(n.getLayoutBounds()))
                    .anyMatch(b -> b.getMaxY() > shown.getMaxY() + 1 || b.getMinY() < shown.getMinY() - 1);
            assertThat(i).isLessThan(60);
        }
        assertThat(overflowed).as("the client column outgrew its view, so scrolling was needed").isTrue();
    }

    @Test
    void tamperingTheClientFinishedShowsTheAlert(FxRobot robot) {
        robot.clickOn("#tamper");
        assertThat(robot.lookup("#tamper-pane").query().isVisible()).isTrue();
        for (int i = 0; i < 40 && !robot.lookup("#tamper-pending").queryAs(Label.class).getText()
                .startsWith("Next record: Finished from client"); i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        // Bad hex is refused, the text stays.
        robot.clickOn("#tamper-hex").press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL).write(" zz");
        robot.clickOn("#tamper-apply");
        assertThat(robot.lookup("#tamper-error").queryAs(Label.class).getText()).contains("not a hex digit");
        assertThat(robot.lookup("#tamper-hex").queryAs(javafx.scene.control.TextArea.class).getText()).endsWith(" zz");
        robot.clickOn("#tamper-corrupt");
        assertThat(robot.lookup("#tamper-error").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#alert-banner").query().isVisible()).isFalse();
        robot.clickOn("#next");
        while (robot.lookup("#next").query().isDisabled() == false) {
            robot.clickOn("#next");
        }
        assertThat(robot.lookup("#alert-banner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#alert").queryAs(Label.class).getText()).contains("bad_record_mac");
        assertThat(robot.lookup(".arrow-row.tampered").queryAll()).hasSize(1);
        assertThat(robot.lookup("#step-server_rejects_record").queryAll()).hasSize(1);
    }

    @Test
    void backReturnsAnIdenticalEarlierStateAndTheInspectorSelectsBothWays(FxRobot robot) throws Exception {
        for (int i = 0; i < 6; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        String before = snapshot(robot);
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        assertThat(snapshot(robot)).isNotEqualTo(before);
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        assertThat(snapshot(robot)).isEqualTo(before);
        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        assertThat(snapshot(robot)).isEqualTo(before);

        // The diagram keeps the newest step in view; ClientHello is above it once the certificate check shows
        // its formula. Scroll to the top first, as a person would (the headless robot's wheel does not scroll).
        javafx.scene.control.ScrollPane diagram = robot.lookup("#diagram .scroll-pane")
                .queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> diagram.setVvalue(diagram.getVmin()));
        robot.clickOn("#step-client_hello");
        TreeView<?> tree = robot.lookup("#field-tree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).isNotEmpty();
        // Byte 3 of a record is the first of its two length bytes: clicking it selects that field, and the
        // field's bytes are marked in the hex dump, not its neighbours'.
        HexRow row = clickByte(robot, 3);
        assertThat(((io.tlsviz.engine.Field) tree.getSelectionModel().getSelectedItem().getValue()).name())
                .isEqualTo("Record Length");
        assertThat(marked(row, 3)).isTrue();
        assertThat(marked(row, 4)).isTrue();
        assertThat(marked(row, 2)).as("the version's last byte").isFalse();
        assertThat(marked(row, 5)).as("the handshake type").isFalse();
        assertThat(robot.lookup("#field-detail").queryAs(Label.class).getText()).isNotEmpty();

        robot.press(KeyCode.HOME).release(KeyCode.HOME);
        assertThat(status(robot)).contains("step 0");
        robot.clickOn("#jump-5");
        assertThat(status(robot)).contains("step 5");
    }

    /**
     * What keeps a step cheap to draw without a GPU (decision 0010), checked on the live window in every theme
     * midway through DHE: the backgrounds the window paints, each clipped to what can show, add up to less than
     * three windows' worth of pixels (2.3 here, counting every button's fills; nested containers that each filled
     * had made it 5.7); no large box has a rounded border or one that is the same on all four sides, which the
     * software pipeline rasterises with anti-aliasing across the whole box; and neither has any knowledge card or
     * computation badge, the boxes a step adds many of.
     */
    @Test
    void aStepsBackgroundsAndBordersStayCheapToDrawInEveryTheme(FxRobot robot) throws Exception {
        robot.clickOn("#exchange-dhe");
        for (int i = 0; i < 12; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        for (Theme theme : Theme.values()) {
            robot.interact(() -> window.themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> costly = new java.util.ArrayList<>();
            double windows = FxThread.call(() -> {
                window.applyCss();
                window.layout();
                javafx.geometry.Bounds scene = new javafx.geometry.BoundingBox(0, 0, window.getScene().getWidth(),
                        window.getScene().getHeight());
                double windowArea = area(scene);
                double[] filled = {0};
                visibleRegions(window, scene, (r, shown) -> {
                    double area = area(intersection(r.localToScene(r.getLayoutBounds()), shown));
                    if (r.getBackground() != null) {
                        filled[0] += area * r.getBackground().getFills().size();
                    }
                    boolean repeated = r.getStyleClass().contains("knowledge-value")
                            || r.getStyleClass().contains("computation-badge");
                    if (area > 0 && (repeated || area > windowArea / 10) && costlyToDraw(r)) {
                        costly.add(r.getClass().getSimpleName() + r.getStyleClass());
                    }
                });
                return filled[0] / windowArea;
            });
            assertThat(windows).as("windows' worth of background in %s", theme).isLessThan(3.0);
            assertThat(costly).as("boxes with a uniform or rounded border in %s", theme).isEmpty();
        }
        assertThat(robot.lookup(".knowledge-value").queryAll()).as("the check saw cards").hasSizeGreaterThan(10);
        assertThat(robot.lookup(".computation-badge").queryAll()).as("and badges").hasSizeGreaterThan(3);
    }

    private static boolean costlyToDraw(javafx.scene.layout.Region r) {
        javafx.scene.layout.CornerRadii square = javafx.scene.layout.CornerRadii.EMPTY;
        boolean roundFill = r.getBackground() != null
                && r.getBackground().getFills().stream().anyMatch(f -> !f.getRadii().equals(square));
        boolean costlyBorder = r.getBorder() != null && r.getBorder().getStrokes().stream()
                .anyMatch(st -> st.isStrokeUniform() || !st.getRadii().equals(square));
        return roundFill || costlyBorder;
    }

    /** Every shown region with the part of the scene it can paint: its ancestors' clips (a scroll pane's viewport). */
    private static void visibleRegions(Node node, javafx.geometry.Bounds shown,
            java.util.function.BiConsumer<javafx.scene.layout.Region, javafx.geometry.Bounds> action) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        javafx.geometry.Bounds within = node.getClip() == null ? shown
                : intersection(shown, node.localToScene(node.getClip().getBoundsInParent()));
        if (node instanceof javafx.scene.layout.Region r) {
            action.accept(r, within);
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                visibleRegions(child, within, action);
            }
        }
    }

    private static javafx.geometry.Bounds intersection(javafx.geometry.Bounds a, javafx.geometry.Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        return new javafx.geometry.BoundingBox(minX, minY, Math.max(0, Math.min(a.getMaxX(), b.getMaxX()) - minX),
                Math.max(0, Math.min(a.getMaxY(), b.getMaxY()) - minY));
    }

    private static double area(javafx.geometry.Bounds b) {
        return b.getWidth() * b.getHeight();
    }

    @Test
    void theInspectorStaysWhereItIsFromAMessageStepToAComputationStep(FxRobot robot) throws Exception {
        Node tree = robot.lookup("#field-tree").query();
        java.util.Set<Double> tops = new java.util.TreeSet<>();
        boolean sawEmpty = false;
        boolean sawMessage = false;
        for (int i = 0; i < 6; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            boolean none = FxThread.call(() -> window.lessons().classroom().inspector().messageProperty().get() == null);
            sawEmpty |= none;
            sawMessage |= !none;
            tops.add(FxThread.call(() -> tree.localToScene(0, 0).getY()));
        }
        assertThat(sawEmpty && sawMessage).as("both kinds of step were shown").isTrue();
        assertThat(tops).as("the field tree's top edge").hasSize(1);
        assertThat(robot.lookup(".muted").lookup((Label l) -> l.getText().startsWith("Select a message")).queryAll())
                .isNotEmpty();
    }

    @Test
    void hoveringAValueShowsTheWholeValueAndHoveringAStepItsMeaning(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        Node box = robot.lookup("#kv-eavesdropper-server_public_key").query();
        String hex = FxThread.call(() -> ((io.tlsviz.app.viewmodel.KnowledgeItem) box.getProperties()
                .get(io.tlsviz.app.viewmodel.KnowledgeItem.class)).hex());
        assertThat(hex).as("a value longer than the column shows").hasSizeGreaterThan(200);
        robot.moveTo(box).moveBy(4, 3).moveBy(3, 2);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> shownTooltip().replace("\n", "").contains(hex));

        robot.moveTo("#step-server_hello").moveBy(4, 3).moveBy(3, 2);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !shownTooltip().isEmpty() && !shownTooltip().replace("\n", "").contains(hex));
    }

    @Test
    void theProvenTagSaysWhatProvenMeans(FxRobot robot) throws Exception {
        nextUntilShown(robot, "#proven-client-premaster_secret");
        WaitForAsyncUtils.waitForFxEvents(); // the column has scrolled the new value into view
        // From outside the value onto it, as a person's pointer comes: its tooltip is made when the pointer
        // enters it, and a pointer left over it by an earlier step would never enter.
        robot.moveTo("#status");
        robot.moveTo("#kv-client-premaster_secret").moveBy(4, 3).moveBy(3, 2);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> FxThread.call(
                () -> javafx.stage.Window.getWindows().stream()
                        .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                        .map(w -> ((javafx.scene.control.Tooltip) w).getText())
                        .anyMatch(t -> t.startsWith("premaster_secret (48 bytes)")
                                && t.contains("Proven: tlsviz computed this value once more itself"))));
    }

    /** The text of the tooltip on screen, or "". */
    private static String shownTooltip() throws Exception {
        return FxThread.call(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse(""));
    }

    @Test
    void largerTypeMakesTheComputationBadgesTallerSoTheirFormulasStayWhole(FxRobot robot) {
        for (int i = 0; i < 6; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        Label badge = robot.lookup(".computation-badge").queryAs(Label.class);
        double before = badge.getParent().getLayoutBounds().getHeight();
        double badgeBefore = badge.getHeight();
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge.getHeight()).isGreaterThan(badgeBefore);
        assertThat(badge.getParent().getLayoutBounds().getHeight()).as("the row grows with its badge")
                .isGreaterThan(before)
                .isGreaterThanOrEqualTo(badge.getBoundsInParent().getMaxY());

        // The row measures its badge once per badge width. A badge already as wide as the row lets it (it wraps)
        // keeps that width when its type grows, and must be measured again all the same.
        robot.interact(() -> badge.setStyle("-fx-font-size: 2.5em;"));
        WaitForAsyncUtils.waitForFxEvents();
        double width = badge.getWidth();
        double tall = badge.getParent().getLayoutBounds().getHeight();
        robot.interact(() -> badge.setStyle("-fx-font-size: 4em;"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge.getWidth()).as("wrapping at the row's limit").isEqualTo(width);
        assertThat(badge.getParent().getLayoutBounds().getHeight()).isGreaterThan(tall)
                .isGreaterThanOrEqualTo(badge.getBoundsInParent().getMaxY());
    }

    @Test
    void theInspectorTakesTheDiagramsPlaceOnCtrlIOrFromTheViewMenuAndGivesItBack(FxRobot robot) {
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT); // ClientHello, in the inspector
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.Region inspector = robot.lookup("#inspector").queryAs(javafx.scene.layout.Region.class);
        javafx.scene.layout.Region tree = robot.lookup("#field-tree").queryAs(javafx.scene.layout.Region.class);
        double height = inspector.getHeight();
        double treeHeight = tree.getHeight();

        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diagram").tryQuery()).as("the diagram gives up its place").isEmpty();
        assertThat(inspector.getHeight()).isGreaterThan(height * 2);
        assertThat(tree.getHeight()).as("more rows of fields").isGreaterThan(treeHeight * 1.5);

        // Stepping on while it is enlarged: the inspector follows, and the diagram has caught up when it is back.
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TreeView<?> fields = robot.lookup("#field-tree").queryAs(javafx.scene.control.TreeView.class);
        assertThat(((io.tlsviz.engine.Field) fields.getRoot().getChildren().get(0).getValue()).value())
                .contains("ServerHello");
        robot.clickOn("#menu-view");
        robot.clickOn("Enlarge the inspector");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diagram").tryQuery()).isPresent();
        assertThat(inspector.getHeight()).isCloseTo(height, org.assertj.core.data.Offset.offset(2.0));
        assertThat(current(robot)).isEqualTo("step-server_hello");
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diagram").tryQuery()).as("Ctrl+I again, after the menu").isEmpty();
    }

    @Test
    void theCurrentStepStandsOutInTheStripWhateverItsKind(FxRobot robot) {
        robot.clickOn("#jump-1"); // ClientHello: a message
        javafx.scene.paint.Paint message = fill(robot, "#jump-1");
        robot.clickOn("#jump-5"); // a computation
        assertThat(robot.lookup("#jump-5").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(fill(robot, "#jump-5")).as("the current step's fill, as for a message").isEqualTo(message);
        robot.clickOn("#jump-6");
        assertThat(fill(robot, "#jump-5")).as("a computation step already shown, not current")
                .isNotEqualTo(message).isNotEqualTo(javafx.scene.paint.Color.TRANSPARENT);
        assertThat(fill(robot, "#jump-7")).as("a step still to come is hollow")
                .isEqualTo(javafx.scene.paint.Color.TRANSPARENT);
    }

    /** The first fill of a step button's background, transparent when it has none. */
    private static javafx.scene.paint.Paint fill(FxRobot robot, String id) {
        javafx.scene.layout.Background b = robot.lookup(id).queryAs(ToggleButton.class).getBackground();
        return b == null || b.getFills().isEmpty() ? javafx.scene.paint.Color.TRANSPARENT : b.getFills().get(0).getFill();
    }

    @Test
    void nextPressedWhileAnEnvelopeIsStillTravellingLandsItInsteadOfLeavingItOnTheArrow(FxRobot robot) {
        // The envelope travels, and slowly enough that every press below lands before it arrives, however loaded
        // the machine running this test is.
        robot.interact(() -> {
            window.diagram().animationDurationProperty().unbind();
            window.diagram().animationDurationProperty().set(javafx.util.Duration.seconds(30));
        });
        // As from a teacher's double click: Next again before the envelope arrived.
        for (int i = 0; i < 10; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        assertThat(robot.lookup("#envelope").queryAll()).as("at most the newest one in flight").hasSizeLessThan(2);
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        assertThat(robot.lookup("#envelope").queryAll()).as("Back redraws: nothing in flight").isEmpty();
    }

    @Test
    void aLongRecordShowsEveryByteInTheHexViewAndSelectsAcrossTheWholeOfIt(FxRobot robot) throws Exception {
        for (int i = 0; i < 4; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        robot.clickOn("#step-server_certificate");
        int length = FxThread.call(() -> window.lessons().classroom().inspector().recordBytes().length);
        assertThat(length).as("the certificate record spans many rows").isGreaterThan(24 * 16);
        List<HexRow> rows = FxThread.call(() -> robot.lookup("#inspector").queryAs(InspectorView.class).recordRows());
        assertThat(rows.stream().mapToInt(HexRow::byteCount).sum()).as("every byte is in the dump").isEqualTo(length);
        assertThat(rows).allSatisfy(r -> assertThat(r.getAccessibleText()).startsWith(String.format("%04x: ", r.firstByte())));
        Node hexView = robot.lookup("#hex-view").query();
        javafx.scene.control.ScrollPane scroll = robot.lookup(".scroll-pane")
                .match(n -> ((javafx.scene.control.ScrollPane) n).getContent() == hexView)
                .queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            scroll.setVvalue(scroll.getVmax());
            scroll.setHvalue(scroll.getHmax());
        });
        HexRow last = clickByte(robot, length - 1);
        assertThat(marked(last, (length - 1) % HexRow.BYTES_PER_ROW)).isTrue();
        assertThat(robot.lookup("#field-detail").queryAs(Label.class).getText()).isNotEmpty();
    }

    @Test
    void inTheProjectorThemeTheHexViewShowsAllSixteenBytesOfARowWithoutScrolling(FxRobot robot) throws Exception {
        robot.interact(() -> window.themeProperty().set(Theme.PROJECTOR));
        for (int i = 0; i < 4; i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        robot.clickOn("#step-server_certificate");
        Node hexView = robot.lookup("#hex-view").query();
        javafx.scene.control.ScrollPane scroll = robot.lookup(".scroll-pane")
                .match(n -> ((javafx.scene.control.ScrollPane) n).getContent() == hexView)
                .queryAs(javafx.scene.control.ScrollPane.class);
        List<Double> edges = FxThread.call(() -> {
            window.layout();
            HexRow first = robot.lookup("#inspector").queryAs(InspectorView.class).recordRows().get(0);
            Node viewport = scroll.lookup(".viewport");
            return List.of((double) first.byteCount(), scroll.getHvalue(),
                    first.localToScene(first.byteBounds(HexRow.BYTES_PER_ROW - 1)).getMaxX(),
                    viewport.localToScene(viewport.getLayoutBounds()).getMaxX());
        });
        assertThat(edges.get(0)).as("a full row").isEqualTo((double) HexRow.BYTES_PER_ROW);
        assertThat(edges.get(1)).as("not scrolled sideways").isZero();
        assertThat(edges.get(2)).as("the sixteenth byte ends inside the visible part").isLessThanOrEqualTo(edges.get(3));
    }

    @Test
    void theValueAPartyJustMadeStaysInViewAtTheNextStep(FxRobot robot) throws Exception {
        // RSA: the client encrypts the premaster (a new value at the end of its column, revealed), then sends the
        // ClientKeyExchange; the client learns nothing there, but its newest value loses its "new" mark.
        nextUntilShown(robot, "#kv-client-encrypted_premaster_secret");
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(current(robot)).isEqualTo("step-client_key_exchange");

        InView.assertWhollyShown(InView.column(window, "client"),
                robot.lookup("#kv-client-encrypted_premaster_secret").query(), "the client's newest value");
    }

    /** Clicks byte {@code i} of the record's hex dump where it is drawn, as a person would; returns its row. */
    private static HexRow clickByte(FxRobot robot, int i) throws Exception {
        HexRow row = FxThread.call(() -> robot.lookup("#inspector").queryAs(InspectorView.class).recordRows()
                .get(i / HexRow.BYTES_PER_ROW));
        javafx.geometry.Bounds b = FxThread.call(() -> row.localToScreen(row.byteBounds(i % HexRow.BYTES_PER_ROW)));
        robot.clickOn(new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        return row;
    }

    /** Whether byte {@code i} of a hex row is drawn as part of the selected field, once the row is laid out. */
    private static boolean marked(HexRow row, int i) throws Exception {
        return FxThread.call(() -> {
            row.layout();
            return row.isMarked(i);
        });
    }

    private static String snapshot(FxRobot robot) {
        StringBuilder sb = new StringBuilder(status(robot));
        for (String p : List.of("client", "eavesdropper", "server")) {
            robot.lookup("#knowledge-" + p + " .knowledge-value").queryAll()
                    .forEach(n -> sb.append('|').append(n.getId()).append(n.getStyleClass()).append(n.getAccessibleText()));
        }
        robot.lookup(".arrow-row").queryAll().forEach(n -> sb.append('|').append(n.getId()).append(n.getAccessibleText()));
        sb.append(robot.lookup("#narration").queryAs(NarrationView.class).plainText());
        return sb.toString();
    }

    @Test
    void inTheProjectorThemeLongNamesKeepBothEndsAndFormulasDoNotRepeatTheName(FxRobot robot) {
        robot.interact(() -> window.themeProperty().set(Theme.PROJECTOR));
        for (int i = 0; i < 4; i++) { // larger still, as for the back of a big room
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        robot.clickOn("#exchange-tls13");
        nextUntilShown(robot, "#kv-client-client_handshake_write_iv");
        WaitForAsyncUtils.waitForFxEvents();
        for (String name : List.of("client_handshake_write_key", "client_handshake_write_iv")) {
            Node value = robot.lookup("#kv-client-" + name).query();
            Label shown = robot.from(value).lookup(".value-name").queryAs(Label.class);
            javafx.scene.text.Text text = robot.from(shown).lookup(".text").queryAs(javafx.scene.text.Text.class);
            assertThat(text.getText()).as("what the column shows of " + name).contains("...")
                    .endsWith(name.substring(name.lastIndexOf('_') + 1));
            javafx.geometry.Bounds onScreen = text.localToScene(text.getLayoutBounds());
            javafx.geometry.Bounds box = value.localToScene(value.getLayoutBounds());
            javafx.geometry.Bounds label = shown.localToScene(shown.getLayoutBounds());
            assertThat(onScreen.getMaxX()).as("no part of " + name + " runs past its box").isLessThanOrEqualTo(box.getMaxX());
            assertThat(onScreen.getMaxY()).as("no line of " + name + " is cut off").isLessThanOrEqualTo(label.getMaxY() + 0.5);
            Label formula = robot.from(value).lookup(".formula").queryAs(Label.class);
            assertThat(formula.getText()).startsWith("=\u00a0HKDF-Expand-Label(client_handshake_traffic_secret");
        }
        Label header = robot.lookup("#knowledge-eavesdropper .knowledge-header").queryAs(Label.class);
        javafx.scene.text.Text headerText = robot.from(header).lookup(".text").queryAs(javafx.scene.text.Text.class);
        assertThat(headerText.getText()).as("the column's header, wrapped rather than cut")
                .isEqualTo(header.getText());
        Node random = robot.lookup("#kv-client-client_random").query();
        Label described = robot.from(random).lookup(".formula").queryAs(Label.class);
        assertThat(described.getText()).isEqualTo("\u2190 32 random bytes the client chose");
    }

    @Test
    void projectorThemeAndFontSizeAndPlay(FxRobot robot) {
        robot.interact(() -> window.themeProperty().set(Theme.PROJECTOR));
        assertThat(window.getScene().getStylesheets()).anyMatch(s -> s.endsWith("projector.css"));
        assertThat(prefs.theme()).isEqualTo("projector");
        int px = window.fontPx();
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertThat(window.fontPx()).isEqualTo(px + 2);
        assertThat(window.getStyle()).contains((px + 2) + "px");
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        assertThat(window.fontPx()).isEqualTo(px);
        robot.press(KeyCode.P).release(KeyCode.P);
        assertThat(robot.lookup("#play").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("Pause");
        robot.press(KeyCode.P).release(KeyCode.P);
        assertThat(robot.lookup("#play").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("Play");
        assertThat(robot.lookup("#exchange-rsa").queryAs(ToggleButton.class).isSelected()).isTrue();
    }
}
