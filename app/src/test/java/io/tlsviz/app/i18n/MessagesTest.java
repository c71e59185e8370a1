package io.tlsviz.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsviz.lessons.LessonLibrary;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void englishAndGermanHaveTheSameKeysAndGermanIsTranslated() {
        Messages en = Messages.forLocale(Locale.ENGLISH);
        Messages de = Messages.forLocale(Locale.GERMANY);
        assertThat(de.bundle().keySet()).isEqualTo(en.bundle().keySet());
        assertThat(de.get("toolbar.next")).isEqualTo("Weiter");
        assertThat(en.format("diagram.message", "ClientHello", 212)).isEqualTo("ClientHello, 212 bytes");
    }

    @Test
    void theLanguagesLessonsMayBeInAreTheOnesTheAppSpeaks() {
        for (String language : LessonLibrary.LANGUAGES) {
            assertThat(Messages.forLocale(Locale.forLanguageTag(language)).locale().getLanguage()).isEqualTo(language);
        }
        assertThat(LessonLibrary.LANGUAGES).doesNotContain("fr");
        assertThat(Messages.forLocale(Locale.FRENCH).locale().getLanguage()).isEqualTo(LessonLibrary.REFERENCE_LANGUAGE);
    }

    @Test
    void otherLanguagesFallBackToEnglishAndMissingKeysFailLoudly() {
        Messages fr = Messages.forLocale(Locale.FRENCH);
        assertThat(fr.get("toolbar.next")).isEqualTo("Next");
        assertThatThrownBy(() -> fr.get("no.such.key")).hasMessageContaining("no.such.key");
    }
}
