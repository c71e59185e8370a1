package io.tlsviz.app.prefs;

/** The settings the window remembers between runs, typed, over a {@link PreferenceStore}. */
public final class AppPreferences {
    public static final double DEFAULT_WIDTH = 1440;
    public static final double DEFAULT_HEIGHT = 900;
    public static final int MIN_FONT_STEP = -4;
    public static final int MAX_FONT_STEP = 12;

    private final PreferenceStore store;

    public AppPreferences(PreferenceStore store) {
        this.store = store;
    }

    /** Theme id: light, dark or projector. */
    public String theme() {
        return store.get("theme").orElse("light");
    }

    public void setTheme(String id) {
        store.put("theme", id);
    }

    /** Font size change in steps of 2 px from the theme's own size. */
    public int fontStep() {
        return clamp(intValue("fontStep", 0), MIN_FONT_STEP, MAX_FONT_STEP);
    }

    public void setFontStep(int step) {
        store.put("fontStep", Integer.toString(clamp(step, MIN_FONT_STEP, MAX_FONT_STEP)));
    }

    public boolean reducedMotion() {
        return Boolean.parseBoolean(store.get("reducedMotion").orElse("false"));
    }

    public void setReducedMotion(boolean on) {
        store.put("reducedMotion", Boolean.toString(on));
    }

    public double windowWidth() {
        return Math.max(640, doubleValue("windowWidth", DEFAULT_WIDTH));
    }

    public double windowHeight() {
        return Math.max(480, doubleValue("windowHeight", DEFAULT_HEIGHT));
    }

    public void setWindowSize(double width, double height) {
        store.put("windowWidth", Double.toString(width));
        store.put("windowHeight", Double.toString(height));
    }

    private int intValue(String key, int fallback) {
        try {
            return store.get(key).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private double doubleValue(String key, double fallback) {
        try {
            double v = store.get(key).map(Double::parseDouble).orElse(fallback);
            return Double.isFinite(v) ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
