package io.tlsviz.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: app -> lessons -> engine. The engine and the lessons never see JavaFX. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tlsviz");
    }

    @Test
    void engineUsesNeitherJavaFxNorLessonsNorApp() {
        noClasses().that().resideInAPackage("io.tlsviz.engine..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.tlsviz.lessons..", "io.tlsviz.app..")
                .check(classes);
    }

    @Test
    void lessonsUseNeitherJavaFxNorApp() {
        noClasses().that().resideInAPackage("io.tlsviz.lessons..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.tlsviz.app..")
                .check(classes);
    }

    /** MVVM: view-models hold state and commands, never Nodes (properties and collections are fine). */
    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().resideInAPackage("io.tlsviz.app.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "io.tlsviz.app.view..")
                .check(classes);
    }

    /** Scroll panes come from Scrolling, which turns off the viewport bitmap cache (decision 0010). */
    @Test
    void scrollPanesAreMadeWithoutTheViewportCache() {
        // Scrolling itself and the scroll pane subclasses inside it (Scrolling$1, ...) may.
        noClasses().that().resideInAPackage("io.tlsviz.app..")
                .and().haveNameNotMatching("io\\.tlsviz\\.app\\.view\\.Scrolling(\\$.*)?")
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                        javafx.scene.control.ScrollPane.class))))
                .because("a cached viewport is rendered twice on every step on the software pipeline")
                .check(classes);
    }
}
