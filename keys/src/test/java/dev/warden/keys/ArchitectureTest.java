package dev.warden.keys;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The keys serve every context and both sides, so they know none of them. */
@AnalyzeClasses(packages = "dev.warden.keys", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule keysNameNothingElseOfWarden = noClasses()
            .that().resideInAPackage("dev.warden.keys..")
            .should().dependOnClassesThat(resideInAPackage("dev.warden..").and(not(resideInAPackage("dev.warden.keys.."))))
            .allowEmptyShould(false);
}
