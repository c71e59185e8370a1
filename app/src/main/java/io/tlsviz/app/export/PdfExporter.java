package io.tlsviz.app.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A PDF page per slide, 16:9: the title across the top, the picture on the left and the narration beside it
 * as real text a reader can select and search. Metadata (title, author, subject, language) is set; no dates,
 * and the document id is a hash of the content, so the same slides give the same bytes.
 */
public final class PdfExporter implements SlideExporter {

    /** 16:9 at 960 x 540 points (13.33 x 7.5 inches, the size of a widescreen presentation). */
    static final PDRectangle PAGE = new PDRectangle(960, 540);
    static final Path DEJAVU_SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    static final Path DEJAVU_SANS_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private static final float MARGIN = 28;
    private static final float TITLE_SIZE = 24;
    private static final float PICTURE_WIDTH = 640;
    private static final float GAP = 20;
    private static final float MAX_TEXT_SIZE = 12;
    private static final float MIN_TEXT_SIZE = 7;
    private static final float FOOTER_SIZE = 9;

    private final Path regularFont;
    private final Path boldFont;

    public PdfExporter() {
        this(DEJAVU_SANS, DEJAVU_SANS_BOLD);
    }

    /** With other font files; a missing file falls back to Helvetica (WinAnsi), which cannot show every letter. */
    PdfExporter(Path regularFont, Path boldFont) {
        this.regularFont = regularFont;
        this.boldFont = boldFont;
    }

    @Override
    public void write(SlideDeck deck, Path target, ExportMonitor monitor) throws IOException {
        ExportTargets.writeFile(target, render(deck, monitor));
    }

    /** The whole PDF in memory. */
    byte[] render(SlideDeck deck, ExportMonitor monitor) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = font(doc, regularFont, Standard14Fonts.FontName.HELVETICA);
            PDFont bold = font(doc, boldFont, Standard14Fonts.FontName.HELVETICA_BOLD);
            info(doc, deck);
            ExportTexts texts = new ExportTexts(deck.language());
            for (Slide slide : deck.slides()) {
                monitor.checkCancelled();
                page(doc, deck, slide, regular, bold, texts);
            }
            monitor.checkCancelled();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.getDocument().setDocumentID(documentId(deck));
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static PDFont font(PDDocument doc, Path file, Standard14Fonts.FontName fallback) throws IOException {
        if (Files.isReadable(file)) {
            return PDType0Font.load(doc, file.toFile());
        }
        return new PDType1Font(fallback);
    }

    private static void info(PDDocument doc, SlideDeck deck) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(deck.title());
        info.setAuthor(deck.author());
        info.setSubject(deck.subject());
        info.setCreator("tlsviz");
        info.setKeywords("TLS, handshake, tlsviz");
        doc.getDocumentCatalog().setLanguage(deck.language().toLanguageTag());
        PDViewerPreferences prefs = new PDViewerPreferences(doc.getDocumentCatalog().getCOSObject());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }

    private static void page(PDDocument doc, SlideDeck deck, Slide slide, PDFont regular, PDFont bold,
            ExportTexts texts) throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        PDImageXObject picture = PDImageXObject.createFromByteArray(doc, slide.png(), "slide-" + slide.number());
        float pictureHeight = PICTURE_WIDTH * picture.getHeight() / picture.getWidth();
        float top = PAGE.getHeight() - MARGIN;
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            float titleBaseline = top - TITLE_SIZE;
            List<String> titleLines = wrap(safe(slide.title().replaceAll("\\s+", " "), bold), bold, TITLE_SIZE, PAGE.getWidth() - 2 * MARGIN);
            text(content, bold, TITLE_SIZE, MARGIN, titleBaseline, titleLines.subList(0, 1), TITLE_SIZE);
            float bodyTop = titleBaseline - TITLE_SIZE * 0.8f;
            content.drawImage(picture, MARGIN, bodyTop - pictureHeight, PICTURE_WIDTH, pictureHeight);

            float textX = MARGIN + PICTURE_WIDTH + GAP;
            float textWidth = PAGE.getWidth() - MARGIN - textX;
            float bottom = MARGIN + FOOTER_SIZE * 2;
            narration(content, regular, slide, textX, bodyTop, textWidth, bodyTop - bottom);

            String footer = texts.get("pdf.footer", deck.title(), slide.number(), deck.size());
            text(content, regular, FOOTER_SIZE, MARGIN, MARGIN, List.of(safe(footer, regular)), FOOTER_SIZE);
        }
    }

    /** The narration at the largest size that fits beside the picture; at the smallest size, cut with an ellipsis. */
    private static void narration(PDPageContentStream content, PDFont font, Slide slide, float x, float top,
            float width, float height) throws IOException {
        // A single line break inside a paragraph is kept (lesson lists, quiz options).
        List<String> paragraphs = slide.paragraphs().stream().map(p -> safe(p, font)).toList();
        for (float size = MAX_TEXT_SIZE; size >= MIN_TEXT_SIZE; size -= 0.5f) {
            float leading = size * 1.3f;
            List<String> lines = new ArrayList<>();
            for (String p : paragraphs) {
                if (!lines.isEmpty()) {
                    lines.add("");
                }
                for (String line : p.split("\\R")) {
                    lines.addAll(wrap(line.strip().replaceAll("\\s+", " "), font, size, width));
                }
            }
            int fit = (int) Math.floor(height / leading);
            if (lines.size() <= fit || size - 0.5f < MIN_TEXT_SIZE) {
                if (lines.size() > fit) {
                    lines = new ArrayList<>(lines.subList(0, Math.max(fit, 1)));
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " ...");
                }
                text(content, font, size, x, top - size, lines, leading);
                return;
            }
        }
    }

    private static void text(PDPageContentStream content, PDFont font, float size, float x, float baseline,
            List<String> lines, float leading) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setLeading(leading);
        content.newLineAtOffset(x, baseline);
        for (String line : lines) {
            for (String piece : withoutLigatures(line)) {
                content.showText(piece);
            }
            content.newLine();
        }
        content.endText();
    }

    /**
     * PDFBox applies the font's ligatures (DejaVu's fi and fl) within one text-showing operation, and a viewer's
     * search then misses "certificate". Showing the text in pieces split after each such f prevents them; the
     * pieces follow each other exactly, so nothing changes on the page.
     */
    static List<String> withoutLigatures(String line) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i + 1 < line.length(); i++) {
            char next = line.charAt(i + 1);
            if (line.charAt(i) == 'f' && (next == 'i' || next == 'l' || next == 'f')) {
                pieces.add(line.substring(from, i + 1));
                from = i + 1;
            }
        }
        pieces.add(line.substring(from));
        return pieces;
    }

    /** Greedy word wrap; a word longer than the line (a hex string) is broken by characters. */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /** Replaces what the font cannot encode (Helvetica knows no arrows, for instance) with a question mark. */
    static String safe(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\n') {
                out.append('\n');
                return;
            }
            if (cp == '\t' || cp == '\r') {
                out.append(' ');
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append(cp == 0x2026 ? "..." : "?");
            }
        });
        return out.toString();
    }

    /** The trailer's /ID from the content, not the clock: the same deck gives the same file. */
    private static COSArray documentId(SlideDeck deck) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(deck.title().getBytes(StandardCharsets.UTF_8));
            for (Slide s : deck.slides()) {
                md.update(s.title().getBytes(StandardCharsets.UTF_8));
                md.update(s.narration().getBytes(StandardCharsets.UTF_8));
                md.update(s.png());
            }
            byte[] id = java.util.Arrays.copyOf(md.digest(), 16);
            COSArray array = new COSArray();
            array.add(new COSString(id));
            array.add(new COSString(id));
            return array;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
