package io.tlsviz.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.MessageStep;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Secret;
import io.tlsviz.engine.Step;
import io.tlsviz.engine.Trace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Quiz answers are checked against the live handshake of the lesson's scenario when a lesson is loaded, not
 * trusted: a wrong answer is a problem of the file, so the app never grades a wrong answer as right.
 */
class QuizTruthTest {

    private static String lesson(String exchange, String step, String quiz) {
        return """
                id: mine
                title: Mine
                summary: One quiz.
                scenario:
                  exchange: %s
                beats:
                  - step: %s
                    title: A beat
                    narration: Something happens.
                    quiz:
                %s""".formatted(exchange, step, quiz.indent(6));
    }

    private static String whoKnows(String secret, String answer) {
        return """
                kind: who_knows
                question: Who knows it now?
                secret: %s
                answer: %s
                explanation: Because.""".formatted(secret, answer);
    }

    private static String nextMessage(String answer) {
        return """
                kind: next_message
                question: What is sent next?
                answer: %s
                explanation: Because.""".formatted(answer);
    }

    private static List<String> problems(String text) {
        return LessonLoader.againstLiveTraces().load("mine.en.yaml", text).problems().stream()
                .map(Problem::toString).toList();
    }

    @Test
    void theEavesdropperNeverKnowsTheDhePremaster() {
        assertThat(problems(lesson("dhe", "server_computes_premaster",
                whoKnows("premaster_secret", "[client, server, eavesdropper]")))).containsExactly(
                "mine.en.yaml:14: who_knows answer [client, server, eavesdropper] is wrong: the eavesdropper never "
                        + "learns premaster_secret in this handshake; at step 'server_computes_premaster' it is known "
                        + "by client, server");
        assertThat(problems(lesson("dhe", "server_computes_premaster",
                whoKnows("premaster_secret", "[client, server]")))).isEmpty();
    }

    @Test
    void inRsaTheServerLearnsThePremasterOnlyWhenItDecryptsIt() {
        assertThat(problems(lesson("rsa", "client_key_exchange",
                whoKnows("premaster_secret", "[client, server, eavesdropper]")))).containsExactly(
                "mine.en.yaml:14: who_knows answer [client, server, eavesdropper] is wrong: the server learns "
                        + "premaster_secret only at step 'server_decrypts_premaster'; the eavesdropper never learns "
                        + "premaster_secret in this handshake; at step 'client_key_exchange' it is known by client");
        assertThat(problems(lesson("rsa", "server_decrypts_premaster",
                whoKnows("premaster_secret", "[client]")))).containsExactly(
                "mine.en.yaml:14: who_knows answer [client] is wrong: the server knows premaster_secret too, from "
                        + "step 'server_decrypts_premaster'; at step 'server_decrypts_premaster' it is known by "
                        + "client, server");
    }

    @Test
    void aValueThatDoesNotExistYetCannotBeAskedAbout() {
        assertThat(problems(lesson("dhe", "server_key_exchange",
                whoKnows("premaster_secret", "[client, server]")))).containsExactly(
                "mine.en.yaml:14: premaster_secret does not exist yet at step 'server_key_exchange': it first "
                        + "appears at step 'client_computes_premaster' (known by client), so ask about it at that "
                        + "step or later");
    }

    @Test
    void theNextMessageIsTheOneReallySentNext() {
        assertThat(problems(lesson("dhe", "server_derives_session_keys", nextMessage("client_finished"))))
                .containsExactly("mine.en.yaml:13: next_message answer 'client_finished' is wrong: after step "
                        + "'server_derives_session_keys' the next message sent is 'client_change_cipher_spec'");
        assertThat(problems(lesson("dhe", "server_derives_session_keys", nextMessage("client_change_cipher_spec"))))
                .isEmpty();
        assertThat(problems(lesson("rsa", "server_application_data", nextMessage("client_hello")))).containsExactly(
                "mine.en.yaml:13: no message is sent after step 'server_application_data' in this handshake, so a "
                        + "next_message quiz has no right answer here");
    }

    @Test
    void theScenarioAsTheLessonDeclaresItDecides() {
        // RSA sends no ServerKeyExchange (docs/steps.md): the same answer is right in one lesson, wrong in the other.
        assertThat(problems(lesson("rsa", "server_certificate", nextMessage("server_hello_done")))).isEmpty();
        assertThat(problems(lesson("dhe", "server_certificate", nextMessage("server_hello_done")))).containsExactly(
                "mine.en.yaml:13: next_message answer 'server_hello_done' is wrong: after step 'server_certificate' "
                        + "the next message sent is 'server_key_exchange'");
        // The suite decides the names, and so the facts: a CBC suite has MAC keys, known to both sides once derived.
        String cbc = lesson("rsa", "server_derives_session_keys", whoKnows("client_write_mac_key", "[client, server]"))
                .replace("  exchange: rsa\n", "  exchange: rsa\n  suite: TLS_RSA_WITH_AES_128_CBC_SHA256\n");
        assertThat(problems(cbc)).isEmpty();
        assertThat(problems(cbc.replace("[client, server]", "[client]"))).containsExactly("mine.en.yaml:15: who_knows "
                + "answer [client] is wrong: the server knows client_write_mac_key too, from step "
                + "'server_derives_session_keys'; at step 'server_derives_session_keys' it is known by client, server");
    }

    @Test
    void oneHandshakePerFileHoweverManyQuizzes() {
        List<ScenarioOptions> asked = new ArrayList<>();
        LessonLoader counting = new LessonLoader(o -> {
            asked.add(o);
            return LiveNames.forScenario(o);
        });
        LessonLoader.Result r = counting.load("dhe.en.yaml", Resources.read(LessonLibrary.FOLDER + "dhe.en.yaml"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.lesson().orElseThrow().quizzes()).hasSizeGreaterThan(2);
        assertThat(asked).hasSize(1);
    }

    @Test
    void withNamesOnlyTheAnswersAreNotJudged() {
        ScenarioNames live = LiveNames.forScenario(ScenarioOptions.defaults(io.tlsviz.engine.Exchange.DHE));
        LessonLoader namesOnly = new LessonLoader(o -> new ScenarioNames(live.steps(), live.secrets()));
        assertThat(namesOnly.load("mine.en.yaml", lesson("dhe", "server_computes_premaster",
                whoKnows("premaster_secret", "[client, server, eavesdropper]"))).problems()).isEmpty();
    }

    // The shipped lessons, checked once more straight from the trace, independently of ScenarioNames.

    @Test
    void nextMessageAnswersAreTheMessageThatReallyComesNext() {
        int checked = 0;
        LessonLibrary library = LessonLibrary.loadShipped();
        for (String id : library.ids()) {
            for (String lang : library.languages(id)) {
                Lesson lesson = library.lesson(id, lang).orElseThrow();
                Trace trace = HandshakeSession.run(lesson.scenario());
                List<String> names = trace.steps().stream().map(Step::name).toList();
                for (Beat beat : lesson.beats()) {
                    if (beat.quiz().orElse(null) instanceof Quiz.NextMessage q) {
                        int at = names.indexOf(beat.step());
                        String next = trace.steps().subList(at + 1, names.size()).stream()
                                .filter(s -> s instanceof MessageStep).map(Step::name).findFirst().orElse(null);
                        assertThat(q.answer()).as("%s/%s at %s", id, lang, beat.step()).isEqualTo(next);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void whoKnowsAnswersMatchWhoKnowsAtThatStep() {
        int checked = 0;
        LessonLibrary library = LessonLibrary.loadShipped();
        for (String id : library.ids()) {
            Lesson lesson = library.lesson(id, "en").orElseThrow();
            Trace trace = HandshakeSession.run(lesson.scenario());
            for (Beat beat : lesson.beats()) {
                if (beat.quiz().orElse(null) instanceof Quiz.WhoKnows q) {
                    Set<Party> knows = EnumSet.noneOf(Party.class);
                    for (Step s : trace.steps()) {
                        for (Secret sec : s.secrets()) {
                            if (sec.name().equals(q.secret())) {
                                knows.addAll(sec.knownBy());
                            }
                        }
                        if (s.name().equals(beat.step())) {
                            break;
                        }
                    }
                    assertThat(q.answer()).as("%s at %s: who knows %s", id, beat.step(), q.secret()).isEqualTo(knows);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }
}
