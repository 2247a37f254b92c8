package dev.warden.events;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The published language: its contexts do not depend on each other in a loop, its shared part names
 * no context (a new context is caught without a line added here), and none of it uses Spring.
 */
@AnalyzeClasses(packages = "dev.warden", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule contextsDoNotDependOnEachOtherInALoop = slices()
            .matching("dev.warden.events.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedPartNamesNoContext = noClasses()
            .that().resideInAPackage("dev.warden.events.shared..")
            .should().dependOnClassesThat(resideInAPackage("dev.warden..")
                    .and(not(resideInAPackage("dev.warden.events.shared.."))))
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule eventsDoNotUseSpring = noClasses()
            .that().resideInAPackage("dev.warden.events..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .allowEmptyShould(false);
}
