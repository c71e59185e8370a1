package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfExporterTest {
    @TempDir
    Path dir;

    @Test
    void aPagePerSlideWithTitlesAsSearchableText() throws Exception {
        SlideDeck deck = TestDecks.deck(5);
        Path pdf = dir.resolve("deck.pdf");

        new PdfExporter().write(deck, pdf, ExportMonitor.NONE);

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(5);
            assertThat(doc.getPage(0).getMediaBox().getWidth() / doc.getPage(0).getMediaBox().getHeight())
                    .isCloseTo(16f / 9f, org.assertj.core.data.Offset.offset(0.01f));
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Test deck");
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("A teacher");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("de");
            for (int page = 1; page <= 5; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                assertThat(text).contains("Title " + page + " \u00fcber Schl\u00fcssel")
                        .contains("Narration of slide " + page);
            }
        }
    }

    @Test
    void wordsWithFiStaySearchable() throws Exception {
        Slide slide = new Slide(1, "The certificate", "The server's certificate and the client's Finished.",
                TestDecks.png(1), "", "");
        byte[] pdf = new PdfExporter().render(new SlideDeck("D", "", "", java.util.Locale.ENGLISH,
                java.util.List.of(slide)), ExportMonitor.NONE);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            assertThat(stripper.getText(doc)).contains("certificate").contains("Finished").doesNotContain("\ufb01");
        }
        assertThat(PdfExporter.withoutLigatures("offline file")).containsExactly("of", "f", "line f", "ile");
    }

    @Test
    void withoutTheTrueTypeFontFallsBackToHelvetica() throws Exception {
        Path missing = dir.resolve("no-such-font.ttf");
        Path pdf = dir.resolve("deck.pdf");

        new PdfExporter(missing, missing, missing).write(TestDecks.deck(2), pdf, ExportMonitor.NONE);

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Title 2 \u00fcber Schl\u00fcssel");
        }
    }

    @Test
    void theSameSlidesGiveTheSameBytes() throws Exception {
        Path a = dir.resolve("a.pdf");
        Path b = dir.resolve("b.pdf");
        new PdfExporter().write(TestDecks.deck(3), a, ExportMonitor.NONE);
        new PdfExporter().write(TestDecks.deck(3), b, ExportMonitor.NONE);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void cancellingLeavesNoFile() {
        AtomicInteger checks = new AtomicInteger();
        ExportMonitor cancelAtThirdSlide = () -> {
            if (checks.incrementAndGet() == 3) {
                throw new CancellationException("cancelled");
            }
        };

        assertThatThrownBy(() -> new PdfExporter().write(TestDecks.deck(5), dir.resolve("deck.pdf"),
                cancelAtThirdSlide)).isInstanceOf(CancellationException.class);
        assertThat(dir).isEmptyDirectory();
    }
}
