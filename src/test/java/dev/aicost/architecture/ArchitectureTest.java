package dev.aicost.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the product's packages, from the Lambda function down to the catalog:
 * <pre>
 * function          the Funqy function, Slack signature checks, JSON wiring (Quarkus lives here only)
 * api               a request as callers send it (JSON or words) read and estimated
 * chat              words in (plain-text requests), Markdown and Slack answers out
 * engine            the cost engine: typed request in, CostReport out (no Jackson, no Quarkus)
 * request           the typed request and its reader
 * report, catalog   the report's records; the catalog of models, accelerators and prices
 * </pre>
 * Inside the engine each package answers one question; no two of them depend on each other in a circle.
 */
class ArchitectureTest {
    static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aicost");

    @Test
    void layersAreUsedOnlyFromAbove() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("function").definedBy("dev.aicost.function..")
                .layer("api").definedBy("dev.aicost.api..")
                .layer("chat").definedBy("dev.aicost.chat..")
                .layer("engine").definedBy("dev.aicost.engine..")
                .layer("request").definedBy("dev.aicost.request..")
                .layer("report").definedBy("dev.aicost.report..")
                .layer("catalog").definedBy("dev.aicost.catalog..")
                .whereLayer("function").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("function")
                .whereLayer("chat").mayOnlyBeAccessedByLayers("api", "function")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("chat", "api", "function")
                .whereLayer("request").mayOnlyBeAccessedByLayers("engine", "chat", "api", "function")
                .whereLayer("report").mayOnlyBeAccessedByLayers("request", "engine", "chat", "api", "function")
                .check(PRODUCT);
    }

    @Test
    void engineIsPlainJava() {
        noClasses().that().resideInAPackage("dev.aicost.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "io.quarkus..",
                        "jakarta..", "org.jboss..")
                .because("the engine takes typed requests and is used outside Lambda (tests, benchmarks, chat)")
                .check(PRODUCT);
    }

    @Test
    void onlyTheFunctionKnowsQuarkus() {
        noClasses().that().resideOutsideOfPackage("dev.aicost.function..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.jboss..")
                .check(PRODUCT);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.aicost.(*)..").should().beFreeOfCycles().check(PRODUCT);
    }

    @Test
    void noCyclesBetweenEnginePackages() {
        slices().matching("dev.aicost.engine.(**)").should().beFreeOfCycles().check(PRODUCT);
    }
}
