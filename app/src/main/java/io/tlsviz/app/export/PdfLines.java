package io.tlsviz.app.export;

import io.tlsviz.lessons.Narration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Slide text broken into lines for a PDF page: greedy word wrap over runs in two fonts (plain and emphasised),
 * a paragraph's single line breaks kept, runs of white space as one space; a word longer than the line (a hex
 * string) is broken between characters. What a font cannot show becomes "?" ({@link PdfExporter#safe}).
 */
final class PdfLines {

    /** Some text in one font. */
    record Piece(String text, PDFont font) {
    }

    /**
     * One line of pieces.
     *
     * @param paragraphStart whether the line begins a paragraph (other than the first): a gap goes above it
     */
    record Line(List<Piece> pieces, boolean paragraphStart) {
    }

    private final PDFont plain;
    private final PDFont emphasis;

    PdfLines(PDFont plain, PDFont emphasis) {
        this.plain = plain;
        this.emphasis = emphasis;
    }

    /** The lines of {@code text} at {@code size} points in a column {@code width} points wide. */
    List<Line> lines(SlideText text, float size, float width) {
        List<Line> lines = new ArrayList<>();
        for (List<Narration.Span> paragraph : text.paragraphs()) {
            boolean start = !lines.isEmpty();
            for (List<List<Piece>> hardLine : hardLines(paragraph)) {
                for (List<Piece> line : wrap(hardLine, size, width)) {
                    lines.add(new Line(line, start));
                    start = false;
                }
            }
        }
        return lines;
    }

    /** A paragraph split at its line breaks, each line as its words, each word as pieces (a word can change font). */
    private List<List<List<Piece>>> hardLines(List<Narration.Span> paragraph) {
        List<List<List<Piece>>> lines = new ArrayList<>();
        List<List<Piece>> words = new ArrayList<>();
        List<Piece> word = new ArrayList<>();
        for (Narration.Span span : paragraph) {
            PDFont font = span.emphasis() ? emphasis : plain;
            StringBuilder chars = new StringBuilder();
            for (int i = 0; i < span.text().length(); i++) {
                char c = span.text().charAt(i);
                if (c == '\n' || Character.isWhitespace(c)) {
                    flush(chars, font, word);
                    if (!word.isEmpty()) {
                        words.add(word);
                        word = new ArrayList<>();
                    }
                    if (c == '\n') {
                        lines.add(words);
                        words = new ArrayList<>();
                    }
                } else {
                    chars.append(c);
                }
            }
            flush(chars, font, word);
        }
        if (!word.isEmpty()) {
            words.add(word);
        }
        lines.add(words);
        return lines;
    }

    private static void flush(StringBuilder chars, PDFont font, List<Piece> word) {
        if (chars.length() > 0) {
            word.add(new Piece(PdfExporter.safe(chars.toString(), font), font));
            chars.setLength(0);
        }
    }

    /** Greedy wrap of one line's words; a word wider than the line is broken between characters. */
    private List<List<Piece>> wrap(List<List<Piece>> words, float size, float width) {
        List<List<Piece>> lines = new ArrayList<>();
        List<Piece> line = new ArrayList<>();
        float used = 0;
        float space = width(List.of(new Piece(" ", plain)), size);
        for (List<Piece> word : words) {
            float w = width(word, size);
            if (!line.isEmpty() && used + space + w <= width) {
                line.add(new Piece(" ", plain));
                line.addAll(word);
                used += space + w;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            List<Piece> rest = word;
            while (width(rest, size) > width) {
                List<List<Piece>> cut = cut(rest, size, width);
                lines.add(cut.get(0));
                rest = cut.get(1);
            }
            line.addAll(rest);
            used = width(rest, size);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    /** The longest start of {@code word} that fits {@code width} (at least one character), and the rest. */
    private static List<List<Piece>> cut(List<Piece> word, float size, float width) {
        List<Piece> head = new ArrayList<>();
        float used = 0;
        for (int p = 0; p < word.size(); p++) {
            Piece piece = word.get(p);
            for (int i = 0; i < piece.text().length(); i++) {
                float w = width(List.of(new Piece(piece.text().substring(i, i + 1), piece.font())), size);
                if (used + w > width && (used > 0)) {
                    if (i > 0) {
                        head.add(new Piece(piece.text().substring(0, i), piece.font()));
                    }
                    List<Piece> tail = new ArrayList<>();
                    tail.add(new Piece(piece.text().substring(i), piece.font()));
                    tail.addAll(word.subList(p + 1, word.size()));
                    return List.of(head, tail);
                }
                used += w;
            }
            head.add(piece);
        }
        return List.of(head, List.of());
    }

    static float width(List<Piece> pieces, float size) {
        float sum = 0;
        for (Piece p : pieces) {
            try {
                sum += p.font().getStringWidth(p.text()) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot measure '" + p.text() + "'", e);
            }
        }
        return sum;
    }
}
