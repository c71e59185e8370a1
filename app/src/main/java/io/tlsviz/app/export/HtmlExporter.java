package io.tlsviz.app.export;

import java.io.IOException;
import io.tlsviz.lessons.Narration;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained web page: pictures as {@code data:} URIs, CSS and script inline, no address outside the
 * file, so it works offline and from a USB stick. Each slide is a 16:9 stage laid out as a PDF page
 * ({@link SlideGeometry}), scaled to the window, with the picture at the size it was rendered for, the narration
 * beside it (emphasis as {@code <em>}) set at the largest of the theme's sizes that fits, and the deck's
 * {@link SlideTheme} colours and sizes. Arrow keys, Page Up/Down (what presentation clickers send), Space, Enter,
 * Backspace, Home and End move between slides; N shows the speaker notes, B or . blanks the screen, F goes full
 * screen; the first slide says so, once. The address keeps the slide number ({@code #5}). Printing gives a page
 * per slide.
 */
public final class HtmlExporter implements SlideExporter {

    @Override
    public void write(SlideDeck deck, Path target, ExportMonitor monitor) throws IOException {
        ExportTargets.writeFile(target, render(deck, monitor).getBytes(StandardCharsets.UTF_8));
    }

    String render(SlideDeck deck, ExportMonitor monitor) {
        ExportTexts texts = new ExportTexts(deck.language());
        SlideTheme theme = deck.theme();
        StringBuilder html = new StringBuilder(1 << 20);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(deck.language().toLanguageTag())).append("\">\n")
                .append("<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"tlsviz\">\n")
                .append("<meta name=\"author\" content=\"").append(escape(deck.author())).append("\">\n")
                .append("<meta name=\"description\" content=\"").append(escape(deck.subject())).append("\">\n")
                .append("<title>").append(escape(deck.title())).append("</title>\n")
                .append("<style>\n").append(css(theme)).append("</style>\n</head>\n<body>\n")
                .append("<main id=\"deck\" aria-live=\"polite\">\n");
        for (Slide slide : deck.slides()) {
            monitor.checkCancelled();
            int n = slide.number();
            int[] size = pngSize(slide.png());
            html.append("<section class=\"slide\" id=\"slide-").append(n).append("\" data-n=\"").append(n)
                    .append("\" aria-roledescription=\"slide\" aria-label=\"")
                    .append(n).append(" / ").append(deck.size()).append(": ").append(escape(slide.title()))
                    .append("\"").append(n == 1 ? "" : " hidden").append(">\n")
                    .append("<h2>").append(escape(slide.title())).append("</h2>\n")
                    .append("<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(slide.png()))
                    .append("\" width=\"").append(size[0]).append("\" height=\"").append(size[1])
                    .append("\" style=\"width: ").append(points(size[0] / (double) SlideLayout.PIXELS_PER_POINT))
                    .append("; height: ").append(points(size[1] / (double) SlideLayout.PIXELS_PER_POINT))
                    .append("\" alt=\"").append(escape(slide.altText())).append("\">\n")
                    .append("<div class=\"narration\">\n");
            paragraphs(html, slide.narration());
            html.append("</div>\n<aside class=\"notes\" aria-label=\"").append(escape(texts.get("html.notes")))
                    .append("\">\n");
            paragraphs(html, slide.notes());
            html.append("</aside>\n<footer>").append(escape(deck.title())).append(" \u2014 ").append(n).append(" / ")
                    .append(deck.size());
            if (n == 1) {
                // For the presenter, once: where the deck opens, not on every slide in front of the class.
                html.append("<span class=\"hint\"> \u00b7 ").append(escape(texts.get("html.hint"))).append("</span>");
            }
            html.append("</footer>\n</section>\n");
        }
        html.append("</main>\n<nav>\n<button type=\"button\" id=\"prev\" aria-label=\"")
                .append(escape(texts.get("html.previous"))).append("\">\u2190</button>\n")
                .append("<span id=\"counter\" aria-hidden=\"true\"></span>\n")
                .append("<button type=\"button\" id=\"next\" aria-label=\"").append(escape(texts.get("html.next")))
                .append("\">\u2192</button>\n</nav>\n<div id=\"blank\" hidden></div>\n<script>\n")
                .append(script(theme)).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Each paragraph as {@code <p>}, its emphasis as {@code <em>}, its single line breaks as {@code <br>}. */
    private static void paragraphs(StringBuilder html, SlideText text) {
        for (List<Narration.Span> paragraph : text.paragraphs()) {
            html.append("<p>");
            for (Narration.Span span : paragraph) {
                html.append(span.emphasis() ? "<em>" + lines(span.text()) + "</em>" : lines(span.text()));
            }
            html.append("</p>\n");
        }
    }

    /** Width and height of a PNG, from its header (ISO 15948: IHDR is the first chunk). */
    static int[] pngSize(byte[] png) {
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }

    /** {@code n} points of the slide in CSS: {@code --pt} is one point of a slide scaled to the window. */
    private static String points(double n) {
        return String.format(Locale.ROOT, "calc(%.1f * var(--pt))", n);
    }

    /** A paragraph's text, escaped, with its single line breaks kept (a quiz's options, a lesson's list). */
    static String lines(String paragraph) {
        return escape(paragraph).replaceAll("\\s*\\R\\s*", "<br>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The page's style: the slide's parts where {@link SlideGeometry} puts them, in the theme's sizes. */
    private static String css(SlideTheme theme) {
        boolean projector = theme == SlideTheme.PROJECTOR;
        return String.format(Locale.ROOT, """
                :root { color-scheme: light; --fg: %s; --bg: #ffffff; --muted: %s; --accent: %s;
                  --pt: min(calc(100vw / %.0f), calc(100vh / %.0f)); }
                * { box-sizing: border-box; }
                html, body { margin: 0; height: 100%%; background: var(--bg); color: var(--fg);
                  font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
                main { display: flex; align-items: center; justify-content: center; height: 100%%; }
                .slide { position: relative; flex: none; width: %s; height: %s; overflow: hidden; }
                .slide[hidden] { display: none; }
                .slide h2 { position: absolute; left: %s; top: %s; width: %s; height: %s; margin: 0;
                  line-height: %s; font-size: %s; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
                .slide img { position: absolute; left: %s; top: %s; }
                .narration { position: absolute; left: %s; top: %s; width: %s; height: %s; overflow: hidden;
                  font-size: %s; line-height: 1.3; overflow-wrap: anywhere; }
                .narration p { margin: 0 0 0.6em 0; }
                em { font-style: italic; font-weight: bold; }
                .notes { display: none; }
                body.show-notes .notes { display: block; position: fixed; left: 0; right: 0; bottom: 6vh; max-height: 35vh;
                  overflow: auto; background: #fff3c4; border-top: 3px solid #9a6700; padding: 1vh 2vw; font-size: 2vh;
                  z-index: 5; }
                footer { position: absolute; left: %s; bottom: %s; color: var(--muted); font-size: %s; }
                nav { position: fixed; right: 1vw; bottom: 1vh; display: flex; gap: 1vw; align-items: center;
                  color: var(--muted); font-size: 1.6vh; }
                nav button { font-size: 2vh; min-width: 3em; padding: 0.3em; cursor: pointer; }
                nav button:focus-visible { outline: 3px solid var(--accent); }
                #blank { position: fixed; inset: 0; background: #000; z-index: 10; }
                @media print {
                  :root { --pt: 1pt; }
                  @page { size: 13.333in 7.5in; margin: 0; }
                  main { display: block; height: auto; }
                  .slide, .slide[hidden] { display: block; page-break-after: always; break-after: page; }
                  nav, #blank, .hint { display: none; }
                }
                """,
                projector ? "#000000" : "#1b1f24", projector ? "#222222" : "#59636e",
                projector ? "#003f8a" : "#0969da", SlideGeometry.SLIDE_WIDTH, SlideGeometry.SLIDE_HEIGHT,
                points(SlideGeometry.SLIDE_WIDTH), points(SlideGeometry.SLIDE_HEIGHT),
                points(SlideGeometry.MARGIN), points(SlideGeometry.TITLE_TOP),
                points(SlideGeometry.SLIDE_WIDTH - 2 * SlideGeometry.MARGIN), points(SlideGeometry.TITLE_HEIGHT),
                points(SlideGeometry.TITLE_HEIGHT), points(theme.sizes().title()),
                points(SlideLayout.BESIDE_TEXT.place().x()), points(SlideLayout.BESIDE_TEXT.place().y()),
                points(SlideGeometry.TEXT_LEFT), points(SlideGeometry.BODY_TOP), points(SlideGeometry.TEXT_WIDTH),
                points(SlideGeometry.BODY_HEIGHT), points(theme.sizes().narration()),
                points(SlideGeometry.MARGIN), points(SlideGeometry.SLIDE_HEIGHT - SlideGeometry.FOOTER_BASELINE),
                points(theme.sizes().footer()));
    }

    /** The script, with the theme's sizes between which the title and the narration are fitted. */
    private static String script(SlideTheme theme) {
        return String.format(Locale.ROOT, SCRIPT, theme.sizes().title(), theme.sizes().narration(), SlideTheme.NARRATION_MIN);
    }

    private static final String SCRIPT = """
            (function () {
              'use strict';
              var TITLE = %.1f, NARRATION = %.1f, NARRATION_MIN = %.1f;
              var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'));
              var counter = document.getElementById('counter');
              var blank = document.getElementById('blank');
              var current = 0;
              // The title on one line and the narration in its column: the theme's size, or smaller until they fit
              // (in points of the slide, so a size once fitted holds at any window size and in print).
              function fit(slide) {
                if (slide.dataset.fitted) { return; }
                var title = slide.querySelector('h2');
                for (var t = TITLE; t > NARRATION && title.scrollWidth > title.clientWidth + 1; t -= 1) {
                  title.style.fontSize = 'calc(' + (t - 1) + ' * var(--pt))';
                }
                var text = slide.querySelector('.narration');
                for (var n = NARRATION; n > NARRATION_MIN && text.scrollHeight > text.clientHeight + 1; n -= 0.5) {
                  text.style.fontSize = 'calc(' + (n - 0.5) + ' * var(--pt))';
                }
                slide.dataset.fitted = 'yes';
              }
              function show(i) {
                current = Math.max(0, Math.min(slides.length - 1, i));
                slides.forEach(function (s, k) { s.hidden = k !== current; });
                fit(slides[current]);
                counter.textContent = (current + 1) + ' / ' + slides.length;
                if (location.hash !== '#' + (current + 1)) { history.replaceState(null, '', '#' + (current + 1)); }
              }
              function fromHash() {
                var n = parseInt(location.hash.slice(1), 10);
                return isNaN(n) ? 0 : n - 1;
              }
              document.addEventListener('keydown', function (e) {
                if (e.altKey || e.ctrlKey || e.metaKey) { return; }
                if (e.target && e.target.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) { return; }
                switch (e.key) {
                  case 'ArrowRight': case 'ArrowDown': case 'PageDown': case 'Enter': case 'j':
                    show(current + 1); break;
                  case ' ': case 'Spacebar':
                    show(e.shiftKey ? current - 1 : current + 1); break;
                  case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace': case 'k': case 'p':
                    show(current - 1); break;
                  case 'Home': show(0); break;
                  case 'End': show(slides.length - 1); break;
                  case 'n': case 'N': document.body.classList.toggle('show-notes'); break;
                  case 'b': case 'B': case '.': case 'w': case 'W': blank.hidden = !blank.hidden; break;
                  case 'f': case 'F': case 'F5':
                    if (document.fullscreenElement) { document.exitFullscreen(); }
                    else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
                    break;
                  case 'Escape': blank.hidden = true; return;
                  default: return;
                }
                e.preventDefault();
              });
              document.getElementById('prev').addEventListener('click', function () { show(current - 1); });
              document.getElementById('next').addEventListener('click', function () { show(current + 1); });
              window.addEventListener('hashchange', function () { show(fromHash()); });
              window.addEventListener('beforeprint', function () {
                slides.forEach(function (s) { var was = s.hidden; s.hidden = false; fit(s); s.hidden = was; });
              });
              show(fromHash());
            })();
            """;
}
