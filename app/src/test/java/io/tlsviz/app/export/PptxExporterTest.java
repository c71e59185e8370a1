package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PptxExporterTest {
    @TempDir
    Path dir;

    @Test
    void aSlidePerSlideWithTitlePictureAndSpeakerNotes() throws Exception {
        Path pptx = dir.resolve("deck.pptx");

        new PptxExporter().write(TestDecks.deck(4), pptx, ExportMonitor.NONE);

        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow show = new XMLSlideShow(in)) {
            assertThat(show.getSlides()).hasSize(4);
            assertThat(show.getPageSize().getWidth() / show.getPageSize().getHeight())
                    .isCloseTo(16.0 / 9.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(show.getProperties().getCoreProperties().getTitle()).isEqualTo("Test deck");
            for (XSLFSlide slide : show.getSlides()) {
                int n = slide.getSlideNumber();
                assertThat(slide.getTitle()).isEqualTo("Title " + n + " \u00fcber Schl\u00fcssel");
                assertThat(slide.getShapes()).filteredOn(s -> s instanceof XSLFPictureShape).hasSize(1);
                assertThat(notesText(slide.getNotes())).contains("Notes of slide " + n);
            }
        }
    }

    /**
     * A German deck's text is marked German, on the slides and in the notes (POI marks new text en-US), and the
     * notes carry no date (POI's notes master has one, 1.7.2013).
     */
    @Test
    void theTextIsInTheDecksLanguageAndTheNotesHaveNoDate() throws Exception {
        Path pptx = dir.resolve("deck.pptx");
        java.util.List<Slide> slides = java.util.List.of(new Slide(1, "Frage", "Erz\u00e4hlung", TestDecks.png(1), "",
                "Notizen", "Frage: Wer?\n1. Client\n\nAntwort: 1."));
        new PptxExporter().write(new SlideDeck("Deck", "", "", java.util.Locale.GERMAN, slides), pptx,
                ExportMonitor.NONE);

        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow show = new XMLSlideShow(in)) {
            XSLFSlide slide = show.getSlides().get(0);
            for (String xml : java.util.List.of(slide.getXmlObject().xmlText(), slide.getNotes().getXmlObject().xmlText())) {
                assertThat(xml).contains("lang=\"de\"").doesNotContain("lang=\"en-US\"");
            }
            assertThat(slide.getNotes().getPlaceholders()).noneMatch(p -> p.getTextType() == Placeholder.DATETIME);
            assertThat(slide.getNotes().getXmlObject().xmlText()).doesNotContain("2013");
        }
    }

    @Test
    void theSameSlidesGiveTheSameBytes() throws Exception {
        Path a = dir.resolve("a.pptx");
        Path b = dir.resolve("b.pptx");
        new PptxExporter().write(TestDecks.deck(2), a, ExportMonitor.NONE);
        new PptxExporter().write(TestDecks.deck(2), b, ExportMonitor.NONE);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    private static String notesText(XSLFNotes notes) {
        assertThat(notes).as("speaker notes").isNotNull();
        StringBuilder text = new StringBuilder();
        for (XSLFShape shape : notes.getShapes()) {
            if (shape instanceof XSLFTextShape t && t.getTextType() == Placeholder.BODY) {
                text.append(t.getText());
            }
        }
        return text.toString();
    }
}
