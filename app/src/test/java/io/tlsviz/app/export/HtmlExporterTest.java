package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlExporterTest {
    private static final Pattern REFERENCE = Pattern.compile("(?i)(?:src|href|action|poster)\\s*=\\s*[\"']?([^\"'\\s>]*)");

    @TempDir
    Path dir;

    @Test
    void oneSelfContainedFileWithEverySlide() throws Exception {
        Path html = dir.resolve("deck.html");

        new HtmlExporter().write(TestDecks.deck(6), html, ExportMonitor.NONE);

        String page = Files.readString(html, StandardCharsets.UTF_8);
        for (int n = 1; n <= 6; n++) {
            assertThat(page).contains("id=\"slide-" + n + "\"").contains("<h2>Title " + n + " \u00fcber Schl\u00fcssel</h2>");
        }
        assertThat(page).contains("<html lang=\"de\">").contains("alt=\"Picture 3\"");
        Matcher m = REFERENCE.matcher(page);
        int images = 0;
        while (m.find()) {
            String url = m.group(1);
            assertThat(url).as("every reference stays inside the file").doesNotStartWith("//")
                    .doesNotStartWithIgnoringCase("http:").doesNotStartWithIgnoringCase("https:");
            assertThat(url).matches("data:image/png;base64,.*|#.*");
            images += url.startsWith("data:") ? 1 : 0;
        }
        assertThat(images).isEqualTo(6);
        assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain("http:").doesNotContain("https:")
                .doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void keysAndClickerKeysMoveBetweenSlides() throws Exception {
        String page = new HtmlExporter().render(TestDecks.deck(2), ExportMonitor.NONE);

        for (String key : List.of("'ArrowRight'", "'ArrowLeft'", "'PageDown'", "'PageUp'", "' '", "'Home'", "'End'")) {
            assertThat(page).contains("case " + key);
        }
    }

    /** A quiz's options are lines of one paragraph: each on its own line, not run together into one. */
    @Test
    void aParagraphsLineBreaksStay() {
        Slide quiz = new Slide(1, "Quiz", "Why?\n\nQuestion: Which one?\n1. This <one>\n2. That one", TestDecks.png(1),
                "", "Question: Which one?\n1. This <one>\n2. That one\n\nAnswer: 1. This <one>.");
        String page = new HtmlExporter().render(new SlideDeck("Deck", "", "", Locale.ENGLISH, List.of(quiz)),
                ExportMonitor.NONE);

        String narration = page.substring(page.indexOf("<div class=\"narration\">"), page.indexOf("<aside"));
        assertThat(narration).contains("<p>Why?</p>")
                .contains("<p>Question: Which one?<br>\n1. This &lt;one&gt;<br>\n2. That one</p>");
        String notes = page.substring(page.indexOf("<aside"), page.indexOf("</aside>"));
        assertThat(notes).contains("<p>Question: Which one?<br>\n1. This &lt;one&gt;<br>\n2. That one</p>")
                .contains("<p>Answer: 1. This &lt;one&gt;.</p>");
    }

    /**
     * The keyboard hint is for the presenter, once: on the first slide (which is where a deck opens), not on every
     * slide in front of the class, and not on a printed page.
     */
    @Test
    void theKeyboardHintIsOnTheFirstSlideOnly() {
        String page = new HtmlExporter().render(TestDecks.deck(3), ExportMonitor.NONE);
        String hint = HtmlExporter.escape(new ExportTexts(Locale.GERMAN).get("html.hint"));

        assertThat(page.split(Pattern.quote(hint), -1)).as("the hint appears once").hasSize(2);
        String first = page.substring(page.indexOf("id=\"slide-1\""), page.indexOf("id=\"slide-2\""));
        assertThat(first).contains(hint);
        assertThat(page.substring(page.indexOf("@media print"))).as("not on a printed page")
                .containsPattern("\\.hint \\{ display: none");
    }

    @Test
    void escapesText() {
        assertThat(HtmlExporter.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
