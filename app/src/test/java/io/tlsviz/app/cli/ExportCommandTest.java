package io.tlsviz.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
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
    void exportsALessonWithASlidePerBeat() throws Exception {
        Lesson lesson = LessonLibrary.loadShipped().find("rsa", "de").orElseThrow();
        Path pptx = dir.resolve("rsa.pptx");

        int code = run("--lesson", "rsa", "--locale", "de", "--format", "pptx", "--out", pptx.toString());

        assertThat(code).as(err.toString()).isZero();
        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow show = new XMLSlideShow(in)) {
            assertThat(show.getSlides()).hasSize(lesson.beats().size());
            for (int i = 0; i < lesson.beats().size(); i++) {
                XSLFSlide slide = show.getSlides().get(i);
                assertThat(slide.getTitle()).isEqualTo(lesson.beats().get(i).title());
                assertThat(slide.getNotes()).as("speaker notes of slide %d", i + 1).isNotNull();
            }
            assertThat(show.getProperties().getCoreProperties().getTitle()).isEqualTo(lesson.title());
        }
    }

    @Test
    void anUnknownLessonNamesTheKnownOnes() {
        int code = run("--lesson", "rsa-basics", "--format", "pdf", "--out", dir.resolve("x.pdf").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("tlsviz: --lesson: unknown lesson 'rsa-basics' (expected one of ")
                .contains("rsa, ");
        assertThat(dir).isEmptyDirectory();
    }
}
