package io.marquee.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * One package per capability, and dependencies pointing one way: the catalogue knows nothing of the HTTP
 * features built on it, search knows nothing of the legacy contract, and no package cycle exists.
 */
class ModuleBoundariesTests {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.marquee.api");

    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("io.marquee.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void catalogueDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.marquee.api.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("io.marquee.api.search..", "io.marquee.api.legacy..", "io.marquee.api.web..")
                .check(classes);
    }

    @Test
    void cacheDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.marquee.api.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("io.marquee.api.search..", "io.marquee.api.legacy..", "io.marquee.api.web..")
                .check(classes);
    }

    @Test
    void searchDoesNotKnowTheLegacyContract() {
        noClasses().that().resideInAPackage("io.marquee.api.search..")
                .should().dependOnClassesThat().resideInAPackage("io.marquee.api.legacy..").check(classes);
    }

    @Test
    void nothingDependsOnTheHitsAnsweredOnTheConnection() {
        // They sit in front of the stack, replaying what it answered: the stack must work the same without them.
        noClasses().that().resideOutsideOfPackage("io.marquee.api.hits..")
                .should().dependOnClassesThat().resideInAPackage("io.marquee.api.hits..").check(classes);
    }

    @Test
    void webConcernsDependOnNoFeature() {
        noClasses().that().resideInAPackage("io.marquee.api.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.marquee.api.search..", "io.marquee.api.legacy..").check(classes);
    }

    @Test
    void onlyTheWebLayerMapsExceptionsToProblems() {
        noClasses().that().resideOutsideOfPackage("io.marquee.api.web..")
                .should().beAnnotatedWith(RestControllerAdvice.class).orShould().beAnnotatedWith(ControllerAdvice.class)
                .check(classes);
        noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage("io.marquee.api.web..")
                .should().beAnnotatedWith(ExceptionHandler.class)
                .check(classes);
    }
}
