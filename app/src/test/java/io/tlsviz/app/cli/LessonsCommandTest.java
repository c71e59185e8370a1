package io.tlsviz.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsviz.lessons.LessonLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LessonsCommandTest {
    private static final List<String> IDS = List.of("rsa", "dhe", "ecdhe", "tls13", "forward-secrecy", "cipher-suites");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new LessonsCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static String shipped(String name) throws IOException {
        try (InputStream in = LessonLibrary.class.getClassLoader().getResourceAsStream(LessonLibrary.FOLDER + name)) {
            return new String(Objects.requireNonNull(in, "Resource not found: " + name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void listJsonHasEveryShippedLessonInBothLanguages() throws IOException {
        assertThat(run("--list", "--json")).isZero();
        assertThat(err.toString()).isEmpty();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        List<String> ids = new ArrayList<>();
        json.forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(IDS);
        JsonNode rsa = json.get(0);
        assertThat(rsa.get("title").asText()).isEqualTo("RSA key exchange");
        assertThat(rsa.get("scenario").asText()).isEqualTo("rsa");
        assertThat(rsa.get("languages").toString()).isEqualTo("[\"en\",\"de\"]");
        assertThat(rsa.get("beats").asInt()).isEqualTo(9);
        assertThat(json.get(3).get("scenario").asText()).isEqualTo("tls13");
        json.forEach(n -> assertThat(n.get("beats").asInt()).isPositive());
    }

    @Test
    void listAsTextIsOneLinePerLessonAndFollowsTheLanguage() {
        assertThat(run("--list", "--language", "de")).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("rsa ").contains(" en,de ", " 9 beats ").endsWith("RSA-Schlüsselaustausch");
    }

    @Test
    void goodFilesGetOneSummaryLineEachAndExitZero(@TempDir Path dir) throws IOException {
        Path en = Files.writeString(dir.resolve("rsa.en.yaml"), shipped("rsa.en.yaml"));
        Path de = Files.writeString(dir.resolve("rsa.de.yaml"), shipped("rsa.de.yaml"));

        assertThat(run("--validate", en.toString(), de.toString())).isZero();

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().lines()).containsExactly(
                en + ": ok, lesson 'rsa' (en), 9 beats, 4 quizzes",
                de + ": ok, lesson 'rsa' (de), 9 beats, 4 quizzes");
    }

    @Test
    void badFilesPrintEveryProblemAndExitTwo(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("dhe.en.yaml"), shipped("dhe.en.yaml"));
        Path bad = Files.writeString(dir.resolve("mine.en.yaml"), """
                id: mine
                title: Mine
                summary: Two mistakes.
                scenario:
                  exchange: rsa
                beats:
                  - step: client_helo
                    title: Hello
                    narration: Random {{client_randm}}.
                """);

        assertThat(run("--validate", good.toString(), bad.toString())).isEqualTo(2);

        assertThat(err.toString().lines()).containsExactly(
                bad + ":7: unknown step 'client_helo' for the rsa scenario (did you mean 'client_hello'?)",
                bad + ":9: unknown placeholder {{client_randm}} for the rsa scenario (did you mean 'client_random'?)");
        assertThat(out.toString().lines()).containsExactly(good + ": ok, lesson 'dhe' (en), 9 beats, 4 quizzes");
    }

    @Test
    void aFolderIsValidatedAsAWholeWithALinePerGoodFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ecdhe.en.yaml"), shipped("ecdhe.en.yaml"));
        Files.writeString(dir.resolve("ecdhe.de.yaml"), shipped("ecdhe.de.yaml"));

        assertThat(run("--validate", dir.toString())).isZero();
        assertThat(out.toString().lines()).containsExactly(
                dir.resolve("ecdhe.de.yaml") + ": ok, lesson 'ecdhe' (de), 4 beats, 2 quizzes",
                dir.resolve("ecdhe.en.yaml") + ": ok, lesson 'ecdhe' (en), 4 beats, 2 quizzes");
    }

    @Test
    void theShippedLessonsFolderIsOkAndItsIndexIsSkippedNotReportedAsABrokenLesson(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("index.yaml"), shipped("index.yaml"));
        for (String id : IDS) {
            for (String language : List.of("en", "de")) {
                Files.writeString(dir.resolve(id + "." + language + ".yaml"), shipped(id + "." + language + ".yaml"));
            }
        }

        assertThat(run("--validate", dir.toString())).isZero();

        assertThat(err.toString()).isEmpty();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(13).contains(dir.resolve("index.yaml") + ": skipped, an index of lessons like "
                + "the shipped index.yaml (the picker's order), not a lesson");
        assertThat(lines).filteredOn(l -> l.contains(": ok, lesson '")).hasSize(12);
    }

    @Test
    void inAFolderWithABadFileTheGoodOnesStillGetTheirOkLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rsa.en.yaml"), shipped("rsa.en.yaml"));
        Path bad = Files.writeString(dir.resolve("typo.en.yaml"), """
                id: typo
                title: Typo
                summary: A typo.
                scenario:
                  exchange: rsa
                beats:
                  - step: client_helo
                    title: Hello
                    narration: Hello.
                """);

        assertThat(run("--validate", dir.toString())).isEqualTo(2);

        assertThat(out.toString().lines()).containsExactly(dir.resolve("rsa.en.yaml") + ": ok, lesson 'rsa' (en), "
                + "9 beats, 4 quizzes");
        assertThat(err.toString().lines()).containsExactly(
                bad + ":7: unknown step 'client_helo' for the rsa scenario (did you mean 'client_hello'?)");
    }

    @Test
    void aLanguageTheAppDoesNotSpeakIsAProblem(@TempDir Path dir) throws IOException {
        Path french = Files.writeString(dir.resolve("rsa-fr.fr.yaml"),
                shipped("rsa.en.yaml").replace("id: rsa\n", "id: rsa-fr\n"));

        assertThat(run("--validate", french.toString())).isEqualTo(2);

        assertThat(err.toString().lines()).containsExactly(french + ":1: language 'fr' is not one tlsviz speaks: a "
                + "lesson is in en or de, the languages of the app (the file name says 'fr')");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFolderWithoutLessonsIsAProblemNotOk(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not a lesson");
        assertThat(run("--validate", dir.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(dir + ": no lesson files (NAME.LL.yaml) in this folder");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aLanguageTheLessonsAreNotInIsSaid() {
        assertThat(run("--list", "--language=fr")).isEqualTo(2);
        assertThat(err.toString()).contains("the lessons are in de and en, not 'fr'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileIsAProblem(@TempDir Path dir) {
        Path missing = dir.resolve("nope.en.yaml");
        assertThat(run("--validate", missing.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(missing + ": cannot read: no such file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required argument");
        err.getBuffer().setLength(0);

        assertThat(run("--list", "--validate", "x.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
        err.getBuffer().setLength(0);

        assertThat(run("--validate", "x.en.yaml", "--json")).isEqualTo(2);
        assertThat(err.toString()).contains("--json goes with --list");
    }
}
