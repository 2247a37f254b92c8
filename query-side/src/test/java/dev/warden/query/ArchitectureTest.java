package dev.warden.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The query side learns about changes from events only, never from the command side's classes;
 * its contexts do not depend on each other in a loop, and its shared support names no context.
 */
@AnalyzeClasses(packages = "dev.warden", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideDoesNotUseCommandSide = noClasses()
            .that().resideInAPackage("dev.warden.query..")
            .should().dependOnClassesThat().resideInAPackage("dev.warden.command..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule contextsDoNotDependOnEachOtherInALoop = slices()
            .matching("dev.warden.query.(*)..")
            .should().beFreeOfCycles();

    /** Of Warden, shared support uses only itself and the contract's shared part, so a new context is caught too. */
    @ArchTest
    static final ArchRule sharedSupportNamesNoContext = noClasses()
            .that().resideInAPackage("dev.warden.query.support..")
            .should().dependOnClassesThat(resideInAPackage("dev.warden..")
                    .and(not(resideInAnyPackage("dev.warden.query.support..", "dev.warden.events.shared.."))))
            .allowEmptyShould(false);
}
