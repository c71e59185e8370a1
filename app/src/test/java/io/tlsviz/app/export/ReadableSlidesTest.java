package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import java.awt.geom.Rectangle2D;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.junit.jupiter.api.Test;

/**
 * What a class sees of an exported lesson, from the files themselves: the pictures are drawn large enough that
 * their smallest text (24 pixels, {@link SlideViewTest}) is 12 points or more on a 13.33 x 7.5 inch slide, they
 * fill the slide's height, and the lesson's {@code *emphasis*} is still emphasised.
 */
class ReadableSlidesTest extends ExportTestBase {
    private static final Lesson RSA_LESSON = LessonLibrary.loadShipped().find("rsa", "en").orElseThrow();
    private static final Trace RSA_LESSON_TRACE = HandshakeSession.run(RSA_LESSON.scenario());
    /** The first beat says: which *cipher suites* it can use, ... the *client random*. */
    private static final String EMPHASISED = "cipher suites";

    /** Slide points per picture pixel at which 24 pixels are 12 points. */
    private static final double READABLE_SCALE = 0.5;

    /** The first beat's question and answer slides, then the second beat (no quiz). */
    private Path export(ExportFormat format, String name) throws Exception {
        Path target = dir.resolve(name);
        SlideSource firstThree = new SlideSource() {
            @Override
            public String title(Trace trace, Locale locale) {
                return RSA_LESSON.title();
            }

            @Override
            public List<SlideContent> slides(Trace trace, Locale locale) {
                return new LessonSlideSource(RSA_LESSON).slides(trace, locale).subList(0, 3);
            }
        };
        new ExportJob(new ExportRequest(firstThree, RSA_LESSON_TRACE, format, target, Locale.ENGLISH,
                SlideTheme.LIGHT, null, false), ExportJob.ProgressListener.NONE, () -> false).run();
        return target;
    }

    @Test
    void aPdfPageDrawsThePictureLargeAndFillsTheHeight() throws Exception {
        Path pdf = export(ExportFormat.PDF, "rsa.pdf");

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                List<double[]> drawn = pictures(page);
                assertThat(drawn).hasSize(1);
                double[] p = drawn.get(0); // drawn width and height in points, width and height in pixels
                double pageWidth = page.getMediaBox().getWidth();
                double pageHeight = page.getMediaBox().getHeight();
                assertThat(p[0] / p[2]).as("points per pixel").isGreaterThanOrEqualTo(READABLE_SCALE - 1e-6);
                assertThat(p[1] / pageHeight).as("share of the page's height").isGreaterThan(0.75);
                assertThat(p[0] / pageWidth).as("share of the page's width").isGreaterThan(0.55);
            }
        }
    }

    @Test
    void aPowerPointSlideDrawsThePictureLarge() throws Exception {
        Path pptx = export(ExportFormat.PPTX, "rsa.pptx");

        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow show = new XMLSlideShow(in)) {
            double slideWidth = show.getPageSize().getWidth();
            for (XSLFSlide slide : show.getSlides()) {
                XSLFPictureShape picture = (XSLFPictureShape) slide.getShapes().stream()
                        .filter(s -> s instanceof XSLFPictureShape).findFirst().orElseThrow();
                Rectangle2D anchor = picture.getAnchor();
                java.awt.Dimension pixels = picture.getPictureData().getImageDimensionInPixels();
                assertThat(anchor.getWidth() / pixels.width).as("points per pixel, slide %d", slide.getSlideNumber())
                        .isGreaterThanOrEqualTo(READABLE_SCALE - 1e-6);
                assertThat(anchor.getHeight() / pixels.height).isCloseTo(anchor.getWidth() / pixels.width,
                        org.assertj.core.data.Offset.offset(1e-3));
                boolean quiz = slide.getShapes().size() > 2;
                assertThat(anchor.getWidth() / slideWidth).as("share of the width, slide %d", slide.getSlideNumber())
                        .isGreaterThan(quiz ? 0.55 : 0.9);
            }
        }
    }

    /** The first beat's "*cipher suites*" is set in DejaVu Sans Bold Oblique, as the window sets it bold italic. */
    @Test
    void aPdfKeepsTheEmphasis() throws Exception {
        Path pdf = export(ExportFormat.PDF, "rsa.pdf");

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            StringBuilder emphasised = new StringBuilder();
            StringBuilder plain = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    String font = text.getFont().getName();
                    (font != null && font.contains("BoldOblique") ? emphasised : plain).append(text.getUnicode());
                    super.processTextPosition(text);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String text = stripper.getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("which " + EMPHASISED);
            assertThat(emphasised.toString().replaceAll("\\s", "")).contains(EMPHASISED.replace(" ", ""))
                    .contains("clientrandom").doesNotContain("which");
            assertThat(plain.toString()).contains("The client opens").doesNotContain("cipher");
        }
    }

    /** In the speaker notes, where PowerPoint has the narration: a bold italic run of its own. */
    @Test
    void aPowerPointDeckKeepsTheEmphasisInItsNotes() throws Exception {
        Path pptx = export(ExportFormat.PPTX, "rsa.pptx");

        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow show = new XMLSlideShow(in)) {
            String notes = show.getSlides().get(0).getNotes().getXmlObject().xmlText();
            Matcher run = Pattern.compile("<a:r><a:rPr([^>]*)/?>(?:(?!</a:r>).)*<a:t>" + EMPHASISED + "</a:t>",
                    Pattern.DOTALL).matcher(notes);
            assertThat(run.find()).as("a run of its own for '%s' in %s", EMPHASISED, notes).isTrue();
            assertThat(run.group(1)).containsPattern("b=\"(1|true)\"").containsPattern("i=\"(1|true)\"");
            assertThat(notes).contains("<a:t>The client opens the conversation.");
        }
    }

    @Test
    void aWebPageKeepsTheEmphasisOnTheSlideAndInTheNotes() throws Exception {
        String page = Files.readString(export(ExportFormat.HTML, "rsa.html"));

        String first = page.substring(page.indexOf("id=\"slide-1\""), page.indexOf("id=\"slide-2\""));
        String narration = first.substring(first.indexOf("class=\"narration"), first.indexOf("<aside"));
        String notes = first.substring(first.indexOf("<aside"), first.indexOf("</aside>"));
        assertThat(narration).contains("which <em>" + EMPHASISED + "</em> it can use")
                .contains("the <em>client random</em>:");
        assertThat(notes).contains("<em>" + EMPHASISED + "</em>");
    }

    /** Width and height drawn (points) and the image's own width and height (pixels) of each picture. */
    private static List<double[]> pictures(PDPage page) throws Exception {
        List<double[]> found = new ArrayList<>();
        new PDFGraphicsStreamEngine(page) {
            @Override
            public void drawImage(PDImage image) {
                var ctm = getGraphicsState().getCurrentTransformationMatrix();
                if (image instanceof PDImageXObject x) {
                    found.add(new double[] {ctm.getScalingFactorX(), ctm.getScalingFactorY(), x.getWidth(),
                            x.getHeight()});
                }
            }

            @Override
            public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1,
                    java.awt.geom.Point2D p2, java.awt.geom.Point2D p3) {
            }

            @Override
            public void clip(int windingRule) {
            }

            @Override
            public void moveTo(float x, float y) {
            }

            @Override
            public void lineTo(float x, float y) {
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            }

            @Override
            public java.awt.geom.Point2D getCurrentPoint() {
                return new java.awt.geom.Point2D.Float();
            }

            @Override
            public void closePath() {
            }

            @Override
            public void endPath() {
            }

            @Override
            public void strokePath() {
            }

            @Override
            public void fillPath(int windingRule) {
            }

            @Override
            public void fillAndStrokePath(int windingRule) {
            }

            @Override
            public void shadingFill(COSName shadingName) {
            }

            void run() throws java.io.IOException {
                processPage(getPage());
            }
        }.run();
        return found;
    }
}
