package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad-lesson fixture yields exactly the expected {@code file:line: message}. */
class LessonLoaderTest {

    static Path bad(String name) {
        try {
            return Path.of(Objects.requireNonNull(LessonLoaderTest.class.getResource("/bad/" + name),
                    "Resource not found: bad/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> problems(String fixture) {
        return LessonLibrary.load(bad(fixture)).problems().stream().map(Problem::toString).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            malformed.en.yaml           ; 10 ; malformed YAML: expected <block end>, but found '<block mapping start>' (check the indentation of this line and the line above)
            unknown-step.en.yaml        ; 10 ; unknown step 'server_helo' for the rsa scenario (did you mean 'server_hello'?)
            unknown-placeholder.en.yaml ; 12 ; unknown placeholder {{master_secrte|short}} for the rsa scenario (did you mean 'master_secret'?)
            missing-title.en.yaml       ; 10 ; beat 2 is missing the required key 'title'
            quiz-out-of-range.en.yaml   ; 17 ; quiz answer 4 is out of range: there are 3 options, counted from 1
            unknown-key.en.yaml         ; 10 ; unknown key 'higlight' in beat 1 (did you mean 'highlight'?)
            wrong-exchange.en.yaml      ;  5 ; unknown exchange 'rsaa' (expected one of rsa, dhe, ecdhe, tls13)
            suite-does-not-fit.en.yaml  ;  6 ; cipher suite TLS_RSA_WITH_AES_128_GCM_SHA256 does not use the DHE key exchange
            cbc-write-iv.en.yaml        ; 11 ; unknown secret 'client_write_iv' for the rsa scenario with TLS_RSA_WITH_AES_128_CBC_SHA256 (did you mean 'client_write_key'?)
            """)
    void aBadFixtureYieldsItsOneProblemWithTheLine(String fixture, int line, String message) {
        assertThat(problems(fixture)).containsExactly(bad(fixture) + ":" + line + ": " + message);
    }

    @Test
    void aMissingGermanBeatIsReportedInTheGermanFileAtTheBeatWhereItIsMissing() {
        Path de = bad("missing-german-beat.de.yaml");
        Path en = bad("missing-german-beat.en.yaml");

        LessonLibrary library = LessonLibrary.load(de);

        assertThat(library.problems()).extracting(Problem::toString).containsExactly(
                de + ":10: missing translation of beat 2 'server_hello' (" + en + ":10)");
        assertThat(library.lesson("missing-german-beat", "en")).isPresent();
        assertThat(library.lesson("missing-german-beat", "de")).isEmpty();
        assertThat(library.find("missing-german-beat", "de").orElseThrow().language()).isEqualTo("en");
    }

    @Test
    void everyProblemInAFileIsReportedNotJustTheFirst() {
        assertThat(problems("who-knows-bad-party.en.yaml")).containsExactly(
                bad("who-knows-bad-party.en.yaml") + ":13: unknown secret 'client_dh_public' for the rsa scenario",
                bad("who-knows-bad-party.en.yaml") + ":14: unknown party 'attacker' (expected client, server or eavesdropper)");
        assertThat(problems("warmup-not-prime.en.yaml")).containsExactly(
                bad("warmup-not-prime.en.yaml") + ":9: unknown placeholder {{warmup.C}} (did you mean 'warmup.A'?)",
                bad("warmup-not-prime.en.yaml") + ":10: warmup p = 21 must be a prime of at least 5");
    }

    private static final String GOOD = """
            id: probe
            title: Probe
            summary: A small lesson.
            scenario:
              exchange: rsa
            beats:
              - step: client_hello
                title: Hello
                narration: Random {{client_random|short}}.
            """;

    private static LessonLoader.Result load(String text) {
        return LessonLoader.againstLiveTraces().load("probe.en.yaml", text);
    }

    @Test
    void aGoodLessonLoadsWithDefaultsFilledIn() {
        LessonLoader.Result r = load(GOOD);
        assertThat(r.problems()).isEmpty();
        Lesson lesson = r.lesson().orElseThrow();
        assertThat(lesson.language()).isEqualTo("en");
        assertThat(lesson.scenario()).isEqualTo(io.tlsviz.engine.ScenarioOptions.defaults(io.tlsviz.engine.Exchange.RSA));
        assertThat(lesson.beats()).singleElement().satisfies(b -> {
            assertThat(b.step()).isEqualTo("client_hello");
            assertThat(b.line()).isEqualTo(7);
        });
    }

    @Test
    void duplicateKeysNameBothLines() {
        LessonLoader.Result r = load(GOOD.replace("summary: A small lesson.", "summary: A.\ntitle: Again"));
        assertThat(r.problems()).extracting(Problem::toString)
                .containsExactly("probe.en.yaml:4: duplicate key 'title' in the lesson (first at line 2)");
        assertThat(r.lesson()).isEmpty();
    }

    @Test
    void emptyAndNonMappingFilesAreOneProblemEach() {
        assertThat(load("").problems()).extracting(Problem::toString)
                .containsExactly("probe.en.yaml:1: empty file: a lesson needs id, language, title, scenario, summary, beats");
        assertThat(load("- just\n- a list\n").problems()).extracting(Problem::message)
                .containsExactly("a lesson file is a mapping with the keys id, language, title, scenario, summary, beats");
    }

    @Test
    void theLanguageComesFromTheFileNameOrTheKeyAndTheyMustAgree() {
        assertThat(LessonLoader.againstLiveTraces().load("probe.yaml", GOOD).problems()).extracting(Problem::toString)
                .containsExactly("probe.yaml:1: cannot tell the language: name the file ID.en.yaml (or .de.yaml, ...) "
                        + "or add 'language: en'");
        assertThat(LessonLoader.againstLiveTraces().load("probe.yaml", "language: de\n" + GOOD).lesson().orElseThrow()
                .language()).isEqualTo("de");
        assertThat(load("language: de\n" + GOOD).problems()).extracting(Problem::toString)
                .containsExactly("probe.en.yaml:1: language 'de' does not match the file name, which says 'en'");
    }

    @Test
    void nextMessageAnswersAreStepsAmongTheOptions() {
        String quiz = GOOD + """
                    quiz:
                      kind: next_message
                      question: What next?
                      options: [server_hello, client_finished]
                      answer: server_key_exchange
                      explanation: Server hello.
                """;
        assertThat(load(quiz).problems()).extracting(Problem::toString).containsExactly(
                "probe.en.yaml:14: unknown step 'server_key_exchange' for the rsa scenario");
        assertThat(load(quiz.replace("answer: server_key_exchange", "answer: client_key_exchange")).problems())
                .extracting(Problem::toString)
                .containsExactly("probe.en.yaml:14: quiz answer 'client_key_exchange' is not one of the options");
    }

    @Test
    void quizKeysDependOnTheKind() {
        String quiz = GOOD + """
                    quiz:
                      kind: who_knows
                      question: Who knows?
                      secret: client_random
                      options: [a, b]
                      answer: [client, server, eavesdropper]
                      explanation: Everyone.
                """;
        assertThat(load(quiz).problems()).extracting(Problem::toString).containsExactly(
                "probe.en.yaml:14: unknown key 'options' in the quiz of beat 1");
        Quiz.WhoKnows wk = (Quiz.WhoKnows) load(quiz.replace("      options: [a, b]\n", "")).lesson().orElseThrow()
                .beats().get(0).quiz().orElseThrow();
        assertThat(wk.isCorrect(java.util.Set.of(io.tlsviz.engine.Party.values()))).isTrue();
        assertThat(wk.isCorrect(java.util.Set.of(io.tlsviz.engine.Party.CLIENT))).isFalse();
    }

    @Test
    void secretsOfAnotherExchangeOrUnknownFormatsAreRejected() {
        assertThat(load(GOOD.replace("{{client_random|short}}", "{{server_dh_public}} {{client_random|tiny}}"))
                .problems()).extracting(Problem::toString).containsExactly(
                "probe.en.yaml:9: unknown placeholder {{server_dh_public}} for the rsa scenario",
                "probe.en.yaml:9: unknown format 'tiny' in {{client_random|tiny}} (expected short, bytes or bits)");
        assertThat(load(GOOD.replace("{{client_random|short}}", "{{client random}}")).problems())
                .extracting(Problem::message).containsExactly(
                        "malformed placeholder starting '{{client random}}.': write {{name}} or {{name|short}}");
    }

    @Test
    void theStepListIsAnInputSoAnyNameSourceCanBeUsed() {
        LessonLoader onlyHello = new LessonLoader(o -> new ScenarioNames(List.of("client_hello"), java.util.Set.of()));
        assertThat(onlyHello.load("probe.en.yaml", GOOD).problems()).extracting(Problem::toString).containsExactly(
                "probe.en.yaml:9: unknown placeholder {{client_random|short}} for the rsa scenario");
    }

    @Test
    void warmupPlaceholdersNeedAWarmupInTheBeat() {
        assertThat(load(GOOD.replace("{{client_random|short}}", "{{warmup.A}}")).problems())
                .extracting(Problem::message).containsExactly("placeholder {{warmup.A}} needs a warmup in this beat");
    }
}
