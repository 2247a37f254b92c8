package dev.warden.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The query side learns about changes from events only, never from the command side's classes. */
@AnalyzeClasses(packages = "dev.warden", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideDoesNotUseCommandSide = noClasses()
            .that().resideInAPackage("dev.warden.query..")
            .should().dependOnClassesThat().resideInAPackage("dev.warden.command..")
            .allowEmptyShould(false);
}
