package io.tlsviz.app.viewmodel;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One entry of the lesson picker: a lesson (id, title, summary in the current language), a lesson file opened
 * in an earlier session, or free exploration.
 *
 * @param id      the lesson id; empty for free exploration and for a recent file not opened yet
 * @param title   shown large
 * @param summary one or two sentences under the title
 * @param file    a recent lesson file to open (and check) when chosen; empty for the others
 */
public record LessonChoice(String id, String title, String summary, Optional<Path> file) {

    public LessonChoice {
        file = file == null ? Optional.empty() : file;
    }

    public LessonChoice(String id, String title, String summary) {
        this(id, title, summary, Optional.empty());
    }

    public boolean isFreeExploration() {
        return id.isEmpty() && file.isEmpty();
    }

    /**
     * A name for this entry that is the same in every session and differs from every other entry's (the picker
     * gives it to the entry's node as its id): a lesson's id; {@code free_exploration}; for a remembered file,
     * {@code file_}, its name and the start of a hash of its whole path, as two folders may each hold a
     * {@code mine.en.yaml}. Lesson ids are lowercase letters, digits and dashes, so the underscores keep the
     * others apart from every lesson; anything else in a file name becomes a dash, so the key works as a CSS id.
     */
    public String key() {
        if (isFreeExploration()) {
            return "free_exploration";
        }
        return file.map(f -> "file_" + f.getFileName().toString().replaceAll("[^A-Za-z0-9-]", "-") + "_"
                + pathHash(f)).orElse(id);
    }

    /** The first 4 bytes of the SHA-256 of the absolute path, as hex: 8 characters, stable across sessions. */
    private static String pathHash(Path file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    file.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
