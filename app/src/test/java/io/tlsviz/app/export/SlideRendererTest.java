package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SlideRendererTest {

    /** A whole slide's 1920x1080 and the picture beside the narration, 1152x848. */
    @Test
    void thePngDecodesToTheSamePixels() throws Exception {
        for (SlideLayout layout : new SlideLayout[] {SlideLayout.WHOLE_SLIDE, SlideLayout.BESIDE_TEXT}) {
            int width = layout.pixelWidth();
            int height = layout.pixelHeight();
            int[] argb = new int[width * height];
            for (int i = 0; i < argb.length; i++) {
                argb[i] = 0xff000000 | (i * 2654435761L % 0xffffff > 0 ? (int) (i * 2654435761L % 0xffffff) : 0);
            }
            SlideRenderer.Pixels pixels = new SlideRenderer.Pixels(width, height, argb);

            byte[] png = SlideRenderer.png(pixels);

            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(width);
            assertThat(image.getHeight()).isEqualTo(height);
            for (int i = 0; i < argb.length; i += 997) {
                assertThat(image.getRGB(i % width, i / width)).as("pixel %d", i).isEqualTo(argb[i]);
            }
            assertThat(SlideRenderer.png(pixels)).isEqualTo(png);
            assertThat(HtmlExporter.pngSize(png)).containsExactly(width, height);
        }
        assertThat(SlideLayout.WHOLE_SLIDE.pixelWidth()).isEqualTo(1920);
        assertThat(SlideLayout.WHOLE_SLIDE.pixelHeight()).isEqualTo(1080);
    }
}
