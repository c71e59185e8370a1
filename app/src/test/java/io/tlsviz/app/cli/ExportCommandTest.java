package io.tlsviz.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Beat;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Starts the toolkit the way TestFX does, so that the window's TestFX tests in this JVM still work. */
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ExportCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void exportsTheRsaStepsAsAPdfWithAPagePerStep() throws Exception {
        Path pdf = dir.resolve("rsa.pdf");
        Trace trace = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));

        int code = run("--exchange", "rsa", "--format", "pdf", "--out", pdf.toString(), "--seed", "1");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Wrote " + trace.steps().size() + " slides to " + pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(trace.steps().size());
            String text = new PDFTextStripper().getText(doc);
            trace.steps().forEach(step -> assertThat(text).contains(step.title()));
        }
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path html = Files.writeString(dir.resolve("deck.html"), "mine");

        int code = run("--exchange", "tls13", "--format", "html", "--out", html.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("tlsviz: ").contains("already exists").contains("--force");
        assertThat(Files.readString(html)).isEqualTo("mine");
    }

    @Test
    void overwritesWithForce() throws Exception {
        Path html = Files.writeString(dir.resolve("deck.html"), "mine");

        int code = run("--exchange", "ecdhe", "--format", "html", "--out", html.toString(), "--force",
                "--locale", "de", "--theme", "projector");

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<html lang=\"de\">");
    }

    @Test
    void anUnwritableDestinationIsOneLineAndLeavesNothing() {
        Path target = dir.resolve("missing").resolve("deck.pptx");

        int code = run("--exchange", "rsa", "--format", "pptx", "--out", target.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tlsviz: Cannot write " + target + ": the folder " + target.getParent()
                + " does not exist" + System.lineSeparator());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void badInputExitsWithTwo() {
        assertThat(run("--exchange", "rsa", "--format", "doc", "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("tlsviz: --format: unknown format 'doc'");
        assertThat(run("--exchange", "md5", "--format", "pdf", "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(run("--exchange", "rsa", "--format", "pdf", "--out", dir.resolve("x").toString(), "--locale", "fr"))
                .isEqualTo(2);
        assertThat(run("--exchange", "rsa", "--lesson", "rsa-basics", "--format", "pdf", "--out", "x")).isEqualTo(2);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void exportsALessonWithASlidePerBeatAndTheQuizOnItsSlideThenItsAnswer() throws Exception {
        Lesson lesson = LessonLibrary.loadShipped().find("rsa", "de").orElseThrow();
        Path pptx = dir.resolve("rsa.pptx");

        int code = run("--lesson", "rsa", "--locale", "de", "--format", "pptx", "--out", pptx.toString());

        assertThat(code).as(err.toString()).isZero();
        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow show = new XMLSlideShow(in)) {
            assertThat(show.getSlides()).hasSize(slideCount(lesson));
            int n = 0;
            for (Beat beat : lesson.beats()) {
                XSLFSlide slide = show.getSlides().get(n++);
                assertThat(slide.getTitle()).isEqualTo(beat.title());
                assertThat(slide.getNotes()).as("speaker notes of slide %d", n).isNotNull();
                if (beat.quiz().isEmpty()) {
                    continue;
                }
                // The class sees the question and its options on the slide, not only the teacher in the notes.
                assertThat(textOnSlide(slide)).as("slide %d", n).contains("Frage: ").contains("\n1. ")
                        .contains("\n2. ").doesNotContain("Antwort: ");
                XSLFSlide answer = show.getSlides().get(n++);
                assertThat(answer.getTitle()).isEqualTo("Antwort: " + beat.title());
                assertThat(textOnSlide(answer)).as("slide %d", n).contains("Antwort: ")
                        .contains(start(beat.quiz().get().explanation()));
            }
            assertThat(show.getProperties().getCoreProperties().getTitle()).isEqualTo(lesson.title());
        }
    }

    /**
     * The PDF asks each quiz on its beat's page (question and options) and answers it on the next page (answer
     * and explanation), which before appeared nowhere in the PDF.
     */
    @Test
    void aLessonsPdfAsksEachQuizAndAnswersItOnTheNextPage() throws Exception {
        Lesson lesson = LessonLibrary.loadShipped().find("dhe", "en").orElseThrow();
        Path pdf = dir.resolve("dhe.pdf");

        int code = run("--lesson", "dhe", "--format", "pdf", "--out", pdf.toString());

        assertThat(code).as(err.toString()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(slideCount(lesson));
            int page = 0;
            for (Beat beat : lesson.beats()) {
                String text = pageText(doc, ++page);
                assertThat(text).as("page %d", page).startsWith(beat.title()).doesNotContain("Answer: ");
                if (beat.quiz().isEmpty()) {
                    continue;
                }
                assertThat(text).as("page %d", page).contains("Question: ").contains("\n1. ").contains("\n2. ");
                String answer = pageText(doc, ++page);
                assertThat(answer).as("page %d", page).startsWith("Answer: " + beat.title()).contains("Question: ")
                        .contains("Answer: ");
                assertThat(answer.replaceAll("\\s+", " ")).as("page %d", page)
                        .contains(start(beat.quiz().get().explanation()));
            }
        }
    }

    /** A page per beat and, after each beat with a quiz, a page with its answer. */
    private static int slideCount(Lesson lesson) {
        return lesson.beats().size() + (int) lesson.beats().stream().filter(b -> b.quiz().isPresent()).count();
    }

    /** The start of a lesson's text up to its first placeholder or emphasis, with its line breaks as spaces. */
    private static String start(String text) {
        String plain = text.split("\\{\\{|\\*")[0].strip().replaceAll("\\s+", " ");
        return plain.substring(0, Math.min(40, plain.length())).strip();
    }

    private static String pageText(PDDocument doc, int page) throws java.io.IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc).replace("\r", "");
    }

    /** The text of a slide's shapes other than its title: what the class reads on it. */
    private static String textOnSlide(XSLFSlide slide) {
        StringBuilder text = new StringBuilder();
        for (var shape : slide.getShapes()) {
            if (shape instanceof org.apache.poi.xslf.usermodel.XSLFTextShape t
                    && t.getTextType() != org.apache.poi.sl.usermodel.Placeholder.TITLE
                    && !t.getText().equals(slide.getTitle())) {
                text.append(t.getText()).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void anUnknownLessonNamesTheKnownOnes() {
        int code = run("--lesson", "rsa-basics", "--format", "pdf", "--out", dir.resolve("x.pdf").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("tlsviz: --lesson: unknown lesson 'rsa-basics' (expected one of ")
                .contains("rsa, ");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aPngExportNeverDeletesAFolderThatHoldsAnythingButSlidesEvenWithForce() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("Documents"));
        Files.writeString(documents.resolve("notes.docx"), "my notes");
        Files.createDirectories(documents.resolve("sub"));
        Files.writeString(documents.resolve("sub").resolve("deep.txt"), "deep");

        int code = run("--exchange", "rsa", "--format", "png", "--out", documents.toString(), "--force");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("the folder holds files that are not slides (notes.docx, sub)")
                .contains("Give a new folder's name");
        assertThat(documents.resolve("notes.docx")).hasContent("my notes");
        assertThat(documents.resolve("sub").resolve("deep.txt")).hasContent("deep");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("Documents");
        }
    }

    @Test
    void aPngExportReplacesTheSlidesOfAnEarlierOneAndFillsAnEmptyFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("--exchange", "rsa", "--format", "png", "--out", empty.toString())).as(err.toString()).isZero();
        int slides;
        try (var s = Files.list(empty)) {
            slides = (int) s.count();
        }
        assertThat(slides).isEqualTo(HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA)).steps().size());

        Files.writeString(empty.resolve("slide-99.png"), "from an export of a longer handshake");
        assertThat(run("--exchange", "rsa", "--format", "png", "--out", empty.toString()))
                .as("an earlier export needs --force").isEqualTo(2);
        assertThat(run("--exchange", "rsa", "--format", "png", "--out", empty.toString(), "--force"))
                .as(err.toString()).isZero();
        assertThat(empty.resolve("slide-99.png")).doesNotExist();
        assertThat(empty.resolve("slide-01.png")).exists();
    }

    @Test
    void aFileNameThatDoesNotFitTheFormatIsRefusedBeforeAnythingIsWritten() throws Exception {
        assertThat(run("--exchange", "rsa", "--format", "pdf", "--out", dir.resolve("wrong.pptx").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--out: 'wrong.pptx' ends in .pptx, but --format is pdf");
        assertThat(run("--exchange", "rsa", "--format", "pdf", "--out", dir.resolve("noext").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("name it 'noext.pdf'");
        assertThat(run("--exchange", "rsa", "--format", "png", "--out", dir.resolve("pngs.pdf").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("a PNG export writes a folder of images");
        assertThat(run("--exchange", "rsa", "--format", "pdf", "--out", "")).isEqualTo(2);
        assertThat(err.toString()).contains("--out: give the file to write");
        Path file = Files.writeString(dir.resolve("afile"), "x");
        assertThat(run("--exchange", "rsa", "--format", "pdf", "--out", file.resolve("x.pdf").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains(file + " is a file, not a folder");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("afile");
        }
    }

    @Test
    void aTeachersOwnLessonFileExportsWithItsOtherLanguageAndABrokenOneExportsNothing() throws Exception {
        LessonLibrary shipped = LessonLibrary.loadShipped();
        for (String language : new String[] {"en", "de"}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                    LessonLibrary.FOLDER + "dhe." + language + ".yaml")) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replaceFirst("(?m)^id: dhe$", "id: my-dhe");
                Files.writeString(dir.resolve("my-dhe." + language + ".yaml"), text);
            }
        }
        Path pdf = dir.resolve("mine.pdf");

        int code = run("--lesson", dir.resolve("my-dhe.en.yaml").toString(), "--locale", "de", "--format", "pdf",
                "--out", pdf.toString());

        assertThat(code).as(err.toString()).isZero();
        Lesson german = shipped.find("dhe", "de").orElseThrow();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).as("a page per beat and an answer page per quiz")
                    .isEqualTo(slideCount(german));
            assertThat(new PDFTextStripper().getText(doc)).contains(german.beats().get(0).title());
        }

        Path broken = Files.writeString(dir.resolve("broken.en.yaml"), "id: broken\ntitle: x\nbeats: [\n");
        Path out = dir.resolve("broken.pdf");
        assertThat(run("--lesson", broken.toString(), "--format", "pdf", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(broken + " has problems, so nothing was exported").contains("broken.en.yaml:");
        assertThat(out).doesNotExist();
    }
}
