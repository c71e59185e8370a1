package io.tlsviz.app.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Renders a slide's picture in an offscreen scene styled with the theme, at the size its layout gives it
 * ({@link SlideLayout}, at most 1920x1080). {@link #snapshot} runs on the JavaFX thread; {@link #png} encodes the
 * pixels anywhere else. The PNG has no metadata (no time), so the same scene gives the same bytes.
 */
public final class SlideRenderer {
    /** The largest picture: a whole slide, 960 x 540 points at two pixels a point. */
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;

    /** A rendered picture: opaque 0xAARRGGBB ints, row by row. */
    public record Pixels(int width, int height, int[] argb) {
        public Pixels {
            if (argb.length != width * height) {
                throw new IllegalArgumentException("expected " + width * height + " pixels, got " + argb.length);
            }
        }
    }

    private final SlideTheme theme;
    private Scene scene;

    public SlideRenderer(SlideTheme theme) {
        this.theme = theme;
    }

    /**
     * Puts {@code view} into the offscreen scene with the theme's stylesheets, so that its controls get their skins
     * (and a lookup finds what is inside a scroll pane). The scene's root is a group, so the view keeps the size
     * it gives itself instead of the scene's. Call on the JavaFX thread.
     */
    public void attach(Parent view) {
        if (scene == null) {
            scene = new Scene(new Group(view), WIDTH, HEIGHT);
            scene.getStylesheets().setAll(theme.stylesheets());
        } else if (view.getParent() != scene.getRoot()) {
            ((Group) scene.getRoot()).getChildren().setAll(view);
        }
        view.applyCss();
    }

    /** The pixels of {@code view} at the size it has laid itself out at. Call on the JavaFX thread. */
    public Pixels snapshot(Region view) {
        attach(view);
        view.layout();
        int width = (int) Math.round(view.getWidth());
        int height = (int) Math.round(view.getHeight());
        SnapshotParameters area = new SnapshotParameters();
        area.setViewport(new Rectangle2D(0, 0, width, height)); // the view's box, whatever reaches beyond it
        WritableImage image = view.snapshot(area, new WritableImage(width, height));
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new Pixels(width, height, argb);
    }

    /**
     * A PNG of the pixels: 8-bit RGB (slides are opaque), each row with the Sub filter, deflated at the fastest
     * level; no metadata, so the same pixels give the same bytes. Written by hand because ImageIO's writer tries
     * every filter on every row and takes several times as long on a 1920x1080 picture (PNG spec, ISO 15948).
     */
    public static byte[] png(Pixels pixels) {
        int width = pixels.width();
        int height = pixels.height();
        int[] argb = pixels.argb();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array(), 13);

        ByteArrayOutputStream idat = new ByteArrayOutputStream(512 * 1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + width * 3];
            row[0] = 1; // filter type Sub: each byte minus the same byte of the pixel to its left
            for (int y = 0; y < height; y++) {
                int r0 = 0;
                int g0 = 0;
                int b0 = 0;
                for (int x = 0, i = y * width, o = 1; x < width; x++, i++, o += 3) {
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
