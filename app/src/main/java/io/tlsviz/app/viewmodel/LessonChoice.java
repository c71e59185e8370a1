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
}
