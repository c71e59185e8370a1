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
 * A PDF page per slide, 16:9 at 960 x 540 points (13.33 x 7.5 inches, a widescreen presentation), laid out as
 * {@link SlideGeometry} says: the title across the top, the picture on the left at the size it was rendered for
 * ({@link SlideLayout#BESIDE_TEXT}) and the narration beside it as real text a reader can select and search, its
 * emphasis in bold italic as in the window; sizes from the deck's {@link SlideTheme}. Metadata (title, author,
 * subject, language) is set; no dates, and the document id is a hash of the content, so the same slides give the
 * same bytes.
 */
public final class PdfExporter implements SlideExporter {

    static final PDRectangle PAGE = new PDRectangle((float) SlideGeometry.SLIDE_WIDTH,
            (float) SlideGeometry.SLIDE_HEIGHT);
    static final Path DEJAVU_SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    static final Path DEJAVU_SANS_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    static final Path DEJAVU_SANS_BOLD_OBLIQUE =
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf");

    private static final float LEADING = 1.3f;
    /** The gap between paragraphs, in lines. */
    private static final float PARAGRAPH_GAP = 0.6f;
    private static final float FOOTER_GREY = 0.35f;

    private final Path regularFont;
    private final Path boldFont;
    private final Path emphasisFont;

    public PdfExporter() {
        this(DEJAVU_SANS, DEJAVU_SANS_BOLD, DEJAVU_SANS_BOLD_OBLIQUE);
    }

    /**
     * With other font files; a missing file falls back to Helvetica (WinAnsi), which cannot show every letter.
     *
     * @param emphasisFont for {@code *emphasis*}: bold italic, as the window sets it
     */
    PdfExporter(Path regularFont, Path boldFont, Path emphasisFont) {
        this.regularFont = regularFont;
        this.boldFont = boldFont;
        this.emphasisFont = emphasisFont;
    }

    @Override
    public void write(SlideDeck deck, Path target, ExportMonitor monitor) throws IOException {
        ExportTargets.writeFile(target, render(deck, monitor));
    }

    /** The whole PDF in memory. */
    byte[] render(SlideDeck deck, ExportMonitor monitor) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            Fonts fonts = new Fonts(font(doc, regularFont, Standard14Fonts.FontName.HELVETICA),
                    font(doc, boldFont, Standard14Fonts.FontName.HELVETICA_BOLD),
                    font(doc, emphasisFont, Standard14Fonts.FontName.HELVETICA_BOLD_OBLIQUE));
            info(doc, deck);
            ExportTexts texts = new ExportTexts(deck.language());
            for (Slide slide : deck.slides()) {
                monitor.checkCancelled();
                page(doc, deck, slide, fonts, texts);
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

    /** The fonts of a page: plain text, the title, emphasis. */
    private record Fonts(PDFont regular, PDFont bold, PDFont emphasis) {
    }

    private static void page(PDDocument doc, SlideDeck deck, Slide slide, Fonts fonts, ExportTexts texts)
            throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        SlideTheme theme = deck.theme();
        PDImageXObject picture = PDImageXObject.createFromByteArray(doc, slide.png(), "slide-" + slide.number());
        // At the size it was rendered for: two pixels a point, so its smallest text has the size it was given.
        float width = (float) picture.getWidth() / SlideLayout.PIXELS_PER_POINT;
        float height = (float) picture.getHeight() / SlideLayout.PIXELS_PER_POINT;
        SlideLayout.Place place = SlideLayout.BESIDE_TEXT.place();
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            title(content, slide.title(), fonts, theme);
            content.drawImage(picture, (float) place.x(), top(place.y()) - height, width, height);
            narration(content, fonts, slide.narration(), theme);
            String footer = texts.get("pdf.footer", deck.title(), slide.number(), deck.size());
            content.setNonStrokingColor(FOOTER_GREY, FOOTER_GREY, FOOTER_GREY);
            PdfLines.Piece piece = new PdfLines.Piece(safe(footer, fonts.regular()), fonts.regular());
            show(content, (float) SlideGeometry.MARGIN, (float) (PAGE.getHeight() - SlideGeometry.FOOTER_BASELINE),
                    List.of(piece), (float) theme.sizes().footer());
        }
    }

    /** A distance from the top of the page as PDF's y, which counts from the bottom. */
    private static float top(double fromTop) {
        return (float) (PAGE.getHeight() - fromTop);
    }

    /**
     * The title on one line, centred in the title's box: at the theme's size, or smaller down to the narration's
     * largest size; a title still too long then ends in "...".
     */
    private static void title(PDPageContentStream content, String title, Fonts fonts, SlideTheme theme)
            throws IOException {
        PdfLines lines = new PdfLines(fonts.bold(), fonts.bold());
        SlideText text = SlideText.plain(title.replaceAll("\\s+", " "));
        float room = (float) (SlideGeometry.SLIDE_WIDTH - 2 * SlideGeometry.MARGIN);
        float size = (float) theme.sizes().title();
        while (size > theme.sizes().narration() && lines.lines(text, size, room).size() > 1) {
            size -= 1;
        }
        List<PdfLines.Line> wrapped = lines.lines(text, size, room);
        List<PdfLines.Piece> line = new ArrayList<>(wrapped.get(0).pieces());
        if (wrapped.size() > 1) {
            line.add(new PdfLines.Piece(" ...", fonts.bold()));
        }
        float baseline = top(SlideGeometry.TITLE_TOP + SlideGeometry.TITLE_HEIGHT / 2) - size * 0.36f;
        show(content, (float) SlideGeometry.MARGIN, baseline, line, size);
    }

    /**
     * The narration in its column beside the picture, at the theme's size or the largest below it that fits, down to
     * {@link SlideTheme#NARRATION_MIN}; at that size, cut with an ellipsis.
     */
    private static void narration(PDPageContentStream content, Fonts fonts, SlideText narration, SlideTheme theme)
            throws IOException {
        PdfLines layout = new PdfLines(fonts.regular(), fonts.emphasis());
        float width = (float) SlideGeometry.TEXT_WIDTH;
        float room = (float) SlideGeometry.BODY_HEIGHT;
        float size = (float) theme.sizes().narration();
        List<PdfLines.Line> lines = layout.lines(narration, size, width);
        while (height(lines, size) > room && size - 0.5f >= SlideTheme.NARRATION_MIN) {
            size -= 0.5f;
            lines = layout.lines(narration, size, width);
        }
        List<PdfLines.Line> shown = new ArrayList<>(lines);
        while (shown.size() > 1 && height(shown, size) > room) {
            shown.remove(shown.size() - 1);
        }
        if (shown.size() < lines.size()) {
            PdfLines.Line last = shown.remove(shown.size() - 1);
            List<PdfLines.Piece> cut = new ArrayList<>(last.pieces());
            cut.add(new PdfLines.Piece(" ...", fonts.regular()));
            shown.add(new PdfLines.Line(cut, last.paragraphStart()));
        }
        float baseline = top(SlideGeometry.BODY_TOP) - size;
        for (PdfLines.Line line : shown) {
            if (line.paragraphStart()) {
                baseline -= size * LEADING * PARAGRAPH_GAP;
            }
            show(content, (float) SlideGeometry.TEXT_LEFT, baseline, line.pieces(), size);
            baseline -= size * LEADING;
        }
    }

    /** The height of the lines at {@code size}, the paragraphs' gaps included. */
    private static float height(List<PdfLines.Line> lines, float size) {
        float gaps = lines.stream().filter(PdfLines.Line::paragraphStart).count() * PARAGRAPH_GAP;
        return (lines.size() + gaps) * size * LEADING;
    }

    /** One line of pieces from {@code x} on the baseline {@code y}, each piece in its font. */
    private static void show(PDPageContentStream content, float x, float y, List<PdfLines.Piece> pieces, float size)
            throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        for (PdfLines.Piece piece : pieces) {
            content.setFont(piece.font(), size);
            for (String part : withoutLigatures(piece.text())) {
                content.showText(part);
            }
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
                md.update(s.narration().plain().getBytes(StandardCharsets.UTF_8));
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
