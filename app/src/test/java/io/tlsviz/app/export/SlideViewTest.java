package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.view.DiagramView;
import io.tlsviz.app.view.KnowledgeView;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A slide shows the window's own views at the slide's step, as much as fits, readable from the back of a room. */
class SlideViewTest {
    private static final Trace RSA = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));
    private static final LessonLibrary LIBRARY = LessonLibrary.loadShipped();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A deck's slide view in its renderer's scene, as an export has it. Make and use on the JavaFX thread. */
    private record Attached(SlideView view, SlideRenderer renderer) {
        static Attached of(Trace trace, Locale locale, SlideTheme theme) {
            SlideView view = new SlideView(trace, new ExportTexts(locale), theme);
            SlideRenderer renderer = new SlideRenderer(theme);
            renderer.attach(view);
            return new Attached(view, renderer);
        }

        /** Shows the slide in the layout and renders it, as an export does. */
        SlideRenderer.Pixels show(SlideContent slide, SlideLayout layout) {
            view.show(slide, layout);
            return renderer.snapshot(view);
        }
    }

    @Test
    void composesTheWindowsDiagramAndKnowledgeAtTheStep() throws Exception {
        int premaster = RSA.step("client_makes_premaster").orElseThrow().index() + 1;
        SlideContent slide = new SlideContent("The premaster", "", "", premaster, List.of("premaster_secret"));

        List<Object> found = FxThread.call(() -> {
            SlideView view = Attached.of(RSA, Locale.ENGLISH, SlideTheme.LIGHT).view();
            view.show(slide, SlideLayout.BESIDE_TEXT);
            return List.of(view.lookup("#diagram"), view.lookup("#knowledge"),
                    view.lookup("#kv-client-premaster_secret") != null,
                    view.lookup("#kv-eavesdropper-premaster_secret") == null,
                    view.lookup("#kv-client-premaster_secret").getStyleClass().contains("input-highlight"));
        });

        assertThat(found.get(0)).isInstanceOf(DiagramView.class);
        assertThat(found.get(1)).isInstanceOf(KnowledgeView.class);
        assertThat(found.subList(2, 5)).containsExactly(true, true, true);
    }

    /**
     * The smallest text a class has to read in any picture of the RSA lesson, in every layout and both themes, is
     * 12 points or more on the 13.33 x 7.5 inch slide (24 pixels at two pixels a point); in the projector theme a
     * fifth more. Before, the picture was a 1920 x 1080 window shrunk to 640 points: its 16-pixel marks came out
     * at about 5 points, its 19-pixel text at 6.
     */
    @Test
    void theSmallestTextOfEveryPictureIsReadableFromTheBack() throws Exception {
        Lesson rsa = LIBRARY.find("rsa", "en").orElseThrow();
        Trace trace = HandshakeSession.run(rsa.scenario());
        List<SlideContent> slides = new LessonSlideSource(rsa).slides(trace, Locale.ENGLISH);

        for (SlideTheme theme : SlideTheme.values()) {
            List<String> smallest = FxThread.call(() -> {
                Attached deck = Attached.of(trace, Locale.ENGLISH, theme);
                SlideView view = deck.view();
                List<String> found = new ArrayList<>();
                double least = Double.MAX_VALUE;
                String where = "";
                for (SlideLayout layout : SlideLayout.values()) {
                    for (SlideContent slide : slides) {
                        deck.show(slide, layout);
                        for (Text text : shownTexts(view)) {
                            if (text.getFont().getSize() < least) {
                                least = text.getFont().getSize();
                                where = layout + " / " + slide.title() + " / '" + text.getText() + "'";
                            }
                        }
                    }
                }
                found.add(String.valueOf(least / SlideLayout.PIXELS_PER_POINT));
                found.add(where);
                return found;
            });

            double points = Double.parseDouble(smallest.get(0));
            assertThat(points).as("%s: the smallest text, in points (%s)", theme, smallest.get(1))
                    .isGreaterThanOrEqualTo(theme == SlideTheme.LIGHT ? 12 : 14.5);
        }
    }

    /**
     * A bare picture is the whole slide: the title, the picture where a PDF page has it, and the narration beside
     * it with the lesson's {@code *emphasis*} in bold italic, as the window sets it. The other layouts leave the
     * title and the narration to the format, and their picture fills the place it is drawn in.
     */
    @Test
    void aWholeSlideHasTheTitleAndTheNarrationWithItsEmphasis() throws Exception {
        Lesson rsa = LIBRARY.find("rsa", "en").orElseThrow();
        Trace trace = HandshakeSession.run(rsa.scenario());
        SlideContent hello = new LessonSlideSource(rsa).slides(trace, Locale.ENGLISH).get(0);

        List<Object> found = FxThread.call(() -> {
            Attached deck = Attached.of(trace, Locale.ENGLISH, SlideTheme.LIGHT);
            SlideView view = deck.view();
            List<Object> seen = new ArrayList<>();
            SlideRenderer.Pixels pixels = deck.show(hello, SlideLayout.WHOLE_SLIDE);
            seen.add(pixels.width() + "x" + pixels.height());
            Label title = (Label) view.lookup("#slide-title");
            seen.add(title.isVisible() ? title.getText() : "");
            Text emphasised = shownTexts(view).stream().filter(t -> t.getText().equals("cipher suites")).findFirst()
                    .orElse(null);
            seen.add(emphasised == null ? "none" : style(emphasised.getFont()));
            Text plain = shownTexts(view).stream().filter(t -> t.getText().startsWith("The client opens")).findFirst()
                    .orElse(null);
            seen.add(plain == null ? "none" : style(plain.getFont()));
            Node diagram = view.lookup("#diagram");
            seen.add(diagram.localToScene(diagram.getLayoutBounds()).getMinX());
            pixels = deck.show(hello, SlideLayout.BESIDE_TEXT);
            seen.add(pixels.width() + "x" + pixels.height());
            seen.add(view.lookup("#slide-title").isVisible() || view.lookup("#slide-narration").isVisible());
            seen.add(shownTexts(view).stream().anyMatch(t -> t.getText().equals("cipher suites")));
            return seen;
        });

        assertThat(found.get(0)).isEqualTo("1920x1080");
        assertThat(found.get(1)).isEqualTo("1. Client hello");
        assertThat(found.get(2)).as("the emphasised run").isEqualTo("bold italic");
        assertThat(found.get(3)).as("the text around it").isEqualTo("regular");
        assertThat((double) found.get(4)).as("the picture at the PDF page's margin")
                .isCloseTo(SlideGeometry.MARGIN * SlideLayout.PIXELS_PER_POINT, org.assertj.core.data.Offset.offset(1.0));
        assertThat(found.get(5)).isEqualTo(SlideLayout.BESIDE_TEXT.pixelWidth() + "x"
                + SlideLayout.BESIDE_TEXT.pixelHeight());
        assertThat(found.subList(6, 8)).as("no title, no narration").containsExactly(false, false);
    }

    /**
     * In every picture of the DHE lesson (German, projector: the largest type) and of the TLS 1.3 handshake's steps
     * (up to nine new values at one step), in every layout: no value is cut, and each value left out is named in
     * its column's line; the beat's values (new and highlighted) are all shown whole when they fit the column
     * together, and else its new values when they do. No row of the diagram is cut either, and the steps left out
     * above it are counted.
     */
    @Test
    void nothingIsCutAndWhatIsLeftOutIsNamed() throws Exception {
        Lesson dhe = LIBRARY.find("dhe", "de").orElseThrow();
        Trace dheTrace = HandshakeSession.run(dhe.scenario());
        Trace tls13 = HandshakeSession.run(ScenarioOptions.defaults(Exchange.TLS13));

        List<String> problems = new ArrayList<>();
        problems.addAll(problems(dheTrace, new LessonSlideSource(dhe).slides(dheTrace, Locale.GERMAN),
                SlideTheme.PROJECTOR, Locale.GERMAN));
        problems.addAll(problems(tls13, new StepSlideSource().slides(tls13, Locale.ENGLISH), SlideTheme.LIGHT,
                Locale.ENGLISH));

        assertThat(problems).isEmpty();
    }

    private static List<String> problems(Trace trace, List<SlideContent> slides, SlideTheme theme, Locale locale)
            throws Exception {
        return FxThread.call(() -> {
            Attached deck = Attached.of(trace, locale, theme);
            SlideView view = deck.view();
            List<String> found = new ArrayList<>();
            for (SlideLayout layout : SlideLayout.values()) {
                for (SlideContent slide : slides) {
                    if (slide.veiled()) {
                        continue;
                    }
                    deck.show(slide, layout);
                    String where = layout + " / " + slide.title();
                    for (Node column : view.lookupAll(".knowledge-column")) {
                        found.addAll(columnProblems(column, slide.highlight(), where));
                    }
                    found.addAll(diagramProblems(view, where));
                }
            }
            return found;
        });
    }

    private static List<String> columnProblems(Node column, List<String> highlight, String where) {
        List<String> found = new ArrayList<>();
        Node viewport = column.lookup(".viewport");
        Bounds port = viewport.localToScene(viewport.getLayoutBounds());
        Label more = (Label) column.lookup(".picture-summary");
        List<Node> fresh = new ArrayList<>();
        List<Node> wanted = new ArrayList<>();
        for (Node value : column.lookupAll(".knowledge-value")) {
            String name = value.getId().replaceFirst("^kv-[a-z]+-", "");
            boolean isNew = value.getStyleClass().contains("new-value");
            if (isNew) {
                fresh.add(value);
            }
            if (isNew || highlight.contains(name)) {
                wanted.add(value);
            }
            if (!value.isVisible()) {
                if (!more.isVisible() || !more.getText().contains(name)) {
                    found.add(where + " / " + value.getId() + " is left out without being named");
                }
                continue;
            }
            Bounds b = value.localToScene(value.getLayoutBounds());
            if (b.getMinY() < port.getMinY() - 0.5 || b.getMaxY() > port.getMaxY() + 0.5) {
                found.add(where + " / " + value.getId() + " is cut");
            }
        }
        for (List<Node> must : List.of(wanted, fresh)) {
            double height = must.stream().mapToDouble(n -> n.prefHeight(port.getWidth())).sum() + 6 * must.size();
            if (height <= port.getHeight()) {
                must.stream().filter(n -> !n.isVisible())
                        .forEach(n -> found.add(where + " / " + n.getId() + " fits but is left out"));
                break;
            }
        }
        return found;
    }

    private static List<String> diagramProblems(Parent view, String where) {
        List<String> found = new ArrayList<>();
        Node diagram = view.lookup("#diagram");
        if (diagram.getScene() == null || !diagram.isVisible()) {
            return found;
        }
        Node viewport = diagram.lookup(".viewport");
        Bounds port = viewport.localToScene(viewport.getLayoutBounds());
        int left = 0;
        for (Node row : diagram.lookupAll(".arrow-row")) {
            if (!row.isVisible()) {
                left++;
                continue;
            }
            Bounds b = row.localToScene(row.getLayoutBounds());
            if (b.getMinY() < port.getMinY() - 0.5 || b.getMaxY() > port.getMaxY() + 0.5) {
                found.add(where + " / " + row.getId() + " is cut");
            }
        }
        Label earlier = (Label) diagram.lookup("#diagram-earlier");
        if (left > 0 && !(earlier.isVisible() && earlier.getText().contains(String.valueOf(left)))) {
            found.add(where + " / " + left + " rows are left out without a word");
        }
        return found;
    }

    /**
     * A "who knows?" question slide hides the columns behind the window's veil, which would otherwise give the
     * answer away; its answer slide, the same step, shows them.
     */
    @Test
    void aWhoKnowsQuestionVeilsTheColumnsAndItsAnswerShowsThem() throws Exception {
        Lesson dhe = LIBRARY.find("dhe", "en").orElseThrow();
        Trace trace = HandshakeSession.run(dhe.scenario());
        List<SlideContent> slides = new LessonSlideSource(dhe).slides(trace, Locale.ENGLISH);
        int question = 0;
        while (!slides.get(question).veiled()) {
            question++;
        }
        SlideContent asked = slides.get(question);
        SlideContent answered = slides.get(question + 1);

        List<Object> found = FxThread.call(() -> {
            Attached deck = Attached.of(trace, Locale.ENGLISH, SlideTheme.LIGHT);
            SlideView view = deck.view();
            List<Object> seen = new ArrayList<>();
            for (SlideContent slide : List.of(asked, answered)) {
                deck.show(slide, SlideLayout.BESIDE_TEXT);
                Label veil = (Label) view.lookup("#knowledge-veil");
                seen.add(veil.isVisible());
                seen.add(view.lookup("#knowledge").isVisible());
                seen.add(veil.getText());
            }
            return seen;
        });

        assertThat(answered.title()).isEqualTo("Answer: " + asked.title());
        assertThat(answered.stepsRevealed()).isEqualTo(asked.stepsRevealed());
        assertThat(found.subList(0, 2)).as("question: veil shown, columns hidden").containsExactly(true, false);
        assertThat((String) found.get(2)).startsWith("Who knows it?");
        assertThat(found.subList(3, 5)).as("answer: columns shown").containsExactly(false, true);
    }

    /**
     * The forward-secrecy lesson's high point: its beat shows what the window shows there, the request and the
     * response decrypted from the recording with the leaked key (the DHE recording has a beat of its own); whole, in
     * every layout and both themes.
     */
    @Test
    void theAttackBeatShowsTheDecryptedRecordingAsTheWindowDoes() throws Exception {
        Lesson fs = LIBRARY.find("forward-secrecy", "en").orElseThrow();
        Trace trace = HandshakeSession.run(fs.scenario());
        List<SlideContent> slides = new LessonSlideSource(fs).slides(trace, Locale.ENGLISH);
        SlideContent falls = slides.stream().filter(s -> s.title().equals("The recording falls open")).findFirst()
                .orElseThrow();
        SlideContent first = slides.get(0);

        for (SlideTheme theme : SlideTheme.values()) {
            for (SlideLayout layout : SlideLayout.values()) {
                List<Object> found = FxThread.call(() -> {
                    Attached deck = Attached.of(trace, Locale.ENGLISH, theme);
                    SlideView view = deck.view();
                    List<Object> seen = new ArrayList<>();
                    SlideRenderer.Pixels pixels = deck.show(falls, layout);
                    Node attack = view.lookup("#attack");
                    seen.add(attack.isVisible() && attack.isManaged());
                    seen.add(((Label) view.lookup("#attack-plaintext-1")).getText());
                    seen.add(((Label) view.lookup("#attack-plaintext-2")).getText());
                    seen.add(((Label) view.lookup("#attack-rsa")).getText());
                    seen.add(view.lookup("#attack-dhe") == null); // the DHE recording has its own beat
                    Bounds a = attack.localToScene(attack.getLayoutBounds());
                    seen.add(a.getMaxY() <= pixels.height() && a.getMaxX() <= pixels.width() && a.getHeight() > 0);
                    deck.show(first, layout);
                    Node none = view.lookup("#attack");
                    seen.add(none != null && none.isVisible());
                    return seen;
                });

                String which = theme + " / " + layout;
                assertThat(found.get(0)).as("%s: the attack is in the picture", which).isEqualTo(true);
                assertThat((String) found.get(1)).startsWith("GET / HTTP/1.1");
                assertThat((String) found.get(2)).startsWith("HTTP/1.1 200 OK");
                assertThat(found.subList(3, 5)).containsExactly("RSA recording: opened.", true);
                assertThat(found.get(5)).as("%s: wholly inside the picture", which).isEqualTo(true);
                assertThat(found.get(6)).as("a beat without an attack shows none").isEqualTo(false);
            }
        }
    }

    /** The texts a snapshot of {@code root} shows: visible, with visible ancestors, not empty. */
    static List<Text> shownTexts(Parent root) {
        List<Text> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Text> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Text t && !t.getText().isBlank()) {
            found.add(t);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }

    private static String style(Font font) {
        String style = font.getStyle().toLowerCase(Locale.ROOT);
        boolean bold = style.contains("bold");
        boolean italic = style.contains("italic") || style.contains("oblique");
        return bold && italic ? "bold italic" : bold ? "bold" : italic ? "italic" : "regular";
    }
}
