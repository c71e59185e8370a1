package io.tlsviz.app.view;

import java.util.List;
import java.util.Locale;

/** The themes in assets: base.css plus one file of looked-up colours. */
public enum Theme {
    LIGHT(15),
    DARK(15),
    PROJECTOR(20);

    private static final String DIR = "/io/tlsviz/assets/themes/";
    private final int baseFontPx;

    Theme(int baseFontPx) {
        this.baseFontPx = baseFontPx;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme's own font size; Ctrl +/- moves from here. */
    public int baseFontPx() {
        return baseFontPx;
    }

    /** base.css and the theme's colours, as stylesheet URLs. */
    public List<String> stylesheets() {
        return List.of(Resources.resolve(DIR + "base.css"), Resources.resolve(DIR + id() + ".css"));
    }

    public static Theme fromId(String id) {
        for (Theme t : values()) {
            if (t.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return t;
            }
        }
        return LIGHT;
    }
}
