package io.tlsviz.app.export;

import io.tlsviz.lessons.Narration;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.sl.usermodel.TextShape;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;

/**
 * A PowerPoint slide per slide, 16:9: the title in the layout's title box (so outlines and screen readers find
 * it), the picture with its alt text across the slide ({@link SlideLayout#WIDE}), and the narration in the speaker
 * notes, its emphasis in bold italic as in the window; a quiz's question and options, or its answer and
 * explanation, also in a text box beside the picture ({@link SlideLayout#BESIDE_TEXT}), for the class to read.
 * Places and sizes as {@link SlideGeometry} and the deck's {@link SlideTheme} say, as on a PDF page. Plain OOXML from POI's default
 * template, which PowerPoint, LibreOffice Impress and Google Slides open. Dates are fixed and the zip entries
 * carry no clock time, so the same slides give the same bytes.
 */
public final class PptxExporter implements SlideExporter {

    /** 16:9 widescreen in points (13.33 x 7.5 inches). */
    static final Dimension PAGE = new Dimension((int) SlideGeometry.SLIDE_WIDTH, (int) SlideGeometry.SLIDE_HEIGHT);
    /** A fixed date for the document properties and zip entries: 2000-01-01T00:00:00Z. */
    private static final long FIXED_TIME = 946_684_800_000L;

    /** The same instant for zip entries, as a local time so the bytes do not depend on the time zone. */
    private static final java.time.LocalDateTime FIXED_LOCAL_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

    /** An average letter of DejaVu Sans, in ems: to choose the size of a quiz's text before PowerPoint sets it. */
    private static final double AVERAGE_LETTER = 0.56;
    /** A line's height in ems, as PowerPoint sets DejaVu Sans at single spacing. */
    private static final double LEADING_ESTIMATE = 1.2;
    /** The space after a quiz's paragraph, in lines. */
    private static final double PARAGRAPH_GAP = 0.6;

    /** The picture across the slide; beside a quiz's text when the slide has one. */
    @Override
    public SlideLayout layout(SlideContent slide) {
        return layoutFor(slide.onSlide());
    }

    private static SlideLayout layoutFor(String onSlide) {
        return onSlide.isBlank() ? SlideLayout.WIDE : SlideLayout.BESIDE_TEXT;
    }

    @Override
    public void write(SlideDeck deck, Path target, ExportMonitor monitor) throws IOException {
        ExportTargets.writeFile(target, render(deck, monitor));
    }

    byte[] render(SlideDeck deck, ExportMonitor monitor) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow()) {
            show.setPageSize(PAGE);
            properties(show, deck);
            XSLFSlideLayout layout = show.getSlideMasters().get(0).getLayout(org.apache.poi.xslf.usermodel.SlideLayout.TITLE_ONLY);
            for (Slide slide : deck.slides()) {
                monitor.checkCancelled();
                slide(show, layout, slide, deck);
            }
            monitor.checkCancelled();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            show.write(out);
            return withFixedZipTimes(out.toByteArray());
        }
    }

    private static void properties(XMLSlideShow show, SlideDeck deck) {
        POIXMLProperties.CoreProperties core = show.getProperties().getCoreProperties();
        core.setTitle(deck.title());
        core.setCreator(deck.author());
        core.setSubjectProperty(deck.subject());
        core.setDescription(deck.subject());
        core.setCreated(Optional.of(new Date(FIXED_TIME)));
        core.setModified(Optional.of(new Date(FIXED_TIME)));
        core.getUnderlyingProperties().setLanguageProperty(deck.language().toLanguageTag());
        show.getProperties().getExtendedProperties().setApplication("tlsviz");
    }

    private static void slide(XMLSlideShow show, XSLFSlideLayout layout, Slide slide, SlideDeck deck) {
        XSLFSlide s = layout == null ? show.createSlide() : show.createSlide(layout);
        XSLFTextShape title = null;
        for (XSLFTextShape shape : s.getPlaceholders()) {
            if (shape.getTextType() == Placeholder.TITLE || shape.getTextType() == Placeholder.CENTERED_TITLE) {
                title = shape;
            }
        }
        if (title == null) {
            title = s.createTextBox();
        }
        title.clearText();
        title.setAnchor(new Rectangle2D.Double(SlideGeometry.MARGIN, SlideGeometry.TITLE_TOP,
                PAGE.width - 2 * SlideGeometry.MARGIN, SlideGeometry.TITLE_HEIGHT));
        title.setTextAutofit(TextShape.TextAutofit.NORMAL); // shrink a long title rather than run into the picture
        XSLFTextParagraph p = title.addNewTextParagraph();
        p.setTextAlign(TextParagraph.TextAlign.LEFT);
        var run = run(p, deck.language());
        run.setText(slide.title());
        run.setFontSize(deck.theme().sizes().title());
        run.setBold(true);

        XSLFPictureData data = show.addPicture(slide.png(), PictureData.PictureType.PNG);
        XSLFPictureShape picture = s.createPicture(data);
        // At the size it was rendered for: two pixels a point, so its smallest text has the size it was given.
        Dimension pixels = data.getImageDimensionInPixels();
        SlideLayout.Place place = layoutFor(slide.onSlide()).place();
        picture.setAnchor(new Rectangle2D.Double(place.x(), place.y(),
                (double) pixels.width / SlideLayout.PIXELS_PER_POINT,
                (double) pixels.height / SlideLayout.PIXELS_PER_POINT));
        if (!slide.onSlide().isBlank()) {
            // A quiz's question or answer is for the class, not only the teacher: beside the picture, on the slide.
            XSLFTextBox box = s.createTextBox();
            box.setAnchor(new Rectangle2D.Double(SlideGeometry.TEXT_LEFT, SlideGeometry.BODY_TOP,
                    SlideGeometry.TEXT_WIDTH, SlideGeometry.BODY_HEIGHT));
            box.setWordWrap(true);
            box.setTextAutofit(TextShape.TextAutofit.NORMAL);
            box.setInsets(new org.apache.poi.sl.usermodel.Insets2D(0, 0, 0, 0));
            box.clearText();
            java.util.List<String> paragraphs = SlideText.plain(slide.onSlide()).paragraphs().stream()
                    .map(SlideText::plain).toList();
            double size = quizSize(paragraphs, deck.theme());
            for (String paragraph : paragraphs) {
                String[] lines = paragraph.split("\\R");
                for (int i = 0; i < lines.length; i++) {
                    XSLFTextParagraph para = box.addNewTextParagraph();
                    para.setSpaceAfter(i == lines.length - 1 ? PARAGRAPH_GAP * 100 : 0.0);
                    var r = run(para, deck.language());
                    r.setText(lines[i].strip());
                    r.setFontSize(size);
                }
            }
        }
        var properties = ((CTPicture) picture.getXmlObject()).getNvPicPr().getCNvPr();
        properties.setDescr(slide.altText());
        properties.setName("Slide " + slide.number() + " picture");

        XSLFNotes notes = show.getNotesSlide(s);
        for (XSLFTextShape shape : notes.getPlaceholders()) {
            if (shape.getTextType() == Placeholder.BODY) {
                shape.clearText();
                for (java.util.List<Narration.Span> paragraph : slide.notesOrNarration().paragraphs()) {
                    XSLFTextParagraph para = shape.addNewTextParagraph();
                    for (Narration.Span span : paragraph) {
                        var r = run(para, deck.language());
                        r.setText(span.text());
                        if (span.emphasis()) { // as the window sets *emphasis*
                            r.setBold(true);
                            r.setItalic(true);
                        }
                    }
                }
            } else if (shape.getTextType() == Placeholder.DATETIME) {
                // POI's notes master carries a date (1.7.2013) that every notes page would show; a deck has none.
                notes.removeShape(shape);
            }
        }
    }

    /**
     * A new run marked in the deck's language. POI marks every new run {@code lang="en-US"}, so PowerPoint
     * checked a German deck's spelling as English and a screen reader read it with English rules.
     */
    private static org.apache.poi.xslf.usermodel.XSLFTextRun run(XSLFTextParagraph paragraph, java.util.Locale language) {
        org.apache.poi.xslf.usermodel.XSLFTextRun run = paragraph.addNewTextRun();
        if (run.getXmlObject() instanceof org.openxmlformats.schemas.drawingml.x2006.main.CTRegularTextRun r) {
            (r.isSetRPr() ? r.getRPr() : r.addNewRPr()).setLang(language.toLanguageTag());
        }
        return run;
    }

    /**
     * The largest size of the theme's narration sizes at which a quiz's text, estimated with an average letter
     * width, fits its box; PowerPoint and Impress set the text themselves, and shrink it if it still overflows.
     */
    static double quizSize(java.util.List<String> paragraphs, SlideTheme theme) {
        for (double size = theme.sizes().narration(); size > SlideTheme.NARRATION_MIN; size -= 1) {
            if (estimatedHeight(paragraphs, size) <= SlideGeometry.BODY_HEIGHT) {
                return size;
            }
        }
        return SlideTheme.NARRATION_MIN;
    }

    private static double estimatedHeight(java.util.List<String> paragraphs, double size) {
        int perLine = (int) (SlideGeometry.TEXT_WIDTH / (size * AVERAGE_LETTER));
        double lines = 0;
        for (String paragraph : paragraphs) {
            for (String line : paragraph.split("\\R")) {
                lines += Math.max(1, Math.ceil((double) line.strip().length() / perLine));
            }
            lines += PARAGRAPH_GAP;
        }
        return lines * size * LEADING_ESTIMATE;
    }

    /** Copies the zip with every entry dated {@link #FIXED_LOCAL_TIME}, so re-exporting gives identical bytes. */
    static byte[] withFixedZipTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(FIXED_LOCAL_TIME);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
