package io.tlsviz.app.export;

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
import org.apache.poi.xslf.usermodel.SlideLayout;
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
 * it), the picture with its alt text, and the narration in the speaker notes; a quiz's question and options, or
 * its answer and explanation, also in a text box beside the picture, for the class to read. Plain OOXML from POI's default
 * template, which PowerPoint, LibreOffice Impress and Google Slides open. Dates are fixed and the zip entries
 * carry no clock time, so the same slides give the same bytes.
 */
public final class PptxExporter implements SlideExporter {

    /** 16:9 widescreen in points (13.33 x 7.5 inches). */
    static final Dimension PAGE = new Dimension(960, 540);
    /** A fixed date for the document properties and zip entries: 2000-01-01T00:00:00Z. */
    private static final long FIXED_TIME = 946_684_800_000L;

    /** The same instant for zip entries, as a local time so the bytes do not depend on the time zone. */
    private static final java.time.LocalDateTime FIXED_LOCAL_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

    private static final double MARGIN = 24;
    private static final double TITLE_HEIGHT = 56;
    /** The picture's width on a slide that also shows a quiz's text beside it. */
    private static final double PICTURE_WIDTH_BESIDE_TEXT = 600;

    @Override
    public void write(SlideDeck deck, Path target, ExportMonitor monitor) throws IOException {
        ExportTargets.writeFile(target, render(deck, monitor));
    }

    byte[] render(SlideDeck deck, ExportMonitor monitor) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow()) {
            show.setPageSize(PAGE);
            properties(show, deck);
            XSLFSlideLayout layout = show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_ONLY);
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
        title.setAnchor(new Rectangle2D.Double(MARGIN, MARGIN / 2, PAGE.width - 2 * MARGIN, TITLE_HEIGHT));
        XSLFTextParagraph p = title.addNewTextParagraph();
        p.setTextAlign(TextParagraph.TextAlign.LEFT);
        var run = run(p, deck.language());
        run.setText(slide.title());
        run.setFontSize(28.0);
        run.setBold(true);

        XSLFPictureData data = show.addPicture(slide.png(), PictureData.PictureType.PNG);
        XSLFPictureShape picture = s.createPicture(data);
        double top = MARGIN / 2 + TITLE_HEIGHT;
        if (slide.onSlide().isBlank()) {
            double height = PAGE.height - top - MARGIN / 2;
            double width = height * 16 / 9;
            picture.setAnchor(new Rectangle2D.Double((PAGE.width - width) / 2, top, width, height));
        } else {
            // A quiz's question or answer is for the class, not only the teacher: beside the picture, on the slide.
            double width = PICTURE_WIDTH_BESIDE_TEXT;
            picture.setAnchor(new Rectangle2D.Double(MARGIN, top, width, width * 9 / 16));
            double x = MARGIN + width + MARGIN;
            XSLFTextBox box = s.createTextBox();
            box.setAnchor(new Rectangle2D.Double(x, top, PAGE.width - MARGIN - x, PAGE.height - top - MARGIN));
            box.setWordWrap(true);
            box.clearText();
            java.util.List<String> paragraphs = paragraphs(slide.onSlide());
            double size = slide.onSlide().length() > 420 ? 13.0 : slide.onSlide().length() > 260 ? 15.0 : 18.0;
            for (String paragraph : paragraphs) {
                String[] lines = paragraph.split("\\R");
                for (int i = 0; i < lines.length; i++) {
                    XSLFTextParagraph para = box.addNewTextParagraph();
                    para.setSpaceAfter(i == lines.length - 1 ? 60.0 : 0.0);
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
                for (String paragraph : paragraphs(slide)) {
                    run(shape.addNewTextParagraph(), deck.language()).setText(paragraph);
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

    private static java.util.List<String> paragraphs(Slide slide) {
        return paragraphs(slide.notes().isBlank() ? slide.narration() : slide.notes());
    }

    private static java.util.List<String> paragraphs(String text) {
        return java.util.Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(x -> !x.isEmpty()).toList();
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
