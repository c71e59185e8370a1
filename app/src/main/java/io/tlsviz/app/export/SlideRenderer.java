package io.tlsviz.app.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders a slide's picture at 1920x1080 (16:9) in an offscreen scene styled with the theme. {@link #snapshot}
 * runs on the JavaFX thread; {@link #png} encodes the pixels anywhere else. The PNG has no metadata (no time),
 * so the same scene gives the same bytes.
 */
public final class SlideRenderer {
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;

    private final SlideTheme theme;
    private Scene scene;

    public SlideRenderer(SlideTheme theme) {
        this.theme = theme;
    }

    /** The pixels of {@code root} laid out at 1920x1080, as opaque 0xAARRGGBB ints. Call on the JavaFX thread. */
    public int[] snapshot(Parent root) {
        if (scene == null) {
            scene = new Scene(root, WIDTH, HEIGHT);
            scene.getStylesheets().setAll(theme.stylesheets());
        } else {
            scene.setRoot(root);
        }
        root.applyCss();
        root.layout();
        WritableImage image = scene.snapshot(new WritableImage(WIDTH, HEIGHT));
        int[] argb = new int[WIDTH * HEIGHT];
        image.getPixelReader().getPixels(0, 0, WIDTH, HEIGHT, PixelFormat.getIntArgbInstance(), argb, 0, WIDTH);
        return argb;
    }

    /** A PNG of the pixels: RGB without alpha (slides are opaque), fast compression, no metadata. */
    public static byte[] png(int[] argb) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        image.getRaster().setDataElements(0, 0, WIDTH, HEIGHT, argb);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a slide as PNG", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
