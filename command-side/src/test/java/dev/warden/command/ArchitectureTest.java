package dev.warden.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The command side stays apart from the query side; its bounded contexts do not depend on each
 * other in a loop; its shared plumbing names no context. The published language is checked in
 * {@code events}.
 */
@AnalyzeClasses(packages = "dev.warden", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages of the command side that serve every context. */
    private static final String[] PLUMBING = {"dev.warden.command.support..", "dev.warden.command.web..",
            "dev.warden.command.config.."};

    @ArchTest
    static final ArchRule commandSideDoesNotUseQuerySide = noClasses()
            .that().resideInAPackage("dev.warden.command..")
            .should().dependOnClassesThat().resideInAPackage("dev.warden.query..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule contextsDoNotDependOnEachOtherInALoop = slices()
            .matching("dev.warden.command.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedPlumbingNamesNoContext = noClasses()
            .that().resideInAnyPackage(PLUMBING)
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "dev.warden.command.support..", "dev.warden.command.web..", "dev.warden.command.config..",
                    "dev.warden.events.shared..", "java..", "jakarta..", "org.springframework..",
                    "org.axonframework..", "io.micrometer..", "org.slf4j..", "com.fasterxml..", "tools.jackson..",
                    "de.mkammerer..", "org.bouncycastle..", "com.google.crypto.tink..", "")
            .allowEmptyShould(false);
}
