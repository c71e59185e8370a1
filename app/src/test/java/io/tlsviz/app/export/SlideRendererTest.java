package io.tlsviz.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SlideRendererTest {

    @Test
    void thePngDecodesToTheSamePixels() throws Exception {
        int[] argb = new int[SlideRenderer.WIDTH * SlideRenderer.HEIGHT];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (i * 2654435761L % 0xffffff > 0 ? (int) (i * 2654435761L % 0xffffff) : 0);
        }

        byte[] png = SlideRenderer.png(argb);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(SlideRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(SlideRenderer.HEIGHT);
        for (int i = 0; i < argb.length; i += 997) {
            assertThat(image.getRGB(i % SlideRenderer.WIDTH, i / SlideRenderer.WIDTH)).as("pixel %d", i)
                    .isEqualTo(argb[i]);
        }
        assertThat(SlideRenderer.png(argb)).isEqualTo(png);
    }
}
