package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonLibraryTest {

    private static void copyShipped(String name, Path dir) throws IOException {
        Files.writeString(dir.resolve(name), Resources.read(LessonLibrary.FOLDER + name));
    }

    @Test
    void aFolderWithOneBadLessonGivesTheGoodOnesAndTheProblem(@TempDir Path dir) throws IOException {
        copyShipped("rsa.en.yaml", dir);
        copyShipped("rsa.de.yaml", dir);
        copyShipped("dhe.en.yaml", dir);
        copyShipped("tls13.de.yaml", dir);
        Files.copy(LessonLoaderTest.bad("unknown-step.en.yaml"), dir.resolve("unknown-step.en.yaml"));
        Files.writeString(dir.resolve("notes.txt"), "not a lesson");

        LessonLibrary library = LessonLibrary.load(dir);

        assertThat(library.ids()).containsExactly("dhe", "rsa", "tls13");
        assertThat(library.languages("rsa")).containsExactly("en", "de");
        assertThat(library.languages("tls13")).containsExactly("de");
        assertThat(library.problems()).extracting(Problem::toString).containsExactly(dir.resolve("unknown-step.en.yaml")
                + ":10: unknown step 'server_helo' for the rsa scenario (did you mean 'server_hello'?)");
    }

    @Test
    void lookupsByIdAndLanguageFallBackToEnglishThenAnyLanguage(@TempDir Path dir) throws IOException {
        copyShipped("rsa.en.yaml", dir);
        copyShipped("tls13.de.yaml", dir);
        LessonLibrary library = LessonLibrary.load(dir);

        assertThat(library.lesson("rsa", "de")).isEmpty();
        assertThat(library.find("rsa", "de").orElseThrow().language()).isEqualTo("en");
        assertThat(library.find("tls13", "en").orElseThrow().language()).isEqualTo("de");
        assertThat(library.lessons("de")).extracting(Lesson::id, Lesson::language)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rsa", "en"),
                        org.assertj.core.groups.Tuple.tuple("tls13", "de"));
        assertThat(library.find("nope", "en")).isEmpty();
    }

    @Test
    void aFileBringsItsOtherLanguagesAlongSoTranslationsAreChecked(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("my-dhe.en.yaml"),
                Resources.read(LessonLibrary.FOLDER + "dhe.en.yaml").replace("id: dhe\n", "id: my-dhe\n"));
        // Option 3 is as true a sentence as option 2 might be in a careless translation: only the translation check can tell.
        String german = Resources.read(LessonLibrary.FOLDER + "dhe.de.yaml").replace("id: dhe\n", "id: my-dhe\n")
                .replaceFirst("answer: 2\n", "answer: 3\n");
        Files.writeString(dir.resolve("my-dhe.de.yaml"), german);
        // Both files have the same layout, so beat 3 starts on the same line in each.
        int beatLine = german.substring(0, german.indexOf("- step: client_verifies_server_signature")).split("\n", -1)
                .length;

        LessonLibrary library = LessonLibrary.load(dir.resolve("my-dhe.en.yaml"));

        assertThat(library.problems()).extracting(Problem::toString).containsExactly(dir.resolve("my-dhe.de.yaml")
                + ":" + beatLine + ": the quiz of beat 3 differs from " + dir.resolve("my-dhe.en.yaml") + ":"
                + beatLine + ": multiple_choice with 3 options, answer 3 here, multiple_choice with 3 options, answer 2 there");
        assertThat(library.languages("my-dhe")).containsExactly("en");
    }

    @Test
    void aWrongAnswerInATranslationIsCheckedAgainstTheHandshakeToo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("my-dhe.en.yaml"),
                Resources.read(LessonLibrary.FOLDER + "dhe.en.yaml").replace("id: dhe\n", "id: my-dhe\n"));
        String german = Resources.read(LessonLibrary.FOLDER + "dhe.de.yaml").replace("id: dhe\n", "id: my-dhe\n")
                .replace("answer: [client, server]\n", "answer: [client, server, eavesdropper]\n");
        Path de = Files.writeString(dir.resolve("my-dhe.de.yaml"), german);
        int answerLine = german.substring(0, german.lastIndexOf("answer: [client, server, eavesdropper]"))
                .split("\n", -1).length;

        LessonLibrary library = LessonLibrary.load(dir.resolve("my-dhe.en.yaml"));

        assertThat(library.problems()).extracting(Problem::toString).containsExactly(de + ":" + answerLine
                + ": who_knows answer [client, server, eavesdropper] is wrong: the eavesdropper never learns "
                + "premaster_secret in this handshake; at step 'server_computes_premaster' it is known by client, server");
        assertThat(library.languages("my-dhe")).containsExactly("en");
    }

    @Test
    void twoFilesForOneLessonAndLanguageAreAProblem(@TempDir Path dir) throws IOException {
        copyShipped("rsa.en.yaml", dir);
        Files.writeString(dir.resolve("rsa-copy.en.yaml"), Resources.read(LessonLibrary.FOLDER + "rsa.en.yaml"));

        LessonLibrary library = LessonLibrary.load(dir);

        assertThat(library.problems()).extracting(Problem::toString).containsExactly(
                dir.resolve("rsa.en.yaml") + ":1: lesson 'rsa' in language 'en' is already in " + dir.resolve("rsa-copy.en.yaml"));
        assertThat(library.lesson("rsa", "en").orElseThrow().source()).isEqualTo(dir.resolve("rsa-copy.en.yaml").toString());
    }

    @Test
    void aChangedCopyOfAShippedLessonNeedsItsOwnIdSoItCannotReplaceTheShippedOne(@TempDir Path dir) throws IOException {
        String changed = Resources.read(LessonLibrary.FOLDER + "dhe.en.yaml")
                .replace("title: Ephemeral Diffie-Hellman (DHE)", "title: DHE for class 10b");
        Path mine = Files.writeString(dir.resolve("mine.en.yaml"), changed);

        LessonLibrary library = LessonLibrary.load(mine);

        assertThat(library.problems()).extracting(Problem::toString).containsExactly(mine + ":2: id 'dhe' belongs to "
                + "a lesson shipped with tlsviz: give this lesson its own id (e.g. 'my-dhe', the same in every "
                + "language), or opening it would replace the shipped 'dhe' in the lesson picker");
        assertThat(library.ids()).isEmpty();

        Files.writeString(mine, changed.replace("id: dhe\n", "id: my-dhe\n"));
        assertThat(LessonLibrary.load(mine).problems()).isEmpty();
    }

    @Test
    void theShippedFileItselfKeepsItsIdEvenWithWindowsLineEndings(@TempDir Path dir) throws IOException {
        Path copy = Files.writeString(dir.resolve("dhe.en.yaml"),
                Resources.read(LessonLibrary.FOLDER + "dhe.en.yaml").replace("\n", "\r\n"));

        LessonLibrary library = LessonLibrary.load(copy);

        assertThat(library.problems()).isEmpty();
        assertThat(library.ids()).containsExactly("dhe");
    }

    @Test
    void anIndexOfLessonsInAFolderIsSkippedNotReadAsALesson(@TempDir Path dir) throws IOException {
        copyShipped("index.yaml", dir);
        copyShipped("rsa.en.yaml", dir);

        LessonLibrary library = LessonLibrary.load(dir);

        assertThat(library.problems()).isEmpty();
        assertThat(library.files()).containsExactly(dir.resolve("rsa.en.yaml").toString());
        assertThat(library.skipped()).containsExactly(new LessonLibrary.Skipped(dir.resolve("index.yaml").toString(),
                "an index of lessons like the shipped index.yaml (the picker's order), not a lesson"));

        // A file that only bears the name is read as what it claims to be, and its problems are said.
        Files.writeString(dir.resolve("index.yaml"), "id: index\ntitle: Not an index\n");
        LessonLibrary other = LessonLibrary.load(dir);
        assertThat(other.skipped()).isEmpty();
        assertThat(other.problems()).extracting(Problem::file).contains(dir.resolve("index.yaml").toString());
    }

    @Test
    void anUnreadableFileIsOneProblem(@TempDir Path dir) {
        Path missing = dir.resolve("gone.en.yaml");
        assertThat(LessonLibrary.load(missing).problems()).extracting(Problem::toString)
                .containsExactly(missing + ": cannot read: no such file");
    }

    @Test
    void aMissingResourceFailsLoudlyWithItsPath() {
        assertThatThrownBy(() -> Resources.read("io/tlsviz/lessons/nope.en.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Resource not found: io/tlsviz/lessons/nope.en.yaml");
    }
}
