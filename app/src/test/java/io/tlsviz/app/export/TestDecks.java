package io.tlsviz.app.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Small decks for the writers' tests: no JavaFX, tiny pictures. */
final class TestDecks {
    private TestDecks() {
    }

    static SlideDeck deck(int size) {
        List<Slide> slides = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            slides.add(new Slide(i, "Title " + i + " \u00fcber Schl\u00fcssel", "Narration of slide " + i
                    + ": the premaster secret.\n\nSecond paragraph " + i + ".", png(i), "Picture " + i,
                    "Notes of slide " + i));
        }
        return new SlideDeck("Test deck", "A teacher", "Testing", Locale.GERMAN, slides);
    }

    /** A 160x90 PNG whose colour depends on {@code seed}. */
    static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed * 40 % 256, 120, 200));
        g.fillRect(0, 0, 160, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
