package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The whole export with real snapshots, headless (Monocle, software rendering). */
class ExportJobTest extends ExportTestBase {
    private ExportRequest request(SlideSource source, ExportFormat format, Path target, Trace trace) {
        return new ExportRequest(source, trace, format, target, Locale.ENGLISH, SlideTheme.LIGHT, null, false);
    }

    @Test
    void everyStepBecomesASlideAndProgressCountsThem() throws Exception {
        Path folder = dir.resolve("slides");
        List<String> progress = new ArrayList<>();

        ExportJob.Result result = new ExportJob(request(new StepSlideSource(), ExportFormat.PNG, folder, RSA),
                (done, total) -> progress.add(done + "/" + total), () -> false).run();

        int steps = RSA.steps().size();
        assertThat(result.slides()).isEqualTo(steps);
        assertThat(PngExporterTest.names(folder)).hasSize(steps).first().isEqualTo("slide-01.png");
        assertThat(progress).hasSize(steps + 1).startsWith("1/" + (steps + 1)).endsWith((steps + 1) + "/" + (steps + 1));
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(folder.resolve("slide-01.png").toFile());
        assertThat(picture.getWidth()).isEqualTo(1920);
        assertThat(picture.getHeight()).isEqualTo(1080);
    }

    @Test
    void theSameSeedGivesByteIdenticalPictures() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Trace again = HandshakeSession.run(ScenarioOptions.defaults(Exchange.RSA));

        new ExportJob(request(firstSteps(4), ExportFormat.PNG, a, RSA), ExportJob.ProgressListener.NONE,
                () -> false).run();
        new ExportJob(request(firstSteps(4), ExportFormat.PNG, b, again), ExportJob.ProgressListener.NONE,
                () -> false).run();

        for (String name : PngExporterTest.names(a)) {
            assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
        }
    }

    @Test
    void cancellingMidExportLeavesNoFile() {
        AtomicBoolean cancel = new AtomicBoolean();
        Path pdf = dir.resolve("deck.pdf");

        ExportJob job = new ExportJob(request(firstSteps(6), ExportFormat.PDF, pdf, RSA),
                (done, total) -> cancel.set(done >= 2), cancel::get);

        assertThatThrownBy(job::run).isInstanceOf(CancellationException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anExistingTargetIsRefusedBeforeAnythingIsRendered() throws Exception {
        Path pdf = Files.writeString(dir.resolve("deck.pdf"), "mine");
        List<Integer> progress = new ArrayList<>();

        ExportJob job = new ExportJob(request(firstSteps(2), ExportFormat.PDF, pdf, RSA),
                (done, total) -> progress.add(done), () -> false);

        assertThatThrownBy(job::run).isInstanceOf(TargetExistsException.class);
        assertThat(progress).isEmpty();
        assertThat(Files.readString(pdf)).isEqualTo("mine");
    }

    /**
     * A bare picture is the whole slide, title and narration included; where the deck writes them as text (a web
     * page, a PDF) the picture is only the picture beside the narration, rendered at the size it is shown at.
     */
    @Test
    void aBarePictureIsTheWholeSlideWhereTheDeckWritesItsWordsThePictureIsOnlyThePicture() throws Exception {
        Path folder = dir.resolve("pictures");
        Path html = dir.resolve("deck.html");

        new ExportJob(request(firstSteps(1), ExportFormat.PNG, folder, RSA), ExportJob.ProgressListener.NONE,
                () -> false).run();
        new ExportJob(request(firstSteps(1), ExportFormat.HTML, html, RSA), ExportJob.ProgressListener.NONE,
                () -> false).run();

        java.util.regex.Matcher picture = java.util.regex.Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)")
                .matcher(Files.readString(html));
        assertThat(picture.find()).isTrue();
        byte[] inPage = java.util.Base64.getDecoder().decode(picture.group(1));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(inPage));
        assertThat(image.getWidth()).isEqualTo(SlideLayout.BESIDE_TEXT.pixelWidth());
        assertThat(image.getHeight()).isEqualTo(SlideLayout.BESIDE_TEXT.pixelHeight());
        assertThat(Files.readString(html)).contains("<h2>" + RSA.steps().get(0).title() + "</h2>");
        java.awt.image.BufferedImage bare = javax.imageio.ImageIO.read(folder.resolve("slide-01.png").toFile());
        assertThat(bare.getWidth()).isEqualTo(1920);
        assertThat(bare.getHeight()).isEqualTo(1080);
        // The picture of the page is in the bare picture, at the place a PDF page has it.
        int x = (int) (SlideLayout.BESIDE_TEXT.place().x() * SlideLayout.PIXELS_PER_POINT);
        int y = (int) (SlideLayout.BESIDE_TEXT.place().y() * SlideLayout.PIXELS_PER_POINT);
        int same = 0;
        int sampled = 0;
        for (int py = 0; py < image.getHeight(); py += 17) {
            for (int px = 0; px < image.getWidth(); px += 13) {
                sampled++;
                same += image.getRGB(px, py) == bare.getRGB(x + px, y + py) ? 1 : 0;
            }
        }
        assertThat((double) same / sampled).isGreaterThan(0.99);
    }
}
