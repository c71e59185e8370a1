package io.tlsviz.app.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.export.ExportFormat;
import io.tlsviz.app.export.LessonSlideSource;
import io.tlsviz.app.export.SlideTheme;
import io.tlsviz.app.export.StepSlideSource;
import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.prefs.AppPreferences;
import io.tlsviz.app.prefs.InMemoryPreferenceStore;
import io.tlsviz.app.viewmodel.ExportViewModel.State;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.lessons.LessonLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export dialog's options, validation and overwrite question, without a toolkit (nothing is started). */
class ExportViewModelTest {
    private static LessonLibrary shipped;
    private final AppPreferences prefs = new AppPreferences(new InMemoryPreferenceStore());
    /** Exports handed to the executor: none may start in these tests. */
    private final List<Runnable> started = new ArrayList<>();

    @TempDir
    Path home;

    @BeforeAll
    static void loadLessons() {
        shipped = LessonLibrary.loadShipped();
    }

    private LessonViewModel lessons(Locale locale, Exchange exchange) {
        Messages messages = Messages.forLocale(locale);
        ClassroomViewModel classroom = new ClassroomViewModel(messages, new EngineNarration(messages),
                ScenarioOptions.defaults(exchange));
        return new LessonViewModel(classroom, shipped, LessonLibrary::load, LessonViewModel.AttackLab.live(), prefs,
                messages, Runnable::run, Runnable::run);
    }

    private LessonViewModel lessons(Locale locale, ScenarioOptions options) {
        Messages messages = Messages.forLocale(locale);
        ClassroomViewModel classroom = new ClassroomViewModel(messages, new EngineNarration(messages), options);
        return new LessonViewModel(classroom, shipped, LessonLibrary::load, LessonViewModel.AttackLab.live(), prefs,
                messages, Runnable::run, Runnable::run);
    }

    private ExportViewModel export(LessonViewModel lessons, String windowTheme) {
        return new ExportViewModel(lessons, windowTheme, prefs, Messages.forLocale(Locale.forLanguageTag(
                lessons.language())), home, started::add);
    }

    @Test
    void withoutALessonTheDefaultsAreThisHandshakeStepByStepAsPdfInTheHomeFolder() {
        ExportViewModel vm = export(lessons(Locale.ENGLISH, Exchange.DHE), "light");

        assertThat(vm.contentProperty().get().isSteps()).isTrue();
        assertThat(vm.contentProperty().get().label()).contains("DHE");
        assertThat(vm.formatProperty().get()).isEqualTo(ExportFormat.PDF);
        assertThat(vm.themeProperty().get()).isEqualTo(SlideTheme.LIGHT);
        assertThat(vm.languageProperty().get()).isEqualTo("en");
        assertThat(vm.targetProperty().get()).isEqualTo(home.resolve("tlsviz-dhe.pdf").toString());
        assertThat(vm.contents()).extracting(ExportViewModel.Content::lessonId).contains("rsa", "dhe", "tls13");
        assertThat(vm.stateProperty().get()).isEqualTo(State.IDLE);
        assertThat(vm.request(home.resolve("x.pdf"), false).source()).isInstanceOf(StepSlideSource.class);
    }

    @Test
    void theCurrentLessonThemeAndLanguageAreTheDefaults() {
        LessonViewModel lessons = lessons(Locale.GERMAN, Exchange.RSA);
        assertThat(lessons.startLesson("rsa")).isTrue();

        ExportViewModel vm = export(lessons, "projector");

        assertThat(vm.contentProperty().get().lessonId()).isEqualTo("rsa");
        assertThat(vm.contentProperty().get().label()).startsWith("Lektion: ");
        assertThat(vm.themeProperty().get()).isEqualTo(SlideTheme.PROJECTOR);
        assertThat(vm.languageProperty().get()).isEqualTo("de");
        assertThat(vm.targetProperty().get()).isEqualTo(home.resolve("tlsviz-rsa.pdf").toString());
        var request = vm.request(home.resolve("x.pdf"), false);
        assertThat(request.source()).isInstanceOf(LessonSlideSource.class);
        assertThat(request.locale().getLanguage()).isEqualTo("de");
        assertThat(request.trace().steps()).hasSameSizeAs(lessons.classroom().completeTrace().steps());
    }

    @Test
    void theDarkWindowThemeGivesLightSlides() {
        assertThat(export(lessons(Locale.ENGLISH, Exchange.RSA), "dark").themeProperty().get())
                .isEqualTo(SlideTheme.LIGHT);
    }

    @Test
    void theSuggestedNameFollowsFormatAndContentAndTheLastFolderAndFormatAreRemembered() throws IOException {
        ExportViewModel vm = export(lessons(Locale.ENGLISH, Exchange.RSA), "light");
        vm.formatProperty().set(ExportFormat.PNG);
        assertThat(vm.targetProperty().get()).isEqualTo(home.resolve("tlsviz-rsa").toString());
        vm.contentProperty().set(vm.contents().stream().filter(c -> "tls13".equals(c.lessonId())).findFirst()
                .orElseThrow());
        assertThat(vm.targetProperty().get()).isEqualTo(home.resolve("tlsviz-tls13").toString());
        // A name the user typed keeps its stem; only the extension follows the format.
        vm.targetProperty().set(home.resolve("lecture-3").toString());
        vm.formatProperty().set(ExportFormat.PPTX);
        assertThat(vm.targetProperty().get()).isEqualTo(home.resolve("lecture-3.pptx").toString());

        Path folder = Files.createDirectory(home.resolve("exports"));
        prefs.setLastExportFolder(folder.toString());
        prefs.setLastExportFormat("html");
        ExportViewModel next = export(lessons(Locale.ENGLISH, Exchange.RSA), "light");
        assertThat(next.targetProperty().get()).isEqualTo(folder.resolve("tlsviz-rsa.html").toString());
        prefs.setLastExportFolder(home.resolve("gone").toString());
        assertThat(export(lessons(Locale.ENGLISH, Exchange.RSA), "light").targetProperty().get())
                .startsWith(home.toString() + home.getFileSystem().getSeparator() + "tlsviz-rsa");
    }

    @Test
    void invalidTargetsAreRefusedWithAMessageAndNothingStarts() throws IOException {
        ExportViewModel vm = export(lessons(Locale.ENGLISH, Exchange.RSA), "light");

        vm.targetProperty().set("   ");
        vm.export();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose where to save the slideshow.");
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(State.IDLE);

        vm.targetProperty().set(home.resolve("missing").resolve("deck.pdf").toString());
        assertThat(vm.messageProperty().get()).as("editing clears the message").isEmpty();
        vm.export();
        assertThat(vm.messageProperty().get()).contains("does not exist").contains("missing");

        Path file = Files.writeString(home.resolve("notes.txt"), "mine");
        vm.targetProperty().set(file.resolve("deck.pdf").toString());
        vm.export();
        assertThat(vm.messageProperty().get()).isEqualTo(file + " is a file, not a folder. Choose a folder to save into.");

        vm.formatProperty().set(ExportFormat.PNG);
        vm.targetProperty().set(home.resolve("slide.png").toString());
        vm.export();
        assertThat(vm.messageProperty().get()).startsWith("A PNG export writes a folder");
        vm.targetProperty().set(file.toString());
        vm.export();
        assertThat(vm.messageProperty().get()).startsWith("A PNG export writes a folder");

        vm.formatProperty().set(ExportFormat.PDF);
        vm.targetProperty().set(home.toString());
        vm.export();
        assertThat(vm.messageProperty().get()).contains("is a folder");

        assertThat(started).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aFolderWithOtherFilesIsNeverOfferedForReplacingAndANameMustFitItsFormat() throws IOException {
        ExportViewModel vm = export(lessons(Locale.ENGLISH, Exchange.RSA), "light");
        Path documents = Files.createDirectories(home.resolve("Documents"));
        Files.writeString(documents.resolve("grades.xlsx"), "marks");
        Files.createDirectories(documents.resolve("sub"));

        vm.formatProperty().set(ExportFormat.PNG);
        vm.targetProperty().set(documents.toString());
        vm.export();
        assertThat(vm.stateProperty().get()).as("no 'Replace?' to say yes to").isEqualTo(State.IDLE);
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("The folder " + documents
                + " holds other files (grades.xlsx, sub). An export replaces the whole folder: give the name of a"
                + " new folder.");

        // The slides of an earlier export, and nothing else: asked, as a file is.
        Path earlier = Files.createDirectories(home.resolve("last-year"));
        Files.writeString(earlier.resolve("slide-01.png"), "old");
        vm.targetProperty().set(earlier.toString());
        vm.export();
        assertThat(vm.stateProperty().get()).isEqualTo(State.CONFIRMING);
        assertThat(vm.messageProperty().get()).contains("holds the slides of an earlier export");
        vm.keepExisting();

        vm.formatProperty().set(ExportFormat.PDF);
        vm.targetProperty().set(home.resolve("deck.pptx").toString());
        vm.export();
        assertThat(vm.messageProperty().get()).startsWith("\u201cdeck.pptx\u201d ends in .pptx, but the format is pdf");
        vm.targetProperty().set(home.resolve("deck").toString());
        vm.export();
        assertThat(vm.messageProperty().get()).contains("name it \u201cdeck.pdf\u201d");

        assertThat(started).isEmpty();
        assertThat(documents.resolve("grades.xlsx")).hasContent("marks");
    }

    @Test
    void germanMessagesAreGerman() {
        ExportViewModel vm = export(lessons(Locale.GERMAN, Exchange.RSA), "light");
        vm.targetProperty().set("");
        vm.export();
        assertThat(vm.messageProperty().get()).startsWith("W\u00e4hlen Sie");
    }

    @Test
    void anExistingTargetIsReplacedOnlyAfterConfirmation() throws IOException {
        ExportViewModel vm = export(lessons(Locale.ENGLISH, Exchange.RSA), "light");
        Path existing = Files.writeString(home.resolve("tlsviz-rsa.pdf"), "last year's slides");

        vm.export();
        assertThat(vm.stateProperty().get()).isEqualTo(State.CONFIRMING);
        assertThat(vm.messageProperty().get()).contains(existing.toString()).endsWith("Replace it?");
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(started).isEmpty();

        vm.keepExisting();
        assertThat(vm.stateProperty().get()).isEqualTo(State.IDLE);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(started).isEmpty();
        assertThat(Files.readString(existing)).isEqualTo("last year's slides");

        // Yes starts the export (with force; the run itself needs the toolkit, see ExportDialogTest).
        vm.export();
        assertThat(vm.stateProperty().get()).isEqualTo(State.CONFIRMING);
        assertThat(vm.request(existing, true).force()).isTrue();
    }

    @Test
    void theSeedStartsAsTheWindowsSoTheSlidesShowTheHandshakeTheClassSaw() {
        LessonViewModel lessons = lessons(Locale.ENGLISH, ScenarioOptions.defaults(Exchange.DHE).withSeed(42L));
        lessons.classroom().next();
        ExportViewModel vm = export(lessons, "light");

        assertThat(vm.seedProperty().get()).isEqualTo("42");
        assertThat(vm.seedHintProperty().get()).isEmpty();
        var same = vm.request(home.resolve("x.pdf"), false).trace();
        var shown = lessons.classroom().completeTrace();
        assertThat(same.options().seed()).isEqualTo(42L);
        assertThat(same.secrets().get("client_random")).isEqualTo(shown.secrets().get("client_random"));

        vm.seedProperty().set(" 7 ");
        assertThat(vm.seedHintProperty().get())
                .isEqualTo("The window shows the handshake of seed 42: with another seed the slides show another handshake.");
        var other = vm.request(home.resolve("x.pdf"), false).trace();
        assertThat(other.options()).isEqualTo(lessons.classroom().optionsProperty().get().withSeed(7L));
        assertThat(other.secrets().get("client_random")).isNotEqualTo(shown.secrets().get("client_random"));
        assertThat(lessons.classroom().positionProperty().get()).as("the class stays where it is").isEqualTo(1);
    }

    @Test
    void anotherLessonSuggestsItsOwnSeedUntilTheTeacherTypesOne() {
        LessonViewModel lessons = lessons(Locale.ENGLISH, ScenarioOptions.defaults(Exchange.RSA).withSeed(42L));
        ExportViewModel vm = export(lessons, "light");
        ExportViewModel.Content dhe = vm.contents().stream().filter(c -> "dhe".equals(c.lessonId())).findFirst()
                .orElseThrow();

        vm.contentProperty().set(dhe);
        assertThat(vm.seedProperty().get()).as("the lesson's own seed, as the command line takes it")
                .isEqualTo(Long.toString(ScenarioOptions.DEFAULT_SEED));
        assertThat(vm.seedHintProperty().get()).isEmpty();
        vm.contentProperty().set(vm.contents().get(0));
        assertThat(vm.seedProperty().get()).isEqualTo("42");

        vm.seedProperty().set("2024");
        vm.contentProperty().set(dhe);
        assertThat(vm.seedProperty().get()).as("typed: kept").isEqualTo("2024");
        assertThat(vm.request(home.resolve("x.pdf"), false).trace().options().seed()).isEqualTo(2024L);
    }

    @Test
    void aWindowWithFreshRandomnessOffersASeedSoTheSlidesCanBeMadeAgain() {
        LessonViewModel lessons = lessons(Locale.ENGLISH, ScenarioOptions.defaults(Exchange.ECDHE).withSeed(null));
        ExportViewModel vm = export(lessons, "light");

        assertThat(vm.seedProperty().get()).matches("[1-9][0-9]*");
        assertThat(vm.seedHintProperty().get()).startsWith("The window uses fresh randomness");
        var trace = vm.request(home.resolve("x.pdf"), false).trace();
        assertThat(trace.options().isFresh()).as("slides replay a seeded handshake").isFalse();
        assertThat(trace.options().seed()).isEqualTo(Long.parseLong(vm.seedProperty().get()));
    }

    @Test
    void aSeedThatIsNoWholeNumberIsRefusedWithAMessageInTheDialogsLanguage() {
        ExportViewModel vm = export(lessons(Locale.ENGLISH, Exchange.RSA), "light");
        vm.seedProperty().set("12a");
        vm.export();
        assertThat(vm.messageProperty().get()).isEqualTo("\u201c12a\u201d is not a seed: give a whole number, such as 1.");
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(State.IDLE);
        vm.seedProperty().set("12");
        assertThat(vm.messageProperty().get()).as("editing clears the message").isEmpty();
        vm.seedProperty().set("99999999999999999999");
        vm.export();
        assertThat(vm.messageProperty().get()).contains("is not a seed");
        vm.seedProperty().set("  ");
        vm.export();
        assertThat(vm.messageProperty().get()).isEqualTo("Give a seed: a whole number, such as 1.");
        assertThat(started).isEmpty();

        ExportViewModel de = export(lessons(Locale.GERMAN, Exchange.RSA), "light");
        de.seedProperty().set("eins");
        de.export();
        assertThat(de.messageProperty().get()).isEqualTo("\u201eeins\u201c ist kein Startwert: Geben Sie eine ganze Zahl an, "
                + "etwa 1.");
        de.seedProperty().set("");
        de.export();
        assertThat(de.messageProperty().get()).startsWith("Geben Sie einen Startwert an");
        assertThat(started).isEmpty();
    }

    @Test
    void aPngTargetThatIsALinkToAFolderIsRefusedInTheDialogsLanguage() throws IOException {
        Path real = Files.createDirectory(home.resolve("real"));
        Path link;
        try {
            link = Files.createSymbolicLink(home.resolve("slides"), real);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
            return;
        }
        ExportViewModel de = export(lessons(Locale.GERMAN, Exchange.RSA), "light");
        de.formatProperty().set(ExportFormat.PNG);
        de.targetProperty().set(link.toString());
        de.export();
        assertThat(de.messageProperty().get()).isEqualTo(link + " ist ein symbolischer Link auf " + real
                + ". Ein Export w\u00fcrde den Link ersetzen, statt diesen Ordner zu f\u00fcllen: Geben Sie den Namen"
                + " eines neuen Ordners an oder " + real + " selbst.");
        assertThat(de.problemProperty().get()).isTrue();
        assertThat(de.stateProperty().get()).isEqualTo(State.IDLE);

        // Even when the folder it points to holds other files: it is the link that is in the way.
        Files.writeString(real.resolve("notes.txt"), "mine");
        ExportViewModel en = export(lessons(Locale.ENGLISH, Exchange.RSA), "light");
        en.formatProperty().set(ExportFormat.PNG);
        en.targetProperty().set(link.toString());
        en.export();
        assertThat(en.messageProperty().get()).startsWith(link + " is a symbolic link to " + real + ".");
        assertThat(started).isEmpty();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aRememberedLessonFileNotOpenedYetIsNoContentToExport() throws IOException {
        prefs.addRecentLessonFile(Files.writeString(home.resolve("mine.en.yaml"), "id: mine"));
        LessonViewModel lessons = lessons(Locale.ENGLISH, Exchange.RSA);
        assertThat(lessons.choices()).anyMatch(c -> c.file().isPresent());

        ExportViewModel vm = export(lessons, "light");

        assertThat(vm.contents()).extracting(ExportViewModel.Content::label).noneMatch(l -> l.contains("mine"));
        assertThat(vm.contents()).allSatisfy(c -> assertThat(c.isSteps() || !c.lessonId().isEmpty()).isTrue());
    }
}
