package dev.modelregistry.persistence.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the jobs of the persistence adapter apart: the Hibernate adapter ({@code jpa}), the read
 * models ({@code query}), the Liquibase runner and locks ({@code schema}), the adoption of Python
 * databases ({@code adoption}) and the stored text formats they share ({@code format}). The root
 * package holds the entry point the application wires ({@code RegistryDatabase}) and the types
 * of its public signatures; the packages below it may use those, and the root wires them.
 */
@AnalyzeClasses(packages = "dev.modelregistry.persistence", importOptions = ImportOption.DoNotIncludeTests.class)
class PersistenceArchitectureTest {

    @ArchTest
    static final ArchRule thePackagesBelowTheEntryPointFormNoCycles = slices()
            .matching("dev.modelregistry.persistence.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule readModelsNeverBootHibernateOrLiquibase = noClasses()
            .that().resideInAPackage("dev.modelregistry.persistence.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "liquibase..")
            .allowEmptyShould(true)
            .because("reads run plain SQL over the schema, without a session factory or a Liquibase run");

    @ArchTest
    static final ArchRule theHibernateAdapterKnowsNothingOfLiquibase = noClasses()
            .that().resideInAPackage("dev.modelregistry.persistence.jpa..")
            .should().dependOnClassesThat().resideInAPackage("liquibase..")
            .because("Hibernate validates the schema Liquibase made; it never changes it");

    @ArchTest
    static final ArchRule schemaAndAdoptionNeverBootHibernate = noClasses()
            .that().resideInAnyPackage("dev.modelregistry.persistence.schema..", "dev.modelregistry.persistence.adoption..",
                    "dev.modelregistry.persistence.format..")
            .should().dependOnClassesThat().resideInAPackage("org.hibernate..")
            .because("the schema is read and changed over plain JDBC and Liquibase, before Hibernate starts");
}
