package io.tlsviz.app.viewmodel;

/**
 * One entry of the lesson picker: a lesson (id, title, summary in the current language) or free
 * exploration.
 *
 * @param id    the lesson id; empty for free exploration
 * @param title shown large
 * @param summary one or two sentences under the title
 */
public record LessonChoice(String id, String title, String summary) {

    public boolean isFreeExploration() {
        return id.isEmpty();
    }
}
