package io.marquee.indexer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Reading files knows nothing of Elasticsearch; writing knows nothing of files; only {@code load} joins them. The
 * pipeline and the reindex know nothing of the command line or of each other's orchestration, nothing but the
 * application's wiring knows the command line, and only {@code cli} talks to a terminal.
 */
class ModuleBoundariesTests {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.marquee.indexer");

    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("io.marquee.indexer.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void ingestKnowsNothingOfElasticsearch() {
        noClasses().that().resideInAPackage("io.marquee.indexer.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("co.elastic..", "io.marquee.indexer.index..",
                        "io.marquee.indexer.load..", "io.marquee.indexer.cli..")
                .check(classes);
    }

    @Test
    void indexKnowsNothingOfFiles() {
        noClasses().that().resideInAPackage("io.marquee.indexer.index..")
                .should().dependOnClassesThat().resideInAnyPackage("io.marquee.indexer.ingest..", "io.marquee.indexer.load..",
                        "io.marquee.indexer.cli..")
                .check(classes);
    }

    @Test
    void pipelineKnowsNothingOfTheCommandLineOrTheReindex() {
        noClasses().that().resideInAPackage("io.marquee.indexer.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("io.marquee.indexer.cli..", "io.marquee.indexer.reindex..")
                .check(classes);
    }

    @Test
    void reindexKnowsNothingOfTheCommandLine() {
        noClasses().that().resideInAPackage("io.marquee.indexer.reindex..")
                .should().dependOnClassesThat().resideInAPackage("io.marquee.indexer.cli..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineKnowsTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("io.marquee.indexer.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.marquee.indexer.cli..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToTheTerminal() {
        noClasses().that().resideOutsideOfPackage("io.marquee.indexer.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }
}
