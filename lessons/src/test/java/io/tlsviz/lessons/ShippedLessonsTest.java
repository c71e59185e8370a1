package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.Exchange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShippedLessonsTest {
    private static final List<String> IDS = List.of("rsa", "dhe", "ecdhe", "tls13", "forward-secrecy", "cipher-suites");
    private static final LessonLibrary LIBRARY = LessonLibrary.loadShipped();

    @Test
    void everyShippedLessonLoadsInBothLanguagesWithoutProblems() {
        assertThat(LIBRARY.problems()).isEmpty();
        assertThat(LIBRARY.ids()).containsExactlyElementsOf(IDS);
        for (String id : IDS) {
            assertThat(LIBRARY.languages(id)).as(id).containsExactly("en", "de");
        }
    }

    @Test
    void theShippedLessonsAreInEveryLanguageALessonMayBeIn() {
        assertThat(LessonLibrary.Index.read().languages()).containsExactlyElementsOf(LessonLibrary.LANGUAGES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "dhe", "ecdhe", "tls13", "forward-secrecy", "cipher-suites"})
    void everyNameResolvesAgainstTheScenario(String id) {
        for (String language : List.of("en", "de")) {
            Lesson lesson = LIBRARY.lesson(id, language).orElseThrow();
            ScenarioNames names = LiveNames.forScenario(lesson.scenario());
            for (Beat beat : lesson.beats()) {
                String where = lesson.source() + ":" + beat.line();
                assertThat(names.steps()).as(where).contains(beat.step());
                assertThat(names.secrets()).as(where).containsAll(beat.highlightedSecrets());
                for (var p : Narration.placeholders(beat.narration())) {
                    if (!p.name().startsWith("warmup.")) {
                        assertThat(names.secrets()).as(where + " " + p).contains(p.name());
                    }
                }
                beat.quiz().ifPresent(q -> {
                    if (q instanceof Quiz.NextMessage nm) {
                        assertThat(names.steps()).as(where).contains(nm.answer()).containsAll(nm.options());
                    } else if (q instanceof Quiz.WhoKnows wk) {
                        assertThat(names.secrets()).as(where).contains(wk.secret());
                    }
                });
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "dhe", "ecdhe", "tls13", "forward-secrecy", "cipher-suites"})
    void englishAndGermanHaveTheSameBeatsAndAnswers(String id) {
        Lesson en = LIBRARY.lesson(id, "en").orElseThrow();
        Lesson de = LIBRARY.lesson(id, "de").orElseThrow();
        assertThat(de.steps()).isEqualTo(en.steps());
        assertThat(de.scenario()).isEqualTo(en.scenario());
        assertThat(de.quizzes().stream().map(Translations::answerKey))
                .containsExactlyElementsOf(en.quizzes().stream().map(Translations::answerKey).toList());
        assertThat(de.title()).isNotEqualTo(en.title());
        for (int i = 0; i < en.beats().size(); i++) {
            assertThat(de.beats().get(i).narration()).as("beat %d is translated", i + 1)
                    .isNotEqualTo(en.beats().get(i).narration());
        }
    }

    @Test
    void everyLessonEndsWithAQuiz() {
        for (String id : IDS) {
            for (String language : List.of("en", "de")) {
                List<Beat> beats = LIBRARY.lesson(id, language).orElseThrow().beats();
                assertThat(beats.get(beats.size() - 1).quiz()).as(id + "." + language).isPresent();
            }
        }
    }

    @Test
    void scenariosAreTheIssuesExchanges() {
        Map<String, Exchange> expected = Map.of("rsa", Exchange.RSA, "dhe", Exchange.DHE, "ecdhe", Exchange.ECDHE,
                "tls13", Exchange.TLS13, "forward-secrecy", Exchange.RSA, "cipher-suites", Exchange.ECDHE);
        expected.forEach((id, exchange) ->
                assertThat(LIBRARY.lesson(id, "en").orElseThrow().scenario().exchange()).as(id).isEqualTo(exchange));
    }

    @Test
    void theDheLessonHasTheWarmupBeforeTheRealPremaster() {
        Lesson dhe = LIBRARY.lesson("dhe", "en").orElseThrow();
        int warmup = indexOf(dhe, b -> b.warmup().isPresent());
        int real = dhe.steps().indexOf("server_computes_premaster");
        assertThat(warmup).isNotNegative().isLessThan(real);
        Warmup w = dhe.beats().get(warmup).warmup().orElseThrow();
        assertThat(w.clientPublic()).hasToString("8");
        assertThat(dhe.beats().get(warmup).narrate(Map.of())).contains("= *8*").contains("= *19*").contains("= *2*")
                .doesNotContain("{{");
    }

    @Test
    void theForwardSecrecyAttackRecoversTheKeysFromTheRecording() {
        Lesson fs = LIBRARY.lesson("forward-secrecy", "en").orElseThrow();
        List<Attack> attacks = fs.beats().stream().flatMap(b -> b.attack().stream()).toList();
        assertThat(attacks).hasSize(4);
        assertThat(attacks.get(3).onDhe()).as("the last beat tries the DHE recording").isTrue();
        assertThat(attacks.subList(0, 3)).noneMatch(Attack::onDhe);
        assertThat(attacks.get(0).recorded()).containsExactly("client_key_exchange");
        assertThat(attacks.get(0).recovers()).containsExactly("premaster_secret");
        assertThat(attacks.stream().flatMap(a -> a.recovers().stream()))
                .contains("master_secret", "client_write_key", "server_write_key");
        assertThat(attacks.get(2).decrypts()).containsExactly("client_application_data", "server_application_data");
    }

    private static int indexOf(Lesson lesson, java.util.function.Predicate<Beat> p) {
        for (int i = 0; i < lesson.beats().size(); i++) {
            if (p.test(lesson.beats().get(i))) {
                return i;
            }
        }
        return -1;
    }
}
