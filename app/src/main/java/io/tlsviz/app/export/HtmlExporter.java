package io.tlsviz.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * One self-contained web page: pictures as {@code data:} URIs, CSS and script inline, no address outside the
 * file, so it works offline and from a USB stick. Arrow keys, Page Up/Down (what presentation clickers send),
 * Space, Enter, Backspace, Home and End move between slides; N shows the speaker notes, B or . blanks the
 * screen, F goes full screen. The address keeps the slide number ({@code #5}). Printing gives a page per slide.
 */
public final class HtmlExporter implements SlideExporter {

    @Override
    public void write(SlideDeck deck, Path target, ExportMonitor monitor) throws IOException {
        ExportTargets.writeFile(target, render(deck, monitor).getBytes(StandardCharsets.UTF_8));
    }

    String render(SlideDeck deck, ExportMonitor monitor) {
        ExportTexts texts = new ExportTexts(deck.language());
        StringBuilder html = new StringBuilder(1 << 20);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(deck.language().toLanguageTag())).append("\">\n")
                .append("<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"tlsviz\">\n")
                .append("<meta name=\"author\" content=\"").append(escape(deck.author())).append("\">\n")
                .append("<meta name=\"description\" content=\"").append(escape(deck.subject())).append("\">\n")
                .append("<title>").append(escape(deck.title())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<main id=\"deck\" aria-live=\"polite\">\n");
        for (Slide slide : deck.slides()) {
            monitor.checkCancelled();
            int n = slide.number();
            html.append("<section class=\"slide\" id=\"slide-").append(n).append("\" data-n=\"").append(n)
                    .append("\" aria-roledescription=\"slide\" aria-label=\"")
                    .append(n).append(" / ").append(deck.size()).append(": ").append(escape(slide.title()))
                    .append("\"").append(n == 1 ? "" : " hidden").append(">\n")
                    .append("<h2>").append(escape(slide.title())).append("</h2>\n")
                    .append("<div class=\"body\">\n<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(slide.png()))
                    .append("\" width=\"1920\" height=\"1080\" alt=\"").append(escape(slide.altText())).append("\">\n")
                    .append("<div class=\"narration\">\n");
            for (String p : slide.paragraphs()) {
                html.append("<p>").append(lines(p)).append("</p>\n");
            }
            html.append("</div>\n</div>\n<aside class=\"notes\" aria-label=\"").append(escape(texts.get("html.notes")))
                    .append("\">\n");
            for (String p : slide.notes().split("\\R\\s*\\R")) {
                if (!p.isBlank()) {
                    html.append("<p>").append(lines(p.strip())).append("</p>\n");
                }
            }
            html.append("</aside>\n<footer>").append(escape(deck.title())).append(" \u2014 ").append(n).append(" / ")
                    .append(deck.size()).append("</footer>\n</section>\n");
        }
        html.append("</main>\n<nav>\n<button type=\"button\" id=\"prev\" aria-label=\"")
                .append(escape(texts.get("html.previous"))).append("\">\u2190</button>\n")
                .append("<span id=\"counter\" aria-hidden=\"true\"></span>\n")
                .append("<button type=\"button\" id=\"next\" aria-label=\"").append(escape(texts.get("html.next")))
                .append("\">\u2192</button>\n<span class=\"hint\">").append(escape(texts.get("html.hint")))
                .append("</span>\n</nav>\n<div id=\"blank\" hidden></div>\n<script>\n").append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return html.toString();
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

    private static final String CSS = """
            :root { color-scheme: light; --fg: #1b1f24; --bg: #ffffff; --muted: #59636e; --accent: #0969da; }
            * { box-sizing: border-box; }
            html, body { margin: 0; height: 100%; background: var(--bg); color: var(--fg);
              font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
            .slide { display: flex; flex-direction: column; height: 100vh; padding: 1.5vh 2vw 7vh 2vw; }
            .slide[hidden] { display: none; }
            .slide h2 { margin: 0 0 1vh 0; font-size: 3.6vh; }
            .body { display: flex; gap: 2vw; flex: 1; min-height: 0; }
            .body img { height: auto; max-height: 100%; width: auto; max-width: 68vw; object-fit: contain;
              align-self: flex-start; border: 1px solid #c9ced6; }
            .narration { flex: 1; overflow: auto; font-size: 2.1vh; line-height: 1.4; }
            .narration p { margin: 0 0 1.2vh 0; }
            .notes { display: none; }
            body.show-notes .notes { display: block; position: fixed; left: 0; right: 0; bottom: 6vh; max-height: 35vh;
              overflow: auto; background: #fff3c4; border-top: 3px solid #9a6700; padding: 1vh 2vw; font-size: 2vh; }
            footer { position: fixed; left: 2vw; bottom: 1.5vh; color: var(--muted); font-size: 1.6vh; }
            nav { position: fixed; right: 2vw; bottom: 1vh; display: flex; gap: 1vw; align-items: center;
              color: var(--muted); font-size: 1.6vh; }
            nav button { font-size: 2vh; min-width: 3em; padding: 0.3em; cursor: pointer; }
            nav button:focus-visible { outline: 3px solid var(--accent); }
            #blank { position: fixed; inset: 0; background: #000; z-index: 10; }
            @media (max-aspect-ratio: 4/3) { .body { flex-direction: column; } .body img { max-width: 100%; } }
            @media print {
              @page { size: 13.333in 7.5in; margin: 0.3in; }
              .slide, .slide[hidden] { display: flex; height: auto; page-break-after: always; break-after: page; }
              nav, #blank, footer { display: none; }
            }
            """;

    private static final String SCRIPT = """
            (function () {
              'use strict';
              var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'));
              var counter = document.getElementById('counter');
              var blank = document.getElementById('blank');
              var current = 0;
              function show(i) {
                current = Math.max(0, Math.min(slides.length - 1, i));
                slides.forEach(function (s, k) { s.hidden = k !== current; });
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
              show(fromHash());
            })();
            """;
}
