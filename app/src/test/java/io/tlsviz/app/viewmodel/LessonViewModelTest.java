package io.tlsviz.app.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.InMemoryPreferenceStore;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Hex;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.lessons.Beat;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import io.tlsviz.lessons.Narration;
import io.tlsviz.lessons.Quiz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons over the live classroom, without a toolkit: beats, quizzes, live values, the attack, bad files. */
class LessonViewModelTest {
    private static LessonLibrary shipped;
    private final AppPreferences prefs = new AppPreferences(new InMemoryPreferenceStore());

    @BeforeAll
    static void loadLessons() {
        shipped = LessonLibrary.loadShipped();
        assertThat(shipped.problems()).isEmpty();
    }

    private LessonViewModel lessons(Locale locale) {
        Messages messages = Messages.forLocale(locale);
        ClassroomViewModel classroom = new ClassroomViewModel(messages, new EngineNarration(messages),
                ScenarioOptions.defaults(Exchange.RSA));
        return new LessonViewModel(classroom, shipped, LessonLibrary::load, LessonViewModel.AttackLab.live(), prefs,
                messages, Runnable::run, Runnable::run);
    }

    private static String currentStep(LessonViewModel vm) {
        return vm.classroom().currentStepProperty().get().name();
    }

    private static String narration(LessonViewModel vm) {
        return vm.paragraphs().stream()
                .map(p -> p.stream().map(Narration.Span::text).collect(Collectors.joining()))
                .collect(Collectors.joining("\n\n"));
    }

    private static int beatWith(Lesson lesson, java.util.function.Predicate<Beat> test) {
        for (int i = 0; i < lesson.beats().size(); i++) {
            if (test.test(lesson.beats().get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such beat in " + lesson.id());
    }

    @Test
    void steppingThroughTheRsaLessonLandsTheLiveSessionOnEachBeatsStep() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        assertThat(vm.startLesson("rsa")).isTrue();
        Lesson rsa = vm.lessonProperty().get();
        assertThat(rsa.beats()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(vm.classroom().optionsProperty().get()).isEqualTo(rsa.scenario());
        for (int i = 0; i < rsa.beats().size(); i++) {
            Beat beat = rsa.beats().get(i);
            assertThat(vm.beatIndexProperty().get()).isEqualTo(i);
            assertThat(currentStep(vm)).as("beat %d", i + 1).isEqualTo(beat.step());
            assertThat(vm.titleProperty().get()).isEqualTo(beat.title());
            assertThat(vm.beatLabelProperty().get()).startsWith("beat " + (i + 1) + " of " + rsa.beats().size());
            assertThat(vm.beatLabelProperty().get().endsWith("the end (Home starts over)"))
                    .as("the last beat says the lesson ends").isEqualTo(i == rsa.beats().size() - 1);
            assertThat(vm.classroom().knowledge().lessonHighlights())
                    .containsExactlyInAnyOrderElementsOf(beat.highlightedSecrets());
            if (vm.quizProperty().get() != null) {
                vm.quizProperty().get().skip();
            }
            assertThat(vm.canNextProperty().get()).isEqualTo(i < rsa.beats().size() - 1);
            vm.next();
        }
        assertThat(vm.beatIndexProperty().get()).isEqualTo(rsa.beats().size() - 1);
        vm.back();
        assertThat(currentStep(vm)).isEqualTo(rsa.beats().get(rsa.beats().size() - 2).step());
        vm.restart();
        assertThat(currentStep(vm)).isEqualTo(rsa.beats().get(0).step());
    }

    @Test
    void theStepStripInALessonGoesToTheBeatThatShowsTheStepSoTheNarrationStaysInStep() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        assertThat(vm.startLesson("rsa")).isTrue();
        Lesson rsa = vm.lessonProperty().get();
        java.util.List<PlannedStep> plan = vm.classroom().plan();
        int last = rsa.beats().size() - 1;
        // A step some beats ahead, between two beats' steps where there is one: the first beat at or after it.
        int target = 3;
        int stepOfTarget = plan.stream().filter(p -> p.name().equals(rsa.beats().get(target).step()))
                .mapToInt(PlannedStep::index).findFirst().orElseThrow();
        vm.goToStep(stepOfTarget + 1);
        assertThat(vm.beatIndexProperty().get()).isEqualTo(target);
        assertThat(currentStep(vm)).isEqualTo(rsa.beats().get(target).step());
        assertThat(vm.titleProperty().get()).as("the narration moved with it").isEqualTo(rsa.beats().get(target).title());
        vm.goToStep(1);
        assertThat(vm.beatIndexProperty().get()).isZero();
        vm.goToStep(plan.size());
        assertThat(vm.beatIndexProperty().get()).as("a step after the last beat's: the last beat").isEqualTo(last);
        assertThat(vm.titleProperty().get()).isEqualTo(rsa.beats().get(last).title());
        // Without a lesson the strip moves the handshake itself.
        LessonViewModel free = lessons(Locale.ENGLISH);
        free.goToStep(5);
        assertThat(free.classroom().positionProperty().get()).isEqualTo(5);
    }

    @Test
    void theStepStripInAStoryLessonWhoseBeatsGoBackFindsTheBeatOnThatStepElseTheNearest() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        assertThat(vm.startLesson("forward-secrecy")).isTrue();
        Lesson fs = vm.lessonProperty().get();
        java.util.List<PlannedStep> plan = vm.classroom().plan();
        java.util.function.ToIntFunction<String> number = name -> plan.stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow().index() + 1;
        int decrypts = beatWith(fs, b -> b.step().equals("server_decrypts_premaster"));
        vm.goToStep(number.applyAsInt("server_decrypts_premaster"));
        assertThat(vm.beatIndexProperty().get()).as("the beat on that very step").isEqualTo(decrypts);
        // After every beat's step: the beat on the latest step before it, not the last beat of the story.
        vm.goToStep(plan.size());
        assertThat(currentStep(vm)).isEqualTo("client_application_data");
        assertThat(vm.beatIndexProperty().get()).isNotEqualTo(fs.beats().size() - 1);
    }

    @Test
    void aQuizHoldsTheBeatUntilAnsweredOrSkipped() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("rsa");
        QuizViewModel quiz = vm.quizProperty().get();
        assertThat(quiz.kind()).isEqualTo(Quiz.Kind.NEXT_MESSAGE);
        assertThat(vm.canNextProperty().get()).isFalse();
        assertThat(quiz.answer()).as("nothing chosen yet").isFalse();
        quiz.choose(1);
        assertThat(quiz.answer()).isTrue();
        assertThat(quiz.correctProperty().get()).isFalse();
        assertThat(quiz.verdictProperty().get()).isEqualTo("Not quite.");
        assertThat(quiz.explanationProperty().get()).contains("server answers");
        assertThat(quiz.correctOptions()).containsExactly(0);
        assertThat(vm.canNextProperty().get()).isTrue();
        vm.next();
        assertThat(vm.beatIndexProperty().get()).isEqualTo(1);
        // Back to the answered quiz: it stays answered, Next stays open.
        vm.back();
        assertThat(vm.quizProperty().get()).isSameAs(quiz);
        assertThat(vm.canNextProperty().get()).isTrue();

        // A fresh start asks again; the right answer is right; skipping also opens Next.
        vm.startLesson("rsa");
        QuizViewModel again = vm.quizProperty().get();
        assertThat(again).isNotSameAs(quiz);
        again.choose(0);
        again.answer();
        assertThat(again.correctProperty().get()).isTrue();
        vm.startLesson("rsa");
        vm.quizProperty().get().skip();
        assertThat(vm.quizProperty().get().verdictProperty().get()).isEqualTo("Skipped.");
        assertThat(vm.canNextProperty().get()).isTrue();
    }

    @Test
    void nextAtAnOpenQuizShowsTheAnswerOrChecksThePickAndOnlyTheNextNextMovesOn() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("rsa");
        QuizViewModel quiz = vm.quizProperty().get();
        vm.next(); // a clicker: nothing picked
        assertThat(vm.beatIndexProperty().get()).isZero();
        assertThat(quiz.verdictProperty().get()).isEqualTo("Skipped.");
        assertThat(quiz.explanationProperty().get()).contains("server answers");
        assertThat(vm.canNextProperty().get()).isTrue();
        vm.next();
        assertThat(vm.beatIndexProperty().get()).isEqualTo(1);

        vm.startLesson("rsa");
        QuizViewModel again = vm.quizProperty().get();
        again.choose(0); // picked with the keyboard, then the clicker
        vm.next();
        assertThat(vm.beatIndexProperty().get()).isZero();
        assertThat(again.answeredProperty().get()).isTrue();
        assertThat(again.verdictProperty().get()).isEqualTo("Correct.");
    }

    @Test
    void restartStartsTheLessonOverWithEveryQuizUnansweredAndBackKeepsAnswers() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("rsa");
        vm.quizProperty().get().choose(0);
        vm.quizProperty().get().answer();
        vm.next();
        vm.back();
        assertThat(vm.quizProperty().get().answeredProperty().get()).as("Back keeps the answer").isTrue();
        vm.next();
        vm.restart();
        assertThat(vm.beatIndexProperty().get()).isZero();
        QuizViewModel fresh = vm.quizProperty().get();
        assertThat(fresh.doneProperty().get()).isFalse();
        assertThat(fresh.chosenProperty().get()).isEmpty();
        assertThat(fresh.verdictProperty().get()).isEmpty();
        assertThat(vm.canNextProperty().get()).isFalse();
    }

    @Test
    void playInALessonGoesBeatByBeatAndStopsAtAQuizAndAtTheEnd() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("rsa");
        Lesson rsa = vm.lessonProperty().get();
        vm.togglePlay();
        assertThat(vm.classroom().playingProperty().get()).as("not past an open quiz").isFalse();
        vm.quizProperty().get().skip();
        vm.togglePlay();
        assertThat(vm.classroom().playingProperty().get()).isTrue();
        int ticks = 0;
        while (vm.classroom().playingProperty().get() && ticks++ < 100) {
            int before = vm.beatIndexProperty().get();
            vm.tick();
            assertThat(vm.beatIndexProperty().get()).as("one beat per tick").isEqualTo(before + 1);
            assertThat(currentStep(vm)).isEqualTo(rsa.beats().get(before + 1).step());
            if (vm.quizProperty().get() != null && !vm.quizProperty().get().doneProperty().get()) {
                assertThat(vm.classroom().playingProperty().get()).as("stops at a quiz").isFalse();
                vm.quizProperty().get().skip();
                vm.togglePlay();
            }
        }
        assertThat(vm.beatIndexProperty().get()).isEqualTo(rsa.beats().size() - 1);
        assertThat(vm.classroom().playingProperty().get()).isFalse();
        assertThat(currentStep(vm)).isEqualTo(rsa.beats().get(rsa.beats().size() - 1).step());
    }

    @Test
    void afterALessonsNextEveryValueLearnedDuringTheBeatIsNewInItsColumn() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("rsa");
        Lesson rsa = vm.lessonProperty().get();
        int beatsOverSeveralSteps = 0;
        for (int i = 1; i < rsa.beats().size(); i++) {
            int before = vm.classroom().positionProperty().get();
            if (vm.quizProperty().get() != null) {
                vm.quizProperty().get().skip();
            }
            vm.next();
            int after = vm.classroom().positionProperty().get();
            for (Party p : QuizViewModel.PARTIES) {
                for (KnowledgeItem item : vm.classroom().knowledge().column(p)) {
                    boolean learnedInTheMove = after > before ? item.sinceStep() >= before
                            : item.sinceStep() == after - 1;
                    assertThat(item.isNew()).as("beat %d, %s, %s (learned at step %d of %d..%d)", i + 1, p,
                            item.name(), item.sinceStep(), before, after - 1).isEqualTo(learnedInTheMove);
                    if (item.isNew() && item.sinceStep() < after - 1) {
                        beatsOverSeveralSteps++;
                    }
                }
            }
        }
        assertThat(beatsOverSeveralSteps).as("values new from an earlier step of a beat").isPositive();
        // One step at a time (free exploration), only the step's own values are new.
        vm.restart();
        vm.classroom().goTo(0);
        vm.classroom().next();
        vm.classroom().next();
        assertThat(vm.classroom().knowledge().column(Party.CLIENT)).filteredOn(KnowledgeItem::isNew)
                .allSatisfy(item -> assertThat(item.sinceStep()).isEqualTo(1));
    }

    @Test
    void theKnowledgeColumnsAreHiddenOnlyWhileAWhoKnowsQuizWaitsForItsAnswer() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        assertThat(vm.knowledgeHiddenProperty().get()).as("free exploration").isFalse();
        vm.startLesson("rsa");
        Lesson rsa = vm.lessonProperty().get();
        int whoKnows = 0;
        for (int i = 0; i < rsa.beats().size(); i++) {
            QuizViewModel q = vm.quizProperty().get();
            boolean asks = q != null && q.kind() == Quiz.Kind.WHO_KNOWS;
            assertThat(vm.knowledgeHiddenProperty().get()).as("beat %d", i + 1).isEqualTo(asks);
            if (q != null) {
                q.skip();
                assertThat(vm.knowledgeHiddenProperty().get()).isFalse();
            }
            whoKnows += asks ? 1 : 0;
            vm.next();
        }
        assertThat(whoKnows).isPositive();
    }

    @Test
    void whoKnowsIsRightOnlyForExactlyTheRightParties() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("rsa");
        Lesson rsa = vm.lessonProperty().get();
        int at = beatWith(rsa, b -> b.quiz().filter(q -> q instanceof Quiz.WhoKnows).isPresent());
        vm.showBeat(at);
        QuizViewModel quiz = vm.quizProperty().get();
        assertThat(quiz.multipleAnswers()).isTrue();
        assertThat(quiz.options()).containsExactly("Client", "Eavesdropper", "Server");
        quiz.choose(0);
        quiz.choose(1);
        quiz.choose(1); // toggles the eavesdropper off again
        assertThat(quiz.chosenProperty().get()).containsExactly(0);
        quiz.answer();
        assertThat(quiz.correctProperty().get()).isTrue();
        // The lesson's answer agrees with the knowledge panel at this beat.
        assertThat(vm.classroom().knowledge().find(Party.CLIENT, "premaster_secret")).isPresent();
        assertThat(vm.classroom().knowledge().find(Party.SERVER, "premaster_secret")).isEmpty();

        vm.startLesson("rsa");
        vm.showBeat(at);
        QuizViewModel wrong = vm.quizProperty().get();
        wrong.choose(0);
        wrong.choose(2);
        wrong.answer();
        assertThat(wrong.correctProperty().get()).isFalse();
        wrong.choose(1);
        assertThat(wrong.chosenProperty().get()).as("locked after answering").containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void placeholdersResolveToTheLiveHex() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("rsa");
        String clientRandom = vm.classroom().knowledge().find(Party.CLIENT, "client_random").orElseThrow().hex();
        assertThat(narration(vm)).contains(clientRandom).doesNotContain("{{");
        Lesson rsa = vm.lessonProperty().get();
        vm.showBeat(beatWith(rsa, b -> b.step().equals("client_key_exchange")));
        byte[] encrypted = vm.classroom().revealedValues().get("encrypted_premaster_secret");
        String text = narration(vm);
        assertThat(text).contains(Hex.of(encrypted, 0, 4) + "…" + Hex.of(encrypted, encrypted.length - 4, 4))
                .contains("48 bytes").doesNotContain("{{");
        // Emphasis comes as its own runs, without asterisks.
        assertThat(vm.paragraphs().stream().flatMap(List::stream).filter(Narration.Span::emphasis)
                .map(Narration.Span::text)).contains("premaster secret");
        assertThat(text).doesNotContain("*");
    }

    @Test
    void withFreshCertificatesTheAttackUsesTheKeyThatWasReallyUsed() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("forward-secrecy");
        Lesson fs = vm.lessonProperty().get();
        int beat = beatWith(fs, b -> b.attack().filter(a -> a.recovers().contains("premaster_secret")).isPresent());
        vm.showBeat(beat);
        vm.classroom().pkiProperty().set(io.tlsviz.engine.live.DemoPki.generate(new java.security.SecureRandom()));
        assertThat(vm.beatIndexProperty().get()).as("the lesson stays on its beat").isEqualTo(beat);

        Map<String, byte[]> real = vm.classroom().completeTrace().secrets();
        AttackReport premaster = vm.attackProperty().get();
        assertThat(premaster.recovered().get(0).hex()).isEqualTo(Hex.of(real.get("premaster_secret")));
        assertThat(premaster.recovered().get(0).matches()).isTrue();

        // A switch of language keeps the certificates.
        LessonViewModel de = lessons(Locale.GERMAN);
        de.resume(vm.resume());
        assertThat(de.classroom().pkiProperty().get()).isSameAs(vm.classroom().pkiProperty().get());
        assertThat(de.classroom().completeTrace().secrets().get("premaster_secret")).isEqualTo(real.get("premaster_secret"));
    }

    @Test
    void theDhGeneratorReadsAsASmallNumberInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            LessonViewModel vm = lessons(locale);
            vm.startLesson("dhe");
            Lesson dhe = vm.lessonProperty().get();
            vm.showBeat(beatWith(dhe, b -> b.highlightedSecrets().contains("dh_g")));
            String text = narration(vm);
            assertThat(text).as(locale.toString()).contains("g = 2" + (locale == Locale.GERMAN ? " \u2013" : ","))
                    .doesNotContain("g = 02");
            String serverPublic = Hex.of(vm.classroom().revealedValues().get("server_dh_public"));
            assertThat(text).as("a long value stays hex").contains(serverPublic.substring(0, 8) + "\u2026");
        }
    }

    @Test
    void inGermanTheAttackExplainsItselfInGerman() {
        LessonViewModel vm = lessons(Locale.GERMAN);
        vm.startLesson("forward-secrecy");
        Lesson fs = vm.lessonProperty().get();
        vm.showBeat(beatWith(fs, b -> b.attack().filter(a -> !a.decrypts().isEmpty()).isPresent()));
        AttackReport report = vm.attackProperty().get();

        assertThat(report.opened()).isTrue();
        assertThat(report.explanation()).startsWith("Mit dem geleakten privaten Schl\u00fcssel")
                .doesNotContain("With the leaked");
        assertThat(report.dheExplanation()).startsWith("Der aufgezeichnete ClientKeyExchange enth\u00e4lt nur den "
                + "\u00f6ffentlichen DH-Wert des Clients.").endsWith("Forward Secrecy.")
                .doesNotContain("recorded", "forward secrecy");
    }

    @Test
    void theForwardSecrecyAttackRecoversTheRealValuesAndTheDheRecordingStaysShut() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("forward-secrecy");
        Lesson fs = vm.lessonProperty().get();
        Map<String, byte[]> real = vm.classroom().completeTrace().secrets();

        vm.showBeat(beatWith(fs, b -> b.attack().filter(a -> a.recovers().contains("premaster_secret")).isPresent()));
        AttackReport premaster = vm.attackProperty().get();
        assertThat(premaster.recovered()).extracting(AttackReport.RecoveredValue::name)
                .containsExactly("premaster_secret");
        assertThat(premaster.recovered().get(0).hex()).isEqualTo(Hex.of(real.get("premaster_secret")));

        vm.showBeat(beatWith(fs, b -> b.attack().filter(a -> a.recovers().contains("master_secret")).isPresent()));
        AttackReport keys = vm.attackProperty().get();
        assertThat(keys.recovered()).extracting(AttackReport.RecoveredValue::name)
                .contains("master_secret", "client_write_key", "server_write_key");
        for (AttackReport.RecoveredValue v : keys.recovered()) {
            assertThat(v.matches()).as(v.name()).isTrue();
            assertThat(v.hex()).as(v.name()).isEqualTo(Hex.of(real.get(v.name())));
        }
        assertThat(keys.opened()).isTrue();

        vm.showBeat(beatWith(fs, b -> b.attack().filter(a -> !a.decrypts().isEmpty()).isPresent()));
        AttackReport opened = vm.attackProperty().get();
        assertThat(opened.plaintexts()).hasSize(2);
        assertThat(opened.plaintexts().get(0)).startsWith("GET ");
        assertThat(opened.plaintexts().get(1)).startsWith("HTTP/");

        assertThat(opened.onDhe()).as("the RSA beats show the RSA recording only").isFalse();

        // The DHE beat: the same attack on a DHE recording, held back while its quiz asks what it will find.
        vm.next();
        assertThat(vm.lessonProperty().get().beats().get(vm.beatIndexProperty().get()).attack())
                .hasValueSatisfying(a -> assertThat(a.onDhe()).isTrue());
        assertThat(vm.quizProperty().get()).isNotNull();
        assertThat(vm.attackProperty().get()).as("the result would answer the quiz").isNull();
        vm.next(); // a clicker's →: shows the answer
        AttackReport dhe = vm.attackProperty().get();
        assertThat(dhe).as("and then the attack's result").isNotNull();
        assertThat(dhe.onDhe()).isTrue();
        assertThat(dhe.dheOpened()).isFalse();
        assertThat(dhe.dheExplanation()).contains("forward secrecy");
        vm.back();
        vm.next();
        assertThat(vm.attackProperty().get()).as("answered before: shown at once when the beat comes again")
                .isNotNull();
    }

    @Test
    void theWarmupComputesTheSmallNumbers() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("dhe");
        Lesson dhe = vm.lessonProperty().get();
        assertThat(vm.classroom().optionsProperty().get().exchange()).isEqualTo(Exchange.DHE);
        vm.showBeat(beatWith(dhe, b -> b.warmup().isPresent()));
        Map<String, String> rows = vm.warmupProperty().get().stream()
                .collect(Collectors.toMap(LessonViewModel.NumberRow::key, LessonViewModel.NumberRow::value));
        assertThat(rows).containsEntry("p", "23").containsEntry("g", "5").containsEntry("A", "8")
                .containsEntry("B", "19").containsEntry("shared", "2");
        assertThat(narration(vm)).contains("= 8").doesNotContain("{{warmup");
    }

    @Test
    void aBadLessonFileListsItsProblemsAndKeepsTheCurrentLesson(@TempDir Path dir) throws IOException {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("rsa");
        vm.quizProperty().get().skip();
        vm.next();
        vm.next();
        String stepBefore = currentStep(vm);
        Path bad = dir.resolve("mine.en.yaml");
        Files.writeString(bad, """
                id: mine
                title: Mine
                summary: A lesson with a typo.
                scenario:
                  exchange: rsa
                beats:
                  - step: client_helo
                    title: Hello
                    narration: The client says hello.
                """);
        assertThat(vm.openLessonFile(bad)).isFalse();
        assertThat(vm.problems()).anySatisfy(p -> assertThat(p)
                .startsWith(bad.toString() + ":7: ").contains("client_helo").contains("client_hello"));
        assertThat(vm.problemsTitleProperty().get()).contains("mine.en.yaml");
        assertThat(vm.lessonProperty().get().id()).isEqualTo("rsa");
        assertThat(vm.beatIndexProperty().get()).isEqualTo(2);
        assertThat(currentStep(vm)).isEqualTo(stepBefore);
        vm.dismissProblems();
        assertThat(vm.problems()).isEmpty();

        Files.writeString(bad, Files.readString(bad).replace("client_helo", "client_hello"));
        assertThat(vm.openLessonFile(bad)).isTrue();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.lessonProperty().get().id()).isEqualTo("mine");
        assertThat(vm.choices()).extracting(LessonChoice::id).startsWith("mine").contains("rsa", "");
    }

    @Test
    void aLessonFileOpenedInOneSessionIsOfferedInTheNextAndOpensCheckedAgain(@TempDir Path dir) throws Exception {
        Path mine = dir.resolve("mine.en.yaml");
        Files.writeString(mine, """
                id: mine
                title: Mine
                summary: My own lesson.
                scenario:
                  exchange: rsa
                beats:
                  - step: client_hello
                    title: Hello
                    narration: The client says hello.
                """);
        Path gone = Files.writeString(dir.resolve("gone.en.yaml"), Files.readString(mine).replace("mine", "gone"));
        LessonViewModel first = lessons(Locale.ENGLISH);
        assertThat(first.openLessonFile(gone)).isTrue();
        assertThat(first.openLessonFile(mine)).isTrue();
        assertThat(first.choices()).filteredOn(c -> c.id().equals("mine")).singleElement()
                .satisfies(c -> assertThat(c.summary()).as("which file it came from")
                        .isEqualTo("My own lesson. (from mine.en.yaml)"));
        assertThat(first.choices()).as("opened in this session: offered once, as the lesson")
                .noneMatch(c -> c.file().isPresent());
        Files.delete(gone);

        LessonViewModel next = lessons(Locale.ENGLISH); // the next session, with the same preferences
        assertThat(next.choices()).extracting(LessonChoice::id).doesNotContain("mine");
        LessonChoice recent = next.choices().stream().filter(c -> c.file().isPresent()).collect(
                Collectors.collectingAndThen(Collectors.toList(), l -> {
                    assertThat(l).as("a file that is gone is not offered").hasSize(1);
                    return l.get(0);
                }));
        assertThat(recent.title()).isEqualTo("mine.en.yaml");
        assertThat(recent.summary()).contains(dir.toString());
        assertThat(recent.isFreeExploration()).isFalse();

        Files.writeString(mine, Files.readString(mine).replace("client_hello", "client_helo"));
        next.choose(recent);
        assertThat(next.problems()).as("edited since, and checked again").anySatisfy(p -> assertThat(p)
                .contains("client_helo"));
        Files.writeString(mine, Files.readString(mine).replace("client_helo", "client_hello"));
        next.dismissProblems();
        next.choose(recent);
        assertThat(next.lessonProperty().get().id()).isEqualTo("mine");
        assertThat(next.choices()).noneMatch(c -> c.file().isPresent());
    }

    @Test
    void twoRememberedFilesOfOneNameGetKeysThatDifferAndStayTheSameFromSessionToSession(@TempDir Path dir)
            throws IOException {
        Path a = Files.writeString(Files.createDirectory(dir.resolve("a")).resolve("mine.en.yaml"), "id: a");
        Path b = Files.writeString(Files.createDirectory(dir.resolve("b")).resolve("mine.en.yaml"), "id: b");
        prefs.addRecentLessonFile(a);
        prefs.addRecentLessonFile(b);

        Map<Path, String> first = keysOfFiles(lessons(Locale.ENGLISH));
        assertThat(first).containsOnlyKeys(a, b);
        assertThat(first.get(a)).matches("file_mine-en-yaml_[0-9a-f]{8}").isNotEqualTo(first.get(b));
        assertThat(lessons(Locale.ENGLISH).choices()).extracting(LessonChoice::key).doesNotHaveDuplicates()
                .contains("rsa", "free_exploration");

        prefs.addRecentLessonFile(a); // the order changes: the keys do not
        LessonViewModel later = lessons(Locale.GERMAN);
        assertThat(later.choices()).filteredOn(c -> c.file().isPresent()).extracting(c -> c.file().get())
                .containsExactly(a, b);
        assertThat(keysOfFiles(later)).isEqualTo(first);
    }

    private static Map<Path, String> keysOfFiles(LessonViewModel vm) {
        return vm.choices().stream().filter(c -> c.file().isPresent())
                .collect(Collectors.toMap(c -> c.file().get(), LessonChoice::key));
    }

    @Test
    void theRememberedFilesAreLookedForOffTheJavaFxThreadAndOnlyTheOnesFoundAreOffered(@TempDir Path dir)
            throws IOException {
        Path here = Files.writeString(dir.resolve("here.en.yaml"), "id: here");
        Path gone = dir.resolve("gone.en.yaml");
        prefs.addRecentLessonFile(gone);
        prefs.addRecentLessonFile(here);
        java.util.Deque<Runnable> background = new java.util.ArrayDeque<>();
        java.util.Deque<Runnable> fx = new java.util.ArrayDeque<>();
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        LessonViewModel vm = new LessonViewModel(new ClassroomViewModel(messages), shipped, LessonLibrary::load,
                LessonViewModel.AttackLab.live(), prefs, messages, background::add, fx::add);

        assertThat(vm.choices()).as("the window comes up without waiting for the file system")
                .noneMatch(c -> c.file().isPresent());
        assertThat(background).hasSize(1);
        background.poll().run();
        assertThat(vm.choices()).as("found, but not yet handed to the JavaFX thread")
                .noneMatch(c -> c.file().isPresent());
        fx.poll().run();
        assertThat(vm.choices()).filteredOn(c -> c.file().isPresent()).extracting(c -> c.file().get())
                .containsExactly(here);
        assertThat(vm.choices().get(vm.choices().size() - 1).isFreeExploration()).isTrue();

        // Opening the picker looks again, without waiting: a file deleted meanwhile goes once the answer is back.
        Files.delete(here);
        vm.openPicker();
        assertThat(vm.pickerOpenProperty().get()).isTrue();
        assertThat(vm.choices()).anyMatch(c -> c.file().isPresent());
        background.poll().run();
        fx.poll().run();
        assertThat(vm.choices()).noneMatch(c -> c.file().isPresent());

        // An older look that answers late changes nothing: it found no file, the newer one found it.
        vm.openPicker();
        background.poll().run();
        Runnable olderAnswer = fx.poll();
        Files.writeString(here, "id: here");
        vm.openPicker();
        background.poll().run();
        fx.poll().run();
        olderAnswer.run();
        assertThat(vm.choices()).filteredOn(c -> c.file().isPresent()).hasSize(1);
        assertThat(background).isEmpty();
        assertThat(fx).isEmpty();
    }

    @Test
    void freeExplorationChosenLastIsSuggestedEvenWithRememberedFilesBeforeIt(@TempDir Path dir) throws IOException {
        prefs.addRecentLessonFile(Files.writeString(dir.resolve("mine.en.yaml"), "id: mine"));
        prefs.setLastLesson(AppPreferences.FREE_EXPLORATION);

        LessonViewModel vm = lessons(Locale.ENGLISH);

        assertThat(vm.choices()).anyMatch(c -> c.file().isPresent());
        assertThat(vm.suggestedChoiceProperty().get().isFreeExploration()).isTrue();
    }

    @Test
    void aLessonFileWithAWrongQuizAnswerIsNotOpenedSoItIsNeverGradedRight(@TempDir Path dir) throws IOException {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        vm.startLesson("rsa");
        Path wrong = Files.writeString(dir.resolve("wrong.en.yaml"), """
                id: wrong
                title: Wrong
                summary: The eavesdropper does not know the premaster.
                scenario:
                  exchange: dhe
                beats:
                  - step: server_computes_premaster
                    title: Premaster
                    narration: Both sides have it.
                    quiz:
                      kind: who_knows
                      question: Who knows it?
                      secret: premaster_secret
                      answer: [client, server, eavesdropper]
                      explanation: Everyone.
                """);

        assertThat(vm.openLessonFile(wrong)).isFalse();

        assertThat(vm.problems()).containsExactly(wrong + ":14: who_knows answer [client, server, eavesdropper] is "
                + "wrong: the eavesdropper never learns premaster_secret in this handshake; at step "
                + "'server_computes_premaster' it is known by client, server");
        assertThat(vm.lessonProperty().get().id()).isEqualTo("rsa");
        assertThat(vm.choices()).extracting(LessonChoice::id).doesNotContain("wrong");
    }

    @Test
    void aTeachersCopyWithAShippedIdDoesNotTakeTheShippedLessonsPlace(@TempDir Path dir) throws IOException {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        String shippedTitle = shipped.lesson("dhe", "en").orElseThrow().title();
        String text;
        try (var in = LessonLibrary.class.getClassLoader().getResourceAsStream(LessonLibrary.FOLDER + "dhe.en.yaml")) {
            text = new String(java.util.Objects.requireNonNull(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path copy = Files.writeString(dir.resolve("mine.en.yaml"),
                text.replace("title: " + shippedTitle, "title: My DHE"));

        assertThat(vm.openLessonFile(copy)).isFalse();

        assertThat(vm.problems()).singleElement().satisfies(p -> assertThat(p).startsWith(copy + ":2: id 'dhe' "
                + "belongs to a lesson shipped with tlsviz"));
        assertThat(vm.choices()).filteredOn(c -> c.id().equals("dhe")).extracting(LessonChoice::title)
                .containsExactly(shippedTitle);
    }

    @Test
    void thePickerRemembersTheLastChoiceAndFreeExplorationStepsTheHandshake() {
        LessonViewModel vm = lessons(Locale.ENGLISH);
        assertThat(vm.choices()).extracting(LessonChoice::id)
                .containsExactly("rsa", "dhe", "ecdhe", "tls13", "forward-secrecy", "cipher-suites", "");
        vm.openPicker();
        assertThat(vm.pickerOpenProperty().get()).isTrue();
        vm.choose(vm.choices().get(1));
        assertThat(vm.pickerOpenProperty().get()).isFalse();
        assertThat(vm.lessonProperty().get().id()).isEqualTo("dhe");
        assertThat(prefs.lastLesson()).contains("dhe");

        LessonViewModel later = lessons(Locale.ENGLISH);
        later.openPicker();
        assertThat(later.suggestedChoiceProperty().get().id()).isEqualTo("dhe");
        later.choose(later.choices().get(later.choices().size() - 1));
        assertThat(later.lessonProperty().get()).isNull();
        assertThat(later.beatLabelProperty().get()).isEmpty();
        later.next();
        assertThat(later.classroom().positionProperty().get()).isEqualTo(1);
        assertThat(later.titleProperty().get()).isEqualTo(later.classroom().currentStepProperty().get().title());

        // Switching the exchange by hand leaves a lesson.
        later.startLesson("rsa");
        later.classroom().exchangeProperty().set(Exchange.TLS13);
        assertThat(later.lessonProperty().get()).isNull();
    }

    @Test
    void germanShowsTheGermanLessonAndResumesWhereEnglishWas() {
        LessonViewModel en = lessons(Locale.ENGLISH);
        en.startLesson("rsa");
        en.quizProperty().get().skip();
        en.next();
        LessonViewModel de = lessons(Locale.GERMAN);
        de.resume(en.resume());
        assertThat(de.lessonProperty().get().language()).isEqualTo("de");
        assertThat(de.beatIndexProperty().get()).isEqualTo(1);
        assertThat(de.beatLabelProperty().get()).startsWith("Abschnitt 2 von");
        assertThat(de.titleProperty().get()).isEqualTo(shipped.lesson("rsa", "de").orElseThrow().beats().get(1).title());
        assertThat(de.choices().get(de.choices().size() - 1).title()).isEqualTo("Freies Erkunden");
    }

    @Test
    void answersGivenInEnglishStayGivenInGerman() {
        LessonViewModel en = lessons(Locale.ENGLISH);
        en.startLesson("rsa");
        QuizViewModel first = en.quizProperty().get();
        int right = first.correctOptions().iterator().next();
        first.choose(right);
        first.answer();
        en.next();
        assertThat(en.beatIndexProperty().get()).isEqualTo(1);

        LessonViewModel de = lessons(Locale.GERMAN);
        de.resume(en.resume());
        de.back();

        QuizViewModel carried = de.quizProperty().get();
        assertThat(de.beatIndexProperty().get()).isZero();
        assertThat(carried).isNotSameAs(first);
        assertThat(carried.question()).isNotEqualTo(first.question());
        assertThat(carried.answeredProperty().get()).isTrue();
        assertThat(carried.correctProperty().get()).isTrue();
        assertThat(carried.chosenProperty().get()).containsExactly(right);
        assertThat(carried.verdictProperty().get()).isEqualTo(Messages.forLocale(Locale.GERMAN).get("quiz.correct"));
        assertThat(de.canNextProperty().get()).as("no need to answer again").isTrue();

        // And back again: a switch to English keeps the answer too.
        LessonViewModel again = lessons(Locale.ENGLISH);
        again.resume(de.resume());
        assertThat(again.quizProperty().get().answeredProperty().get()).isTrue();
    }

    @Test
    void anAnswerCarriedToABeatNotYetShownInTheNewLanguageSurvivesTheNextSwitch() {
        LessonViewModel en = lessons(Locale.ENGLISH);
        en.startLesson("rsa");
        int quizBeat = -1;
        for (int i = 0; i < 20 && quizBeat < 1; i++) {
            QuizViewModel q = en.quizProperty().get();
            if (q != null && en.beatIndexProperty().get() >= 1) {
                quizBeat = en.beatIndexProperty().get();
                q.choose(q.correctOptions().iterator().next());
                q.answer();
            } else if (q != null) {
                q.skip();
            }
            if (quizBeat < 1) {
                en.next();
            }
        }
        assertThat(quizBeat).as("the RSA lesson has a quiz after its first beat").isPositive();
        en.showBeat(0);

        LessonViewModel de = lessons(Locale.GERMAN);
        de.resume(en.resume()); // German stays on beat 0: the later quiz is carried, not yet made
        assertThat(de.beatIndexProperty().get()).isZero();
        LessonViewModel back = lessons(Locale.ENGLISH);
        back.resume(de.resume());
        back.showBeat(quizBeat);
        assertThat(back.quizProperty().get().answeredProperty().get()).isTrue();
        assertThat(back.quizProperty().get().correctProperty().get()).isTrue();
    }
}
