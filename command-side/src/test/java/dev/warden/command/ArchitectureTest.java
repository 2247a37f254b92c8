package dev.warden.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The command side and the published language stay apart from the query side and from Spring. */
@AnalyzeClasses(packages = "dev.warden", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotUseQuerySide = noClasses()
            .that().resideInAPackage("dev.warden.command..")
            .should().dependOnClassesThat().resideInAPackage("dev.warden.query..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule eventsDoNotUseSpring = noClasses()
            .that().resideInAPackage("dev.warden.events..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .allowEmptyShould(false);
}
