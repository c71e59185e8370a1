package io.tlsviz.app.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

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

    /**
     * Puts {@code root} into the offscreen 1920x1080 scene with the theme's stylesheets, so that its controls get
     * their skins (and a lookup finds what is inside a scroll pane). Call on the JavaFX thread.
     */
    public void attach(Parent root) {
        if (scene == null) {
            scene = new Scene(root, WIDTH, HEIGHT);
            scene.getStylesheets().setAll(theme.stylesheets());
        } else if (scene.getRoot() != root) {
            scene.setRoot(root);
        }
        root.applyCss();
    }

    /** The pixels of {@code root} laid out at 1920x1080, as opaque 0xAARRGGBB ints. Call on the JavaFX thread. */
    public int[] snapshot(Parent root) {
        attach(root);
        root.layout();
        WritableImage image = scene.snapshot(new WritableImage(WIDTH, HEIGHT));
        int[] argb = new int[WIDTH * HEIGHT];
        image.getPixelReader().getPixels(0, 0, WIDTH, HEIGHT, PixelFormat.getIntArgbInstance(), argb, 0, WIDTH);
        return argb;
    }

    /**
     * A PNG of the pixels: 8-bit RGB (slides are opaque), each row with the Sub filter, deflated at the fastest
     * level; no metadata, so the same pixels give the same bytes. Written by hand because ImageIO's writer tries
     * every filter on every row and takes several times as long on a 1920x1080 picture (PNG spec, ISO 15948).
     */
    public static byte[] png(int[] argb) {
        if (argb.length != WIDTH * HEIGHT) {
            throw new IllegalArgumentException("expected " + WIDTH * HEIGHT + " pixels, got " + argb.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(WIDTH).putInt(HEIGHT)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array(), 13);

        ByteArrayOutputStream idat = new ByteArrayOutputStream(512 * 1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + WIDTH * 3];
            row[0] = 1; // filter type Sub: each byte minus the same byte of the pixel to its left
            for (int y = 0; y < HEIGHT; y++) {
                int r0 = 0;
                int g0 = 0;
                int b0 = 0;
                for (int x = 0, i = y * WIDTH, o = 1; x < WIDTH; x++, i++, o += 3) {
                    int p = argb[i];
                    int r = (p >> 16) & 0xff;
                    int g = (p >> 8) & 0xff;
                    int b = p & 0xff;
                    row[o] = (byte) (r - r0);
                    row[o + 1] = (byte) (g - g0);
                    row[o + 2] = (byte) (b - b0);
                    r0 = r;
                    g0 = g;
                    b0 = b;
                }
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a slide as PNG", e);
        } finally {
            deflater.end();
        }
        chunk(out, "IDAT", idat.toByteArray(), idat.size());
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        out.writeBytes(typeBytes);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
