package io.tlsviz.app.viewmodel;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import io.tlsviz.engine.attack.Eavesdropper;
import io.tlsviz.engine.live.DemoPki;
import io.tlsviz.lessons.Attack;
import io.tlsviz.lessons.Beat;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import io.tlsviz.lessons.Narration;
import io.tlsviz.lessons.Problem;
import io.tlsviz.lessons.Warmup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A lesson over the live classroom: picks a lesson, moves beat by beat (each beat anchored on an engine
 * step by name), tells the narration with the live values, holds the quiz of the beat and blocks Next
 * until it is answered or skipped, computes the warm-up and runs the forward-secrecy attack on the real
 * recorded bytes. Without a lesson (free exploration) Next and Back step the handshake and the narration
 * is the engine's. No Nodes.
 */
public final class LessonViewModel {
    /** What the forward-secrecy attack needs: the key that leaks, and a recording of a DHE session. */
    public interface AttackLab {
        /** The private key of the server that {@code pki} certifies, as it leaks years later. */
        java.security.PrivateKey leakedServerKey(DemoPki pki);

        /** A DHE session between the same peers (same certificates), recorded on the wire. */
        Trace dheRecording(Long seed, DemoPki pki);

        /** The server's key, and a DHE handshake run live with the same seed and certificates. */
        static AttackLab live() {
            return new AttackLab() {
                @Override
                public java.security.PrivateKey leakedServerKey(DemoPki pki) {
                    return pki.serverPrivateKeyJdk();
                }

                @Override
                public Trace dheRecording(Long seed, DemoPki pki) {
                    return HandshakeSession.run(ScenarioOptions.defaults(Exchange.DHE).withSeed(seed), pki);
                }
            };
        }
    }

    /** One row of the small-number warm-up, e.g. "A = g^a mod p" and "8". */
    public record NumberRow(String key, String label, String value) {
    }

    /** Where a window left off, to carry over when it is rebuilt in another language. */
    public record Resume(String lessonId, int beat, boolean pickerOpen, List<LessonLibrary> opened,
            ScenarioOptions options, int position, Map<Integer, QuizViewModel.State> quizzes, DemoPki pki) {
        public Resume {
            opened = List.copyOf(opened);
            quizzes = Map.copyOf(quizzes);
        }
    }

    private final ClassroomViewModel classroom;
    private final Messages messages;
    private final AppPreferences prefs;
    private final LessonLibrary shipped;
    private final List<LessonLibrary> opened = new ArrayList<>();
    private final Function<Path, LessonLibrary> fileLoader;
    private final AttackLab lab;
    private final String language;

    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper beatIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Beat> beat = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper beatLabel = new ReadOnlyStringWrapper("");
    private final ObservableList<List<Narration.Span>> paragraphs = FXCollections.observableArrayList();
    private final ObservableList<List<Narration.Span>> readOnlyParagraphs =
            FXCollections.unmodifiableObservableList(paragraphs);
    private final ReadOnlyObjectWrapper<QuizViewModel> quiz = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<NumberRow>> warmup = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<AttackReport> attack = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper knowledgeHidden = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper pickerOpen = new ReadOnlyBooleanWrapper();
    private final ObservableList<LessonChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<LessonChoice> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyObjectWrapper<LessonChoice> suggestedChoice = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper problemsTitle = new ReadOnlyStringWrapper("");

    private final Map<Integer, QuizViewModel> quizzes = new HashMap<>();
    /** Quiz states from a window in another language, restored when their beat's quiz is made. */
    private final Map<Integer, QuizViewModel.State> carriedQuizzes = new HashMap<>();
    private final ChangeListener<Boolean> quizDone = (o, was, now) -> {
        updateCanMove();
        showAttackOnceAnswered();
    };
    /** The beat's attack, held back while its quiz is open: the attack's result would answer it. */
    private AttackReport pendingAttack;
    private boolean startingLesson;
    private Eavesdropper.Outcome rsaOutcome;
    private Eavesdropper.Outcome dheOutcome;
    private Map<String, byte[]> truth;

    /** Where the remembered lesson files are looked for, and where the answer is handed back. */
    private final Executor fileChecks;
    private final Executor fxThread;
    /** The remembered lesson files found at the last look, newest first: the ones the picker offers. */
    private List<Path> recentFound = List.of();
    /** Counts looks, so that the answer of an older look never replaces a newer one's. */
    private int recentLook;

    /**
     * One daemon thread for all windows: a remembered file on a slow or vanished network share may take a while to
     * answer, and the window must not wait for it.
     */
    private static final Executor FILE_CHECKER = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "tlsviz-recent-lesson-files");
        t.setDaemon(true);
        return t;
    });

    /**
     * Looks for the remembered lesson files on a background thread and offers those it finds on the JavaFX
     * thread.
     *
     * @param shipped    the lessons that come with tlsviz
     * @param fileLoader reads a teacher's lesson file ({@link LessonLibrary#load(Path)} in the app)
     * @param lab        the leaked key and the DHE recording for the forward-secrecy attack
     */
    public LessonViewModel(ClassroomViewModel classroom, LessonLibrary shipped, Function<Path, LessonLibrary> fileLoader,
            AttackLab lab, AppPreferences prefs, Messages messages) {
        this(classroom, shipped, fileLoader, lab, prefs, messages, FILE_CHECKER, javafx.application.Platform::runLater);
    }

    /**
     * @param fileChecks where the remembered lesson files are looked for (the file system may be slow)
     * @param fxThread   where what was found is handed back to the picker
     */
    public LessonViewModel(ClassroomViewModel classroom, LessonLibrary shipped, Function<Path, LessonLibrary> fileLoader,
            AttackLab lab, AppPreferences prefs, Messages messages, Executor fileChecks, Executor fxThread) {
        this.fileChecks = Objects.requireNonNull(fileChecks);
        this.fxThread = Objects.requireNonNull(fxThread);
        this.classroom = Objects.requireNonNull(classroom);
        this.shipped = Objects.requireNonNull(shipped);
        this.fileLoader = Objects.requireNonNull(fileLoader);
        this.lab = Objects.requireNonNull(lab);
        this.prefs = Objects.requireNonNull(prefs);
        this.messages = Objects.requireNonNull(messages);
        this.language = messages.locale().getLanguage();
        classroom.positionProperty().addListener((o, a, b) -> {
            if (lesson.get() != null) {
                renderBeat();
            }
            updateCanMove();
        });
        classroom.canNextProperty().addListener((o, a, b) -> updateCanMove());
        classroom.narrationTitleProperty().addListener((o, a, b) -> renderFree());
        classroom.narrationTextProperty().addListener((o, a, b) -> renderFree());
        classroom.optionsProperty().addListener((o, a, b) -> {
            if (!startingLesson && lesson.get() != null) {
                leaveLesson();
            }
        });
        // New certificates: the handshake started over with them, so the lesson goes back to its beat's step and
        // the attack is run again against the new key.
        classroom.pkiProperty().addListener((o, a, b) -> {
            rsaOutcome = null;
            dheOutcome = null;
            truth = null;
            if (lesson.get() != null) {
                showBeat(beatIndex.get());
            }
        });
        refreshChoices();
        renderFree();
        updateCanMove();
    }

    // --- The picker ----------------------------------------------------------------------------------

    /** Shows the lesson picker, with the last choice suggested. */
    public void openPicker() {
        refreshChoices();
        pickerOpen.set(true);
    }

    /** Hides the picker and carries on with whatever runs. */
    public void closePicker() {
        pickerOpen.set(false);
    }

    /** Starts a lesson, or free exploration, and remembers the choice. */
    public void choose(LessonChoice choice) {
        pickerOpen.set(false);
        if (choice.isFreeExploration()) {
            prefs.setLastLesson(AppPreferences.FREE_EXPLORATION);
            leaveLesson();
            return;
        }
        if (choice.file().isPresent()) {
            // Checked now, as when it was first opened: it may have been edited since, or broken.
            openLessonFile(choice.file().get());
            return;
        }
        find(choice.id()).ifPresent(l -> {
            prefs.setLastLesson(l.id());
            start(l);
        });
    }

    /** Starts the lesson with this id in the current language (falling back to English). */
    public boolean startLesson(String id) {
        Optional<Lesson> l = find(id);
        l.ifPresent(this::start);
        return l.isPresent();
    }

    private Optional<Lesson> find(String id) {
        return findLesson(id, language);
    }

    /**
     * A lesson by id in a language (falling back to English): the lessons opened from files first, newest
     * first, then the shipped ones. For export, whose language may differ from the window's.
     */
    public Optional<Lesson> findLesson(String id, String inLanguage) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            Optional<Lesson> l = opened.get(i).find(id, inLanguage);
            if (l.isPresent()) {
                return l;
            }
        }
        return shipped.find(id, inLanguage);
    }

    /** The choices as they are now, and a look for the remembered files, whose answer may change them again. */
    private void refreshChoices() {
        showChoices();
        lookForRecentFiles();
    }

    /**
     * Looks for the remembered lesson files off the JavaFX thread (each look is a file-system call, which on a
     * network share may hang), and offers the ones found once the answer is back.
     */
    private void lookForRecentFiles() {
        List<Path> remembered = prefs.recentLessonFiles();
        int look = ++recentLook;
        fileChecks.execute(() -> {
            List<Path> found = remembered.stream().filter(LessonViewModel::isFile).toList();
            fxThread.execute(() -> {
                if (look == recentLook && !found.equals(recentFound)) {
                    recentFound = found;
                    showChoices();
                }
            });
        });
    }

    private static boolean isFile(Path file) {
        try {
            return java.nio.file.Files.isRegularFile(file);
        } catch (RuntimeException e) {
            return false; // not allowed to look: not offered
        }
    }

    /** Builds the choices from the lessons and the remembered files found at the last look; no file-system calls. */
    private void showChoices() {
        List<LessonChoice> list = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<Lesson> all = new ArrayList<>();
        for (int i = opened.size() - 1; i >= 0; i--) {
            all.addAll(opened.get(i).lessons(language));
        }
        all.addAll(shipped.lessons(language));
        List<String> openedFiles = new ArrayList<>();
        for (Lesson l : all) {
            if (!seen.contains(l.id())) {
                seen.add(l.id());
                boolean fromFile = opened.stream().anyMatch(lib -> lib.ids().contains(l.id()))
                        && !l.source().startsWith(LessonLibrary.FOLDER);
                if (fromFile) {
                    openedFiles.add(fileKey(l.source()));
                }
                // A lesson opened from a file says which: two files may carry the same title.
                list.add(new LessonChoice(l.id(), l.title(), fromFile
                        ? messages.format("picker.fromFile", l.summary(), fileName(l.source())) : l.summary()));
            }
        }
        // Lesson files of earlier sessions, not opened in this one: chosen, they are opened and checked.
        List<String> offered = new ArrayList<>();
        for (java.nio.file.Path file : recentFound) {
            String key = fileKey(file.toString());
            if (!openedFiles.contains(key) && !offered.contains(key)) {
                offered.add(key);
                list.add(new LessonChoice("", file.getFileName().toString(),
                        messages.format("picker.recent", file.getParent()), Optional.of(file)));
            }
        }
        list.add(new LessonChoice("", messages.get("picker.free.title"), messages.get("picker.free.summary")));
        update(list);
        String last = prefs.lastLesson().orElse("rsa");
        boolean free = AppPreferences.FREE_EXPLORATION.equals(last);
        suggestedChoice.set(choices.stream().filter(c -> free ? c.isFreeExploration() : c.id().equals(last))
                .findFirst().orElse(choices.get(0)));
    }

    /**
     * Makes the choices {@code next} by taking out and putting in entries, so that a list showing them keeps what is
     * selected when remembered files come or go while the picker is open.
     */
    private void update(List<LessonChoice> next) {
        if (choices.equals(next)) {
            return;
        }
        choices.removeIf(c -> !next.contains(c));
        for (int i = 0; i < next.size(); i++) {
            if (i >= choices.size() || !choices.get(i).equals(next.get(i))) {
                choices.add(i, next.get(i));
            }
        }
        if (!choices.equals(next)) {
            choices.setAll(next); // the order changed (a lesson opened from a file goes first): start afresh
        }
    }

    private static String fileKey(String path) {
        try {
            return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    // --- Opening a teacher's file --------------------------------------------------------------------

    /**
     * Loads a lesson file (and its other languages beside it). A good lesson starts; every problem is
     * listed as {@code file:line: problem}. When nothing loads, the current lesson stays as it is.
     *
     * @return true if a lesson from the file started
     */
    public boolean openLessonFile(Path file) {
        LessonLibrary library = fileLoader.apply(file);
        problemsTitle.set(messages.format("problems.title", file.getFileName()));
        problems.setAll(library.problems().stream().map(Problem::toString).toList());
        if (library.ids().isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(messages.format("problems.noLesson", file));
            }
            return false;
        }
        opened.removeIf(lib -> lib.ids().stream().anyMatch(library.ids()::contains));
        opened.add(library);
        prefs.addRecentLessonFile(file);
        Lesson l = library.find(library.ids().get(0), language).orElseThrow();
        pickerOpen.set(false);
        prefs.setLastLesson(l.id());
        start(l);
        refreshChoices();
        return true;
    }

    /** Closes the problem list. */
    public void dismissProblems() {
        problems.clear();
    }

    // --- Moving --------------------------------------------------------------------------------------

    /**
     * Next beat in a lesson, else the next step. At an open quiz Next does not move: it checks the answer
     * picked, or with nothing picked shows the answer (as S does). A teacher with a clicker, which sends
     * only Next and Back, asks the room and reveals; the next Next moves on.
     */
    public void next() {
        if (lesson.get() == null) {
            classroom.next();
            return;
        }
        QuizViewModel q = quiz.get();
        if (q != null && !q.doneProperty().get()) {
            if (q.chosenProperty().get().isEmpty() || !q.answer()) {
                q.skip();
            }
            return;
        }
        if (canNext.get()) {
            advanceBeat();
        }
    }

    /** The next beat, with all that each party learned on the way marked new. */
    private void advanceBeat() {
        showBeat(beatIndex.get() + 1, true);
    }

    /**
     * Play or pause. In a lesson play goes beat by beat and stops at a quiz still to be answered and at the
     * last beat; without one, step by step (the classroom's own play).
     */
    public void togglePlay() {
        if (lesson.get() == null) {
            classroom.togglePlay();
        } else if (classroom.playingProperty().get()) {
            classroom.pause();
        } else if (canNext.get()) {
            classroom.playOn();
        }
    }

    /** One tick of the play clock: the next beat in a lesson, else the next step. */
    public void tick() {
        if (lesson.get() == null) {
            classroom.tick();
            return;
        }
        if (!classroom.playingProperty().get()) {
            return;
        }
        if (canNext.get()) {
            advanceBeat(); // moving the handshake pauses it
        }
        if (canNext.get()) {
            classroom.playOn();
        } else {
            classroom.pause();
        }
    }

    /** The beat before, else the step before. */
    public void back() {
        if (lesson.get() == null) {
            classroom.back();
        } else if (beatIndex.get() > 0) {
            showBeat(beatIndex.get() - 1);
        }
    }

    /**
     * The first beat with every quiz unanswered (the next class must not see the last one's answers), else
     * the start of the handshake. Back keeps answers; Restart starts the lesson over.
     */
    public void restart() {
        if (lesson.get() == null) {
            classroom.restart();
        } else {
            classroom.pause();
            QuizViewModel old = quiz.get();
            if (old != null) {
                old.doneProperty().removeListener(quizDone);
                quiz.set(null);
            }
            quizzes.clear();
            carriedQuizzes.clear();
            showBeat(0);
        }
    }

    /**
     * Jumps to step {@code count} (from 1; the step strip). Without a lesson the handshake moves there; in a
     * lesson, to the beat on that step, else on the nearest step after it, else before it, so that the narration,
     * its quiz and the columns stay in step with the diagram. Like a jump in the picker's --beat, it may pass a
     * quiz not yet answered: the strip is for going where the teacher points.
     */
    public void goToStep(int count) {
        Lesson l = lesson.get();
        if (l == null) {
            classroom.goTo(count);
            return;
        }
        // Beats may go back (a story lesson): the beat on that very step, else the one on the nearest step after
        // it, else the one on the nearest step before it.
        Map<String, Integer> at = new HashMap<>();
        for (PlannedStep s : classroom.plan()) {
            at.put(s.name(), s.index());
        }
        int clicked = count - 1;
        int target = -1;
        int targetStep = -1;
        for (int i = 0; i < l.beats().size(); i++) {
            int step = at.getOrDefault(l.beats().get(i).step(), -1);
            boolean better = target < 0
                    || step >= clicked && (targetStep < clicked || step < targetStep)
                    || step < clicked && targetStep < clicked && step > targetStep;
            if (better) {
                target = i;
                targetStep = step;
            }
        }
        if (target >= 0 && target != beatIndex.get()) {
            showBeat(target);
        }
    }

    /** Shows beat {@code index} (from 0): the handshake runs or replays to its step. */
    public void showBeat(int index) {
        showBeat(index, false);
    }

    /** @param forward a move on to the next beat (Next, Play), not Back, Restart or a jump */
    private void showBeat(int index, boolean forward) {
        Lesson l = lesson.get();
        if (l == null || index < 0 || index >= l.beats().size()) {
            return;
        }
        Beat b = l.beats().get(index);
        QuizViewModel old = quiz.get();
        if (old != null) {
            old.doneProperty().removeListener(quizDone);
        }
        beatIndex.set(index);
        beat.set(b);
        if (forward) {
            classroom.advanceToStep(b.step());
        } else {
            classroom.goToStep(b.step());
        }
        classroom.knowledge().setLessonHighlights(b.highlightedSecrets());
        for (String path : b.highlightedFields()) {
            if (classroom.inspector().selectPath(path)) {
                break;
            }
        }
        Map<String, byte[]> values = classroom.revealedValues();
        QuizViewModel q = b.quiz().map(qz -> quizzes.computeIfAbsent(index, i -> {
            QuizViewModel made = new QuizViewModel(qz, text -> Narration.resolve(text, values), classroom.plan(),
                    messages);
            QuizViewModel.State carried = carriedQuizzes.remove(i);
            if (carried != null) {
                made.restore(carried);
            }
            return made;
        })).orElse(null);
        if (q != null) {
            q.doneProperty().addListener(quizDone);
        }
        quiz.set(q);
        warmup.set(b.warmup().map(this::rows).orElse(List.of()));
        pendingAttack = b.attack().map(this::runAttack).orElse(null);
        attack.set(null);
        showAttackOnceAnswered();
        renderBeat();
        updateCanMove();
    }

    private void start(Lesson l) {
        startingLesson = true;
        try {
            classroom.applyOptions(l.scenario());
        } finally {
            startingLesson = false;
        }
        quizzes.clear();
        carriedQuizzes.clear();
        rsaOutcome = null;
        dheOutcome = null;
        truth = null;
        lesson.set(l);
        showBeat(0);
    }

    /** Back to free exploration: the handshake stays where it is. */
    private void leaveLesson() {
        QuizViewModel old = quiz.get();
        if (old != null) {
            old.doneProperty().removeListener(quizDone);
        }
        lesson.set(null);
        beatIndex.set(-1);
        beat.set(null);
        quiz.set(null);
        warmup.set(List.of());
        pendingAttack = null;
        attack.set(null);
        classroom.knowledge().setLessonHighlights(List.of());
        renderFree();
        updateCanMove();
    }

    private void updateCanMove() {
        Lesson l = lesson.get();
        QuizViewModel open = quiz.get();
        knowledgeHidden.set(l != null && open != null && open.kind() == io.tlsviz.lessons.Quiz.Kind.WHO_KNOWS
                && !open.doneProperty().get());
        if (l == null) {
            canNext.set(classroom.canNextProperty().get());
            canBack.set(classroom.canBackProperty().get());
            return;
        }
        QuizViewModel q = quiz.get();
        canNext.set(beatIndex.get() < l.beats().size() - 1 && (q == null || q.doneProperty().get()));
        canBack.set(beatIndex.get() > 0);
    }

    // --- What is shown -------------------------------------------------------------------------------

    private void renderBeat() {
        Lesson l = lesson.get();
        Beat b = beat.get();
        if (l == null || b == null) {
            return;
        }
        title.set(b.title());
        boolean last = beatIndex.get() == l.beats().size() - 1;
        beatLabel.set(messages.format("lesson.beat", beatIndex.get() + 1, l.beats().size(), l.title())
                + (last ? " " + messages.get("lesson.end") : ""));
        String text = b.narrate(classroom.revealedValues());
        List<List<Narration.Span>> ps = Narration.paragraphs(text).stream().map(Narration::spans).toList();
        if (!ps.equals(paragraphs)) {
            paragraphs.setAll(ps);
        }
    }

    private void renderFree() {
        if (lesson.get() != null) {
            return;
        }
        title.set(classroom.narrationTitleProperty().get());
        beatLabel.set("");
        String text = classroom.narrationTextProperty().get();
        paragraphs.setAll(text.isBlank() ? List.of()
                : List.of(List.of(new Narration.Span(text, false))));
    }

    private List<NumberRow> rows(Warmup w) {
        List<NumberRow> rows = new ArrayList<>();
        Map<String, String> n = w.numbers();
        for (String key : List.of("p", "g", "a", "b", "A", "B", "shared")) {
            String label = key.equals("A") ? "client_public" : key.equals("B") ? "server_public" : key;
            rows.add(new NumberRow(key, messages.get("warmup." + label), n.get("warmup." + key)));
        }
        return rows;
    }

    /** Shows the beat's attack, unless its quiz still waits for an answer (then when it is answered). */
    private void showAttackOnceAnswered() {
        QuizViewModel q = quiz.get();
        if (pendingAttack != null && (q == null || q.doneProperty().get())) {
            attack.set(pendingAttack);
        }
    }

    private AttackReport runAttack(Attack a) {
        if (rsaOutcome == null) {
            Trace recorded = classroom.completeTrace();
            truth = recorded.secrets();
            DemoPki pki = classroom.pkiProperty().get();
            rsaOutcome = Eavesdropper.attack(Eavesdropper.record(recorded), lab.leakedServerKey(pki));
            Trace dhe = lab.dheRecording(classroom.optionsProperty().get().seed(), pki);
            dheOutcome = Eavesdropper.attack(Eavesdropper.record(dhe), lab.leakedServerKey(pki));
        }
        return AttackReport.of(a, rsaOutcome, truth, dheOutcome, messages);
    }

    // --- Carrying over a language switch -------------------------------------------------------------

    /** Where this window is, to resume in a window rebuilt in another language. */
    public Resume resume() {
        Lesson l = lesson.get();
        Map<Integer, QuizViewModel.State> states = new HashMap<>();
        quizzes.forEach((i, q) -> states.put(i, q.state()));
        states.putAll(carriedQuizzes);
        return new Resume(l == null ? null : l.id(), beatIndex.get(), pickerOpen.get(), opened,
                classroom.optionsProperty().get(), classroom.positionProperty().get(), states,
                classroom.pkiProperty().get());
    }

    /** Picks up where another window left off: the same lesson and beat, or the same step. */
    public void resume(Resume r) {
        classroom.pkiProperty().set(r.pki());
        opened.clear();
        opened.addAll(r.opened());
        if (r.lessonId() != null && startLesson(r.lessonId())) {
            // Answers given in the other language stay given: each quiz is made again, with its state, when its
            // beat shows (also the first beat's, which starting the lesson made unanswered).
            carriedQuizzes.putAll(r.quizzes());
            quizzes.clear();
            showBeat(r.beat());
        } else {
            classroom.applyOptions(r.options());
            classroom.goTo(r.position());
        }
        refreshChoices();
        pickerOpen.set(r.pickerOpen());
    }

    // --- Properties ----------------------------------------------------------------------------------

    /** The running lesson, or null in free exploration. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The current beat's index from 0, or -1 in free exploration. */
    public ReadOnlyIntegerProperty beatIndexProperty() {
        return beatIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Beat> beatProperty() {
        return beat.getReadOnlyProperty();
    }

    /** The beat's title, or the engine's title of the step. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "beat 3 of 9 · RSA key exchange", empty in free exploration. */
    public ReadOnlyStringProperty beatLabelProperty() {
        return beatLabel.getReadOnlyProperty();
    }

    /** The narration as paragraphs of plain and emphasised runs, placeholders filled with live values. */
    public ObservableList<List<Narration.Span>> paragraphs() {
        return readOnlyParagraphs;
    }

    /** The beat's quiz, or null. */
    public ReadOnlyObjectProperty<QuizViewModel> quizProperty() {
        return quiz.getReadOnlyProperty();
    }

    /** The small-number warm-up of the beat, or empty. */
    public ReadOnlyObjectProperty<List<NumberRow>> warmupProperty() {
        return warmup.getReadOnlyProperty();
    }

    /** What the forward-secrecy attack got at this beat, or null. */
    public ReadOnlyObjectProperty<AttackReport> attackProperty() {
        return attack.getReadOnlyProperty();
    }

    /**
     * True while a "who knows this value?" quiz waits for its answer: the knowledge columns would show the
     * answer, so the window hides them until the quiz is answered or skipped.
     */
    public ReadOnlyBooleanProperty knowledgeHiddenProperty() {
        return knowledgeHidden.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pickerOpenProperty() {
        return pickerOpen.getReadOnlyProperty();
    }

    /** The lessons in the current language, then free exploration. */
    public ObservableList<LessonChoice> choices() {
        return readOnlyChoices;
    }

    /** The entry the picker selects first: the last choice. */
    public ReadOnlyObjectProperty<LessonChoice> suggestedChoiceProperty() {
        return suggestedChoice.getReadOnlyProperty();
    }

    /** Problems of the last opened file as {@code file:line: problem}; empty when there is nothing to show. */
    public ObservableList<String> problems() {
        return readOnlyProblems;
    }

    public ReadOnlyStringProperty problemsTitleProperty() {
        return problemsTitle.getReadOnlyProperty();
    }

    /** Two-letter code of the language lessons are shown in. */
    public String language() {
        return language;
    }

    public ClassroomViewModel classroom() {
        return classroom;
    }
}
