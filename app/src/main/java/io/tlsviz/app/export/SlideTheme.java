package io.tlsviz.app.export;

import io.tlsviz.app.view.Resources;
import io.tlsviz.app.view.Theme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The look of exported slides: the window's {@link Theme} (its colours) plus the slide layout, and the type sizes
 * every format sets its text in, in points on a 960 x 540 point slide. The projector theme is to the light one
 * what the window's projector theme is to the window's light one: larger type (a fifth larger in the picture and
 * the narration, a seventh in the title), pure black text and heavier lines
 * (docs/decisions/0016-slides-readable-from-the-back.md).
 */
public enum SlideTheme {
    LIGHT("light", new Sizes(14, 28, 20, 11)),
    PROJECTOR("projector", new Sizes(17, 32, 24, 12));

    /**
     * The smallest size narration is set in to fit its column, in points: that of the picture's smallest text. What
     * does not fit even so is cut with "...".
     */
    public static final double NARRATION_MIN = 12;

    private static final String SLIDE_CSS = "/io/tlsviz/app/export/slide.css";
    private static final String PROJECTOR_CSS = "/io/tlsviz/app/export/slide-projector.css";

    /**
     * A theme's type sizes, in points on the slide.
     *
     * @param picture   the picture's base font; its smallest text (a value's "new" and "proven" marks, the step line)
     *                  is 7/8 of it: 12.25 points in the light theme, about 15 in the projector theme
     * @param title     the title's; a title too long for one line is set smaller, down to the narration's size
     * @param narration the narration's when it fits its column at that size; else the largest that fits, down to
     *                  {@link #NARRATION_MIN}
     * @param footer    the footer line's (deck title, slide number)
     */
    public record Sizes(double picture, double title, double narration, double footer) {
    }

    private final String id;
    private final Sizes sizes;

    SlideTheme(String id, Sizes sizes) {
        this.id = id;
        this.sizes = sizes;
    }

    public String id() {
        return id;
    }

    public Sizes sizes() {
        return sizes;
    }

    /** The window's stylesheets for this theme, then the slide layout, as URLs for {@code Scene.getStylesheets()}. */
    public List<String> stylesheets() {
        List<String> sheets = new ArrayList<>(Theme.fromId(id).stylesheets());
        sheets.add(Resources.resolve(SLIDE_CSS));
        if (this == PROJECTOR) {
            sheets.add(Resources.resolve(PROJECTOR_CSS));
        }
        return List.copyOf(sheets);
    }

    public static SlideTheme fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (SlideTheme t : values()) {
            if (t.id.equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown theme '" + id + "' (expected one of "
                + Arrays.stream(values()).map(SlideTheme::id).collect(Collectors.joining(", ")) + ")");
    }
}
