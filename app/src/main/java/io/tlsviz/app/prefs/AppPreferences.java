package io.tlsviz.app.prefs;

/** The settings the window remembers between runs, typed, over a {@link PreferenceStore}. */
public final class AppPreferences {
    public static final double DEFAULT_WIDTH = 1440;
    public static final double DEFAULT_HEIGHT = 900;
    public static final int MIN_FONT_STEP = -4;
    public static final int MAX_FONT_STEP = 12;
    /** What {@link #lastLesson()} holds when the last choice was free exploration. */
    public static final String FREE_EXPLORATION = "free";

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

    /** The lesson chosen last in the picker: a lesson id, or {@link #FREE_EXPLORATION}; empty before the first choice. */
    public java.util.Optional<String> lastLesson() {
        return store.get("lastLesson");
    }

    public void setLastLesson(String id) {
        store.put("lastLesson", id);
    }

    /** How many lesson files the picker offers again. */
    public static final int RECENT_LESSON_FILES = 5;

    /** Lesson files opened in earlier sessions, the newest first (absolute paths). */
    public java.util.List<java.nio.file.Path> recentLessonFiles() {
        java.util.List<java.nio.file.Path> out = new java.util.ArrayList<>();
        for (String line : store.get("recentLessonFiles").orElse("").split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(java.nio.file.Path.of(line));
                } catch (java.nio.file.InvalidPathException e) {
                    // Written on another system: not offered.
                }
            }
        }
        return out;
    }

    /** Puts a lesson file first among the recent ones (once; at most {@link #RECENT_LESSON_FILES} are kept). */
    public void addRecentLessonFile(java.nio.file.Path file) {
        java.nio.file.Path absolute = file.toAbsolutePath().normalize();
        java.util.List<java.nio.file.Path> all = new java.util.ArrayList<>(recentLessonFiles());
        all.remove(absolute);
        all.add(0, absolute);
        store.put("recentLessonFiles", String.join("\n", all.subList(0, Math.min(RECENT_LESSON_FILES, all.size()))
                .stream().map(java.nio.file.Path::toString).toList()));
    }

    /** The language chosen in the app (two letters), or empty to follow the system locale. */
    public java.util.Optional<String> language() {
        return store.get("language");
    }

    public void setLanguage(String language) {
        store.put("language", language);
    }

    /** The folder the last slideshow was exported to; empty before the first export. */
    public java.util.Optional<String> lastExportFolder() {
        return store.get("lastExportFolder");
    }

    public void setLastExportFolder(String folder) {
        store.put("lastExportFolder", folder);
    }

    /** The format of the last export ({@code pdf}, {@code pptx}, {@code html}, {@code png}); empty before the first. */
    public java.util.Optional<String> lastExportFormat() {
        return store.get("lastExportFormat");
    }

    public void setLastExportFormat(String id) {
        store.put("lastExportFormat", id);
    }

    public double windowWidth() {
        return Math.max(640, doubleValue("windowWidth", DEFAULT_WIDTH));
    }

    public double windowHeight() {
        return Math.max(480, doubleValue("windowHeight", DEFAULT_HEIGHT));
    }

    /**
     * Whether the window opens maximized: as it was last closed; on the very first run (no size saved yet)
     * maximized, since a classroom projector wants the whole screen.
     */
    public boolean windowMaximized() {
        return store.get("windowMaximized").map(Boolean::parseBoolean)
                .orElse(store.get("windowWidth").isEmpty());
    }

    public void setWindowMaximized(boolean maximized) {
        store.put("windowMaximized", Boolean.toString(maximized));
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
