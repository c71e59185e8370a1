package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void anAttackIsOnTheRsaRecordingUnlessItSaysDheAndADheAttackRecoversNothing() {
        String beat = GOOD + """
                    attack:
                      recorded: [client_key_exchange]
                """;
        assertThat(load(beat).lesson().orElseThrow().beats().get(0).attack().orElseThrow().onDhe()).isFalse();
        Attack dhe = load(beat + "      recording: dhe\n").lesson().orElseThrow().beats().get(0).attack()
                .orElseThrow();
        assertThat(dhe.onDhe()).isTrue();
        assertThat(load(beat + "      recording: ecdhe\n").problems()).extracting(Problem::message)
                .singleElement().asString().contains("recording must be one of rsa, dhe, not 'ecdhe'");
        assertThat(load(beat + "      recovers: [premaster_secret]\n      recording: dhe\n").problems())
                .extracting(Problem::message).singleElement().asString()
                .contains("opens nothing in the DHE recording");
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
        // Only what is required: the language may come from the file name, and order is optional.
        assertThat(load("").problems()).extracting(Problem::toString)
                .containsExactly("probe.en.yaml:1: empty file: a lesson needs id, title, summary, scenario and beats");
        assertThat(load("- just\n- a list\n").problems()).extracting(Problem::message)
                .containsExactly("a lesson file is a mapping with the keys id, title, summary, scenario and beats "
                        + "(language and order are optional)");
    }

    @Test
    void theLanguageComesFromTheFileNameOrTheKeyAndTheyMustAgree() {
        assertThat(LessonLoader.againstLiveTraces().load("probe.yaml", GOOD).problems()).extracting(Problem::toString)
                .containsExactly("probe.yaml:1: cannot tell the language: name the file ID.en.yaml or ID.de.yaml, "
                        + "or add 'language: en'");
        assertThat(LessonLoader.againstLiveTraces().load("probe.yaml", "language: de\n" + GOOD).lesson().orElseThrow()
                .language()).isEqualTo("de");
        assertThat(load("language: de\n" + GOOD).problems()).extracting(Problem::toString)
                .containsExactly("probe.en.yaml:1: language 'de' does not match the file name, which says 'en'");
    }

    @Test
    void aLanguageTheAppDoesNotSpeakIsAProblemWhereverItIsWritten() {
        assertThat(LessonLoader.againstLiveTraces().load("probe.fr.yaml", GOOD).problems()).extracting(Problem::toString)
                .containsExactly("probe.fr.yaml:1: language 'fr' is not one tlsviz speaks: a lesson is in en or de, "
                        + "the languages of the app (the file name says 'fr')");
        assertThat(LessonLoader.againstLiveTraces().load("probe.yaml", GOOD + "language: fr\n").problems())
                .extracting(Problem::toString).containsExactly("probe.yaml:10: language 'fr' is not one tlsviz "
                        + "speaks: a lesson is in en or de, the languages of the app");
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
    void aKeyIndentedIntoTheNarrationIsAProblemNotNarration() {
        String literal = GOOD.replace("    narration: Random {{client_random|short}}.\n", """
                    narration: |
                      Random {{client_random|short}}.
                      highlight: [client_random]
                """);
        assertThat(load(literal).problems()).extracting(Problem::toString).containsExactly("probe.en.yaml:11: "
                + "'highlight: [client_random]' looks like a key indented too far: YAML reads it as part of the "
                + "narration of beat 1. Indent 'highlight:' like the beat's other keys (4 spaces) to make it a key");
        // Folded text (>) joins the line to the one above; the file's own lines still show it.
        assertThat(load(literal.replace("narration: |", "narration: >")).problems()).extracting(Problem::line)
                .containsExactly(11);
        // Prose that merely contains a key word and a colon is fine.
        assertThat(load(literal.replace("      highlight: [client_random]", "      Step: the client speaks first; "
                + "the highlight: its random"))).satisfies(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void quizKeysAndWholeBeatsIndentedIntoTextAreProblemsToo() {
        String quiz = GOOD + """
                    quiz:
                      kind: next_message
                      question: |
                        What is sent next?
                        answer: server_hello
                      explanation: |
                        The server answers.
                        - step: server_hello
                          title: Server hello
                          narration: The server answers.
                """;
        assertThat(load(quiz).problems()).extracting(Problem::toString).containsExactly(
                "probe.en.yaml:11: the quiz of beat 1 is missing the required key 'answer'",
                "probe.en.yaml:14: 'answer: server_hello' looks like a key indented too far: YAML reads it as part "
                        + "of the question of the quiz of beat 1. Indent 'answer:' like the quiz's other keys "
                        + "(6 spaces) to make it a key",
                "probe.en.yaml:17: '- step: server_hello' looks like a beat indented too far: YAML reads it as part "
                        + "of the explanation of the quiz of beat 1. Indent '- step:' like the other beats (2 spaces) "
                        + "to start a beat");
    }

    @Test
    void highlightedFieldPathsAreFieldsOfTheMessageAtTheBeatsStep() {
        String good = GOOD + "    highlight: [record.handshake.client_hello.random, client_random]\n";
        assertThat(load(good).problems()).isEmpty();
        assertThat(load(good.replace("record.handshake.client_hello.random", "record.handshake.foo")).problems())
                .extracting(Problem::toString).containsExactly("probe.en.yaml:10: no field 'record.handshake.foo' in "
                        + "the client_hello message (under 'record.handshake' it has: record.handshake.msg_type, "
                        + "record.handshake.length, record.handshake.client_hello)");
        assertThat(load(good.replace("client_hello.random", "client_hello.randm")).problems())
                .extracting(Problem::message).containsExactly("no field 'record.handshake.client_hello.randm' in the "
                        + "client_hello message (did you mean 'record.handshake.client_hello.random'?)");
        assertThat(load(good.replace("- step: client_hello", "- step: client_makes_premaster")).problems())
                .extracting(Problem::message).containsExactly("highlight 'record.handshake.client_hello.random' is a "
                        + "field path, but step 'client_makes_premaster' is a computation, not a message: field paths "
                        + "name fields of the message a beat is on (value names have no dots)");
    }

    @Test
    void aColonInAnUnquotedValueAsksForQuotes() {
        assertThat(load(GOOD.replace("title: Probe", "title: RSA: the classic")).problems())
                .extracting(Problem::toString).containsExactly("probe.en.yaml:2: malformed YAML: the value of 'title' "
                        + "contains a colon and a space, which YAML reads as the start of another key: put the value "
                        + "in quotes, title: \"RSA: the classic\"");
        assertThat(load(GOOD.replace("title: Probe", "title: \"RSA: the classic\"")).problems()).isEmpty();
        assertThat(load(GOOD.replace("    narration: Random", "    narration: Note: random")).problems())
                .extracting(Problem::message).containsExactly("malformed YAML: the value of 'narration' contains a "
                        + "colon and a space, which YAML reads as the start of another key: put the value in quotes, "
                        + "narration: \"Note: random {{client_random|short}}.\"");
        // A line of another shape keeps the indentation hint.
        assertThat(load(GOOD.replace("    title: Hello\n", "    title: Hello\n      there: again\n")).problems())
                .extracting(Problem::message).singleElement().asString().endsWith("(check the indentation of this "
                        + "line and the line above)");
    }

    @Test
    void aFileTooLargeForALessonSaysSoAndItsSize(@TempDir Path dir) throws java.io.IOException {
        Path huge = dir.resolve("huge.en.yaml");
        byte[] thirteen = new byte[13 * 1024 * 1024];
        java.util.Arrays.fill(thirteen, (byte) 'a');
        java.nio.file.Files.write(huge, thirteen);
        Path big = dir.resolve("big.en.yaml");
        java.nio.file.Files.write(big, java.util.Arrays.copyOf(thirteen, 5 * 1024 * 1024 + 512 * 1024));

        assertThat(LessonLibrary.load(huge).problems()).extracting(Problem::toString).containsExactly(huge
                + ": too large for a lesson: 13 MB (a lesson file is text of at most 3 MB); is this the right file?");
        assertThat(LessonLibrary.load(big).problems()).extracting(Problem::message).containsExactly(
                "too large for a lesson: 5.5 MB (a lesson file is text of at most 3 MB); is this the right file?");
        assertThat(LessonLoader.againstLiveTraces().load("text.en.yaml", "a".repeat(3 * 1024 * 1024 + 1))
                .problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("too large for a lesson: 3.0 MB");
    }

    @Test
    void aValueNameWrittenShortGetsTheFullNameSuggested() {
        assertThat(load(GOOD.replace("{{client_random|short}}", "{{premaster|short}}")).problems())
                .extracting(Problem::message).containsExactly("unknown placeholder {{premaster|short}} for the rsa "
                        + "scenario (did you mean 'premaster_secret'?)");
        assertThat(load(GOOD.replace("{{client_random|short}}", "{{random}}")).problems())
                .extracting(Problem::message).containsExactly("unknown placeholder {{random}} for the rsa scenario "
                        + "(did you mean 'client_random' or 'server_random'?)");
        assertThat(load(GOOD + "    highlight: [master]\n").problems()).extracting(Problem::message)
                .containsExactly("unknown secret 'master' for the rsa scenario (did you mean 'master_secret'?)");
    }

    @Test
    void warmupPlaceholdersNeedAWarmupInTheBeat() {
        assertThat(load(GOOD.replace("{{client_random|short}}", "{{warmup.A}}")).problems())
                .extracting(Problem::message).containsExactly("placeholder {{warmup.A}} needs a warmup in this beat");
    }
}
