package io.tlsviz.app.export;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A whole slideshow: the slides and what a document viewer shows about them.
 *
 * @param title    the document title, e.g. "TLS 1.2 handshake: RSA key exchange"
 * @param author   who the document names as its author
 * @param subject  one line on what the deck is about
 * @param language the language of the words on the slides
 * @param slides   in order, numbered from 1
 * @param theme    the look: the type sizes the formats set their text in
 */
public record SlideDeck(String title, String author, String subject, Locale language, List<Slide> slides,
        SlideTheme theme) {

    /** In the light theme. */
    public SlideDeck(String title, String author, String subject, Locale language, List<Slide> slides) {
        this(title, author, subject, language, slides, SlideTheme.LIGHT);
    }

    public SlideDeck {
        Objects.requireNonNull(title, "title");
        author = author == null ? "" : author;
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(language, "language");
        slides = List.copyOf(slides);
        theme = theme == null ? SlideTheme.LIGHT : theme;
        for (int i = 0; i < slides.size(); i++) {
            if (slides.get(i).number() != i + 1) {
                throw new IllegalArgumentException("slide " + (i + 1) + " is numbered " + slides.get(i).number());
            }
        }
    }

    public int size() {
        return slides.size();
    }
}
