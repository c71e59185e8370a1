package io.tlsviz.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppPreferencesTest {
    @Test
    void remembersAndClampsAndSurvivesGarbage() {
        InMemoryPreferenceStore store = new InMemoryPreferenceStore();
        AppPreferences p = new AppPreferences(store);
        assertThat(p.theme()).isEqualTo("light");
        assertThat(p.windowWidth()).isEqualTo(AppPreferences.DEFAULT_WIDTH);
        p.setTheme("projector");
        p.setWindowSize(1000, 700);
        p.setFontStep(99);
        p.setReducedMotion(true);
        AppPreferences again = new AppPreferences(store);
        assertThat(again.theme()).isEqualTo("projector");
        assertThat(again.windowHeight()).isEqualTo(700);
        assertThat(again.fontStep()).isEqualTo(AppPreferences.MAX_FONT_STEP);
        assertThat(again.reducedMotion()).isTrue();
        store.put("windowWidth", "wide");
        assertThat(again.windowWidth()).isEqualTo(AppPreferences.DEFAULT_WIDTH);
    }

    @Test
    void theFirstRunOpensMaximizedThenAsLastClosed() {
        AppPreferences p = new AppPreferences(new InMemoryPreferenceStore());
        assertThat(p.windowMaximized()).isTrue();
        p.setWindowSize(1000, 700);
        assertThat(p.windowMaximized()).isFalse();
        p.setWindowMaximized(true);
        assertThat(p.windowMaximized()).isTrue();
    }
}
