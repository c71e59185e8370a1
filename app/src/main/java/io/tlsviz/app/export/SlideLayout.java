package io.tlsviz.app.export;

import static io.tlsviz.app.export.SlideGeometry.BODY_HEIGHT;
import static io.tlsviz.app.export.SlideGeometry.BODY_TOP;
import static io.tlsviz.app.export.SlideGeometry.MARGIN;
import static io.tlsviz.app.export.SlideGeometry.PICTURE_WIDTH;
import static io.tlsviz.app.export.SlideGeometry.SLIDE_HEIGHT;
import static io.tlsviz.app.export.SlideGeometry.SLIDE_WIDTH;

/**
 * What a slide's picture holds and where it goes on the slide ({@link SlideGeometry}). Every picture is rendered
 * at {@link #PIXELS_PER_POINT} pixels per point of the slide, the size it is shown at, so that text of
 * {@code n} pixels in it is {@code n / 2} points on the slide in every format: the picture is laid out for its
 * place instead of being a 1920 x 1080 screen shrunk into it (docs/decisions/0016-slides-readable-from-the-back.md).
 */
public enum SlideLayout {
    /** The whole slide as one picture: title, picture and narration (a folder of PNGs). */
    WHOLE_SLIDE(new Place(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT)),
    /** The picture on the left of the body, the narration in a column beside it (PDF, web page, a quiz in PowerPoint). */
    BESIDE_TEXT(new Place(MARGIN, BODY_TOP, PICTURE_WIDTH, BODY_HEIGHT)),
    /** The picture across the body (PowerPoint, whose narration is in the speaker notes). */
    WIDE(new Place(MARGIN, BODY_TOP, SLIDE_WIDTH - 2 * MARGIN, BODY_HEIGHT));

    /** 1920 pixels across a slide of 960 points: a PNG of a whole slide is full HD. */
    public static final int PIXELS_PER_POINT = 2;

    /** Where the picture goes on the slide, in points: its left and top edges (from the top), its width and height. */
    public record Place(double x, double y, double width, double height) {
    }

    private final Place place;

    SlideLayout(Place place) {
        this.place = place;
    }

    public Place place() {
        return place;
    }

    /** The picture's width in pixels. */
    public int pixelWidth() {
        return (int) Math.round(place.width() * PIXELS_PER_POINT);
    }

    /** The picture's height in pixels. */
    public int pixelHeight() {
        return (int) Math.round(place.height() * PIXELS_PER_POINT);
    }
}
