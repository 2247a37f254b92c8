package dev.warden.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The deployable serves every context alike: it names none of them, in any module. What it uses of
 * Warden is itself, the two sides' units, their shared plumbing and the contract's shared part; a
 * context reaches it only through the interfaces that plumbing owns, so a new context is caught here
 * without a line added.
 */
@AnalyzeClasses(packages = "dev.warden", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages of Warden that serve every context. */
    private static final String[] PLUMBING = {"dev.warden.app..", "dev.warden.command", "dev.warden.query",
            "dev.warden.*.support..", "dev.warden.*.web..", "dev.warden.*.config..", "dev.warden.events.shared..",
            "dev.warden.keys.."};

    @ArchTest
    static final ArchRule appNamesNoContext = noClasses()
            .that().resideInAPackage("dev.warden.app..")
            .should().dependOnClassesThat(resideInAPackage("dev.warden..").and(not(resideInAnyPackage(PLUMBING))))
            .allowEmptyShould(false);
}
