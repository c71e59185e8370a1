package io.tlsviz.app.export;

import io.tlsviz.app.view.Theme;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The look of exported slides: the window's {@link Theme} plus the slide layout. */
public enum SlideTheme {
    LIGHT("light"),
    PROJECTOR("projector");

    private static final String SLIDE_CSS = "/io/tlsviz/app/export/slide.css";

    private final String id;

    SlideTheme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The window's stylesheets for this theme, then the slide layout, as URLs for {@code Scene.getStylesheets()}. */
    public List<String> stylesheets() {
        List<String> sheets = new java.util.ArrayList<>(Theme.fromId(id).stylesheets());
        sheets.add(resolve(SLIDE_CSS));
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

    private static String resolve(String path) {
        URL url = SlideTheme.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Resource not found: " + path);
        }
        return url.toExternalForm();
    }
}
