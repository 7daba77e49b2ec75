package dev.modelregistry.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the application's outer parts away from the persistence adapter's internals. */
@AnalyzeClasses(packages = "dev.modelregistry.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule theCliAndTheMigrationReachPersistenceOnlyThroughItsEntryPoint = noClasses()
            .that().resideInAnyPackage("dev.modelregistry.app.cli..", "dev.modelregistry.app.migration..")
            .should().dependOnClassesThat(resideInAPackage("dev.modelregistry.persistence..")
                    .and(not(resideInAPackage("dev.modelregistry.persistence"))))
            .because("the CLI and the migration use RegistryDatabase and the types of its signatures, never the"
                    + " Hibernate adapter, the read models, the schema runner or the adoption code behind it");
}
