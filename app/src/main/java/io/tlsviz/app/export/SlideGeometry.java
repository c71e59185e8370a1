package io.tlsviz.app.export;

/**
 * Where the parts of a slide go, in points on a 16:9 slide of 960 x 540 points (13.33 x 7.5 inches, a widescreen
 * presentation), shared by every format so that a PDF page, a PowerPoint slide, a web page and a PNG look alike:
 * the title across the top, the picture below it on the left, the narration in a column beside it, and a footer
 * line (docs/decisions/0016-slides-readable-from-the-back.md).
 */
final class SlideGeometry {
    static final double SLIDE_WIDTH = 960;
    static final double SLIDE_HEIGHT = 540;
    static final double MARGIN = 24;
    /** The title's box: one line of the largest title size, from here down. */
    static final double TITLE_TOP = 18;
    static final double TITLE_HEIGHT = 50;
    /** The picture and the narration, from the body's top to its bottom. */
    static final double BODY_TOP = 76;
    static final double BODY_BOTTOM = 506;
    static final double BODY_HEIGHT = BODY_BOTTOM - BODY_TOP;
    static final double GAP = 24;
    /** The picture beside the narration: 60 % of the slide's width, the body's whole height. */
    static final double PICTURE_WIDTH = 576;
    static final double TEXT_LEFT = MARGIN + PICTURE_WIDTH + GAP;
    static final double TEXT_WIDTH = SLIDE_WIDTH - MARGIN - TEXT_LEFT;
    /** The footer's baseline (deck title, slide number), under the body. */
    static final double FOOTER_BASELINE = SLIDE_HEIGHT - 16;

    private SlideGeometry() {
    }
}
