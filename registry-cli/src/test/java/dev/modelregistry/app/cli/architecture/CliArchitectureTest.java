package dev.modelregistry.app.cli.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the command line a thin picocli layer over the library's public entry points. */
@AnalyzeClasses(packages = "dev.modelregistry.app.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule theCliReachesPersistenceOnlyThroughItsEntryPoint = noClasses()
            .should().dependOnClassesThat(resideInAPackage("dev.modelregistry.persistence..")
                    .and(not(resideInAPackage("dev.modelregistry.persistence"))))
            .because("the CLI uses RegistryDatabase and the types of its signatures, never the Hibernate"
                    + " adapter, the read models, the schema runner or the adoption code behind it");
}
