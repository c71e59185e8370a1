package io.tlsviz.app.viewmodel;

import io.tlsviz.app.export.ExportFormat;
import io.tlsviz.app.export.ExportJob;
import io.tlsviz.app.export.ExportRequest;
import io.tlsviz.app.export.ExportTask;
import io.tlsviz.app.export.LessonSlideSource;
import io.tlsviz.app.export.SlideSource;
import io.tlsviz.app.export.SlideTheme;
import io.tlsviz.app.export.StepSlideSource;
import io.tlsviz.app.export.TargetExistsException;
import io.tlsviz.app.export.TargetRefusedException;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.engine.HandshakeSession;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Trace;
import io.tlsviz.lessons.Lesson;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * File → Export slideshow…: the options (format, content, seed, theme, language, target), their validation, the
 * question before overwriting, and one export run as an {@link ExportTask} with progress and Cancel. No Nodes;
 * call it on the JavaFX thread. Everything up to starting the export works without a toolkit.
 */
public final class ExportViewModel {

    /** Where the dialog is. */
    public enum State {
        /** Choosing options; a validation problem may be shown. */
        IDLE,
        /** The target exists: waiting for {@link #confirmOverwrite()} or {@link #keepExisting()}. */
        CONFIRMING,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    /**
     * What the slides show: a lesson, a slide per beat, or (when {@code lessonId} is null) the handshake as the
     * window runs it now, a slide per step.
     */
    public record Content(String lessonId, String label) {
        public boolean isSteps() {
            return lessonId == null;
        }
    }

    /** The languages slides can be written in. */
    public static final List<String> LANGUAGES = io.tlsviz.lessons.LessonLibrary.LANGUAGES;

    private final LessonViewModel lessons;
    private final AppPreferences prefs;
    private final Messages messages;
    private final Executor executor;

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>();
    private final ObservableList<Content> contents = FXCollections.observableArrayList();
    private final ObservableList<Content> readOnlyContents = FXCollections.unmodifiableObservableList(contents);
    private final ObjectProperty<Content> content = new SimpleObjectProperty<>();
    private final ObjectProperty<SlideTheme> theme = new SimpleObjectProperty<>();
    private final StringProperty language = new SimpleStringProperty();
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty seed = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper seedHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();

    /** The file name the defaults suggested last; while the target still ends in it, it follows the options. */
    private String suggestedName;
    /** The seed the defaults suggested last; while the seed field still holds it, it follows the content. */
    private String suggestedSeed;
    /**
     * The seed offered where the handshake has none of its own (fresh randomness): drawn once per dialog, small
     * enough to write down, so that the slides can be made again.
     */
    private final long drawnSeed = 1 + new SecureRandom().nextInt(999_999);
    private Task<ExportJob.Result> task;

    /**
     * @param lessons     the window's lessons and handshake: the current lesson, the step-by-step trace, lookups
     * @param windowTheme the window's theme id (light, dark, projector): projector gives projector slides
     * @param home        the folder for the first export (the user's home in the app)
     * @param executor    runs the export off the JavaFX thread
     */
    public ExportViewModel(LessonViewModel lessons, String windowTheme, AppPreferences prefs, Messages messages,
            Path home, Executor executor) {
        this.lessons = Objects.requireNonNull(lessons);
        this.prefs = Objects.requireNonNull(prefs);
        this.messages = Objects.requireNonNull(messages);
        this.executor = Objects.requireNonNull(executor);

        contents.add(new Content(null, messages.format("export.content.steps",
                lessons.classroom().exchangeProperty().get().label())));
        for (LessonChoice c : lessons.choices()) {
            if (!c.id().isEmpty()) { // a lesson: not free exploration, nor a remembered file not opened yet
                contents.add(new Content(c.id(), messages.format("export.content.lesson", c.title())));
            }
        }
        Lesson current = lessons.lessonProperty().get();
        content.set(contents.stream().filter(c -> current != null && current.id().equals(c.lessonId()))
                .findFirst().orElse(contents.get(0)));
        format.set(prefs.lastExportFormat().flatMap(ExportViewModel::formatOf).orElse(ExportFormat.PDF));
        theme.set("projector".equals(windowTheme) ? SlideTheme.PROJECTOR : SlideTheme.LIGHT);
        language.set(LANGUAGES.contains(lessons.language()) ? lessons.language() : "en");
        Path folder = prefs.lastExportFolder().flatMap(ExportViewModel::folderOf).orElse(home);
        suggestedName = defaultName();
        target.set(folder.resolve(suggestedName).toString());
        suggestedSeed = defaultSeed();
        seed.set(suggestedSeed);
        updateSeedHint();

        format.addListener((o, a, b) -> followOptions());
        content.addListener((o, a, b) -> {
            followOptions();
            followContent();
        });
        target.addListener((o, a, b) -> {
            if (state.get() == State.CONFIRMING || problem.get()) {
                backToIdle();
            }
        });
        seed.addListener((o, a, b) -> {
            updateSeedHint();
            if (state.get() == State.CONFIRMING || problem.get()) {
                backToIdle();
            }
        });
    }

    // --- Commands ------------------------------------------------------------------------------------

    /**
     * Exports with the options as they are: refuses an invalid target with a message, asks before replacing an
     * existing one ({@link State#CONFIRMING}), else starts.
     */
    public void export() {
        if (state.get() == State.RUNNING) {
            return;
        }
        if (state.get() == State.CONFIRMING) {
            confirmOverwrite();
            return;
        }
        if (validSeed().isEmpty()) {
            return;
        }
        Optional<Path> path = validTarget();
        if (path.isEmpty()) {
            return;
        }
        try {
            io.tlsviz.app.export.ExportTargets.check(path.get(), false, format.get() == ExportFormat.PNG);
        } catch (TargetExistsException e) {
            ask(path.get());
            return;
        } catch (java.io.IOException e) {
            // A folder with other files in it, a folder where a file goes, a link, a folder that is not there: say
            // so, and let the teacher change the name.
            refuse(explain(e));
            return;
        }
        start(path.get(), false);
    }

    /** The user said yes to replacing the existing target. */
    public void confirmOverwrite() {
        if (state.get() != State.CONFIRMING) {
            return;
        }
        validTarget().ifPresent(p -> start(p, true));
    }

    /** The user said no: back to the options, the existing target untouched. */
    public void keepExisting() {
        if (state.get() == State.CONFIRMING) {
            backToIdle();
        }
    }

    /** Stops a running export; nothing is written. */
    public void cancel() {
        if (task != null && state.get() == State.RUNNING) {
            task.cancel();
        }
    }

    /** The user picked a path in the save dialog. */
    public void choose(Path path) {
        target.set(path.toString());
    }

    /** What the save dialog starts with: the current target if it parses, else the default. */
    public Path suggestedTarget() {
        try {
            return Path.of(target.get().trim()).toAbsolutePath();
        } catch (InvalidPathException e) {
            return Path.of(defaultName()).toAbsolutePath();
        }
    }

    // --- Validation ----------------------------------------------------------------------------------

    /** The seed as typed, if it is one: a whole number, as the settings sheet and {@code --seed} take it. */
    private Optional<Long> validSeed() {
        String text = seed.get() == null ? "" : seed.get().trim();
        if (text.isEmpty()) {
            refuse(messages.get("export.invalid.seedEmpty"));
            return Optional.empty();
        }
        Optional<Long> parsed = parseSeed(text);
        if (parsed.isEmpty()) {
            refuse(messages.format("export.invalid.seed", text));
        }
        return parsed;
    }

    private static Optional<Long> parseSeed(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Path> validTarget() {
        String text = target.get() == null ? "" : target.get().trim();
        if (text.isEmpty()) {
            return refuse(messages.get("export.invalid.empty"));
        }
        Path path;
        try {
            path = Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return refuse(messages.format("export.invalid.path", text));
        }
        if (path.getFileName() == null || path.getParent() == null) {
            return refuse(messages.format("export.invalid.path", text));
        }
        boolean png = format.get() == ExportFormat.PNG;
        if (png && (hasFileExtension(path) || Files.isRegularFile(path))) {
            return refuse(messages.format("export.invalid.pngFolder", path.getFileName()));
        }
        if (!png && Files.isDirectory(path)) {
            return refuse(messages.format("export.invalid.isFolder", path));
        }
        Optional<String> wrong = format.get().misnamed(path);
        if (!png && wrong.isPresent()) {
            return refuse(messages.format(wrong.get().isEmpty() ? "export.invalid.noExtension"
                    : "export.invalid.extension", path.getFileName(), wrong.get(), format.get().id()));
        }
        if (png && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            List<String> others = io.tlsviz.app.export.ExportTargets.notSlides(path);
            if (!others.isEmpty()) {
                return refuse(messages.format("export.invalid.notSlides", path,
                        String.join(", ", others.subList(0, Math.min(3, others.size())))
                                + (others.size() > 3 ? ", \u2026" : "")));
            }
        }
        if (Files.isRegularFile(path.getParent())) {
            return refuse(messages.format("export.invalid.parentIsFile", path.getParent()));
        }
        if (!Files.isDirectory(path.getParent())) {
            return refuse(messages.format("export.invalid.noFolder", path.getParent()));
        }
        return Optional.of(path);
    }

    private static boolean hasFileExtension(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ExportFormat f : ExportFormat.values()) {
            if (name.endsWith("." + f.id())) {
                return true;
            }
        }
        return false;
    }

    private Optional<Path> refuse(String why) {
        state.set(State.IDLE);
        message.set(why);
        problem.set(true);
        return Optional.empty();
    }

    private void ask(Path path) {
        state.set(State.CONFIRMING);
        message.set(messages.format(format.get() == ExportFormat.PNG ? "export.overwrite.folder"
                : "export.overwrite.file", path));
        problem.set(false);
        editable.set(false);
    }

    private void backToIdle() {
        state.set(State.IDLE);
        message.set("");
        problem.set(false);
        editable.set(true);
    }

    // --- Running -------------------------------------------------------------------------------------

    private void start(Path path, boolean force) {
        ExportRequest request;
        try {
            request = request(path, force);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        prefs.setLastExportFormat(format.get().id());
        task = new ExportTask(request);
        state.set(State.RUNNING);
        editable.set(false);
        problem.set(false);
        message.set("");
        progress.set(-1);
        progressText.set(messages.get("export.progress.preparing"));
        task.workDoneProperty().addListener((o, a, b) -> showProgress(task));
        task.stateProperty().addListener((o, a, now) -> ended(task, now, path));
        executor.execute(task);
    }

    /**
     * The request the options describe; the handshake runs here, on the calling thread (it is quick). With the
     * window's own seed, the slides show exactly the handshake the class is looking at; with another, the same
     * options (and the class's certificates) with that seed.
     */
    ExportRequest request(Path path, boolean force) {
        Locale locale = Locale.forLanguageTag(language.get());
        Content c = content.get();
        long chosenSeed = parseSeed(seed.get() == null ? "" : seed.get()).orElseThrow(
                () -> new IllegalArgumentException(messages.format("export.invalid.seed", seed.get())));
        SlideSource source;
        ScenarioOptions options;
        if (c.isSteps()) {
            source = new StepSlideSource();
            options = lessons.classroom().optionsProperty().get();
        } else {
            Lesson lesson = lessons.findLesson(c.lessonId(), language.get()).orElseThrow(
                    () -> new IllegalArgumentException(messages.format("export.failed.noLesson", c.lessonId())));
            source = new LessonSlideSource(lesson);
            options = isWindowContent(c) ? lessons.classroom().optionsProperty().get() : lesson.scenario();
        }
        Trace trace;
        if (isWindowContent(c) && Long.valueOf(chosenSeed).equals(lessons.classroom().optionsProperty().get().seed())) {
            trace = lessons.classroom().completeTrace(); // exactly the handshake the class is looking at
        } else {
            trace = HandshakeSession.run(options.withSeed(chosenSeed), lessons.classroom().pkiProperty().get());
        }
        return new ExportRequest(source, trace, format.get(), path, locale, theme.get(), null, force);
    }

    /** Whether {@code c} is what the window runs now: its handshake step by step, or the lesson it is in. */
    private boolean isWindowContent(Content c) {
        Lesson current = lessons.lessonProperty().get();
        return c.isSteps() || current != null && current.id().equals(c.lessonId());
    }

    /**
     * The seed the slides start with: the window's, so that they show the handshake the class saw; for another
     * lesson, that lesson's own (as the window would run it, and as {@code tlsviz export --lesson} does); where
     * the handshake has fresh randomness and so no seed, one drawn for this dialog.
     */
    private String defaultSeed() {
        Content c = content.get();
        Long s;
        if (c == null || isWindowContent(c)) {
            s = lessons.classroom().optionsProperty().get().seed();
        } else {
            // A lesson with fresh randomness has no seed (null): the dialog's drawn one, not the default.
            var lesson = lessons.findLesson(c.lessonId(), language.get());
            s = lesson.isPresent() ? lesson.get().scenario().seed() : ScenarioOptions.DEFAULT_SEED;
        }
        return Long.toString(s == null ? drawnSeed : s);
    }

    /** When the seed is still the suggested one, other content suggests its own. */
    private void followContent() {
        String next = defaultSeed();
        if (suggestedSeed != null && suggestedSeed.equals(seed.get() == null ? null : seed.get().trim())) {
            seed.set(next);
        }
        suggestedSeed = next;
        updateSeedHint();
    }

    /** Says when the slides will not show the window's handshake although the content is the window's. */
    private void updateSeedHint() {
        Content c = content.get();
        Long windowSeed = lessons.classroom().optionsProperty().get().seed();
        Optional<Long> chosen = parseSeed(seed.get() == null ? "" : seed.get());
        if (c == null || !isWindowContent(c) || chosen.isEmpty()) {
            seedHint.set("");
        } else if (windowSeed == null) {
            seedHint.set(messages.get("export.seed.fresh"));
        } else if (!chosen.get().equals(windowSeed)) {
            seedHint.set(messages.format("export.seed.other", Long.toString(windowSeed)));
        } else {
            seedHint.set("");
        }
    }

    private void showProgress(Task<ExportJob.Result> t) {
        if (t != task || state.get() != State.RUNNING) {
            return;
        }
        int done = (int) t.getWorkDone();
        int total = (int) t.getTotalWork();
        if (total <= 0) {
            return;
        }
        int slides = total - 1; // the last unit is writing the file
        progress.set((double) done / total);
        progressText.set(done < slides ? messages.format("export.progress.slide", done + 1, slides)
                : messages.get("export.progress.writing"));
    }

    private void ended(Task<ExportJob.Result> t, Worker.State now, Path path) {
        if (t != task) {
            return;
        }
        switch (now) {
            case SUCCEEDED -> {
                ExportJob.Result result = t.getValue();
                prefs.setLastExportFolder(path.getParent().toString());
                written.set(path);
                finish(State.DONE, messages.format(format.get() == ExportFormat.PNG ? "export.done.folder"
                        : "export.done.file", result.slides(), path), false);
                progress.set(1);
            }
            case CANCELLED -> finish(State.CANCELLED, messages.get("export.cancelled"), false);
            case FAILED -> {
                if (t.getException() instanceof TargetExistsException) {
                    // Appeared since we looked: ask as if it had been there.
                    task = null;
                    ask(path);
                    progressText.set("");
                    progress.set(0);
                } else {
                    fail(t.getException());
                }
            }
            default -> {
            }
        }
    }

    private void fail(Throwable e) {
        String detail = e instanceof TargetRefusedException refused ? explain(refused)
                : e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
        finish(State.FAILED, messages.format("export.failed", detail), true);
    }

    /** Why the export cannot go where it was asked to, in the dialog's language when tlsviz knows the reason. */
    private String explain(java.io.IOException e) {
        if (!(e instanceof TargetRefusedException refused)) {
            return messages.format("export.invalid.other", String.valueOf(e.getMessage()));
        }
        Object[] d = refused.details().toArray();
        return messages.format(switch (refused.reason()) {
            case NOT_A_PATH -> "export.invalid.path";
            case PARENT_IS_FILE -> "export.invalid.parentIsFile";
            case NO_FOLDER -> "export.invalid.noFolder";
            case NOT_WRITABLE -> "export.invalid.notWritable";
            case IS_FOLDER -> "export.invalid.isFolder";
            case IS_FILE -> "export.invalid.pngFolder";
            case IS_LINK -> "export.invalid.link";
            case NOT_SLIDES -> "export.invalid.notSlides";
        }, d);
    }

    private void finish(State end, String text, boolean isProblem) {
        state.set(end);
        message.set(text);
        problem.set(isProblem);
        editable.set(true);
        progressText.set("");
        if (end != State.DONE) {
            progress.set(0);
        }
    }

    /** When the file name is still the suggested one, a new format or content suggests a new one. */
    private void followOptions() {
        String next = defaultName();
        String text = target.get() == null ? "" : target.get();
        if (suggestedName != null && text.endsWith(suggestedName)) {
            target.set(text.substring(0, text.length() - suggestedName.length()) + next);
        } else if (!text.isBlank()) {
            target.set(withExtension(text, format.get()));
        }
        suggestedName = next;
    }

    /** {@code tlsviz-rsa.pdf}, or the folder {@code tlsviz-rsa} for PNG. */
    private String defaultName() {
        Content c = content.get();
        String base = "tlsviz-" + (c == null || c.isSteps()
                ? lessons.classroom().exchangeProperty().get().id() : c.lessonId());
        return format.get() == ExportFormat.PNG ? base : base + "." + format.get().id();
    }

    private static String withExtension(String text, ExportFormat f) {
        String stem = text;
        for (ExportFormat any : ExportFormat.values()) {
            if (stem.toLowerCase(Locale.ROOT).endsWith("." + any.id())) {
                stem = stem.substring(0, stem.length() - any.id().length() - 1);
                break;
            }
        }
        return f == ExportFormat.PNG ? stem : stem + "." + f.id();
    }

    private static Optional<ExportFormat> formatOf(String id) {
        try {
            return Optional.of(ExportFormat.fromId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> folderOf(String text) {
        try {
            Path p = Path.of(text);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    // --- Properties ----------------------------------------------------------------------------------

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    /** The step-by-step handshake first, then every lesson the window knows. */
    public ObservableList<Content> contents() {
        return readOnlyContents;
    }

    public ObjectProperty<Content> contentProperty() {
        return content;
    }

    public ObjectProperty<SlideTheme> themeProperty() {
        return theme;
    }

    /** The language of the slides: "en" or "de". */
    public StringProperty languageProperty() {
        return language;
    }

    /** The file (for PNG, the folder) to write, as typed. */
    public StringProperty targetProperty() {
        return target;
    }

    /**
     * The seed of the handshake the slides show, as typed: a whole number. It starts as the window's, so the slides
     * match the handshake the class saw; the same seed gives the same slides.
     */
    public StringProperty seedProperty() {
        return seed;
    }

    /**
     * Empty, or why the slides will not show the window's handshake although they show its content: the window
     * runs fresh randomness, or another seed was typed.
     */
    public ReadOnlyStringProperty seedHintProperty() {
        return seedHint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0 to 1 while running; -1 while it is not yet known how many slides there are. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Slide 5 of 23" while running. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the dialog says: a validation problem, the overwrite question, or how the export ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} is a problem (invalid option, failed export). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** False while the export runs or the overwrite question waits for an answer. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** The file or folder of the last successful export. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }
}
