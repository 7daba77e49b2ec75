package dev.modelregistry.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the application's outer parts away from the persistence adapter's internals. */
@AnalyzeClasses(packages = "dev.modelregistry.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule theMigrationReachesPersistenceOnlyThroughItsEntryPoint = noClasses()
            .that().resideInAPackage("dev.modelregistry.app.migration..")
            .should().dependOnClassesThat(resideInAPackage("dev.modelregistry.persistence..")
                    .and(not(resideInAPackage("dev.modelregistry.persistence"))))
            .because("the migration uses RegistryDatabase and the types of its signatures, never the"
                    + " Hibernate adapter, the read models, the schema runner or the adoption code behind it");

    @ArchTest
    static final ArchRule theLibraryNeverReachesACommandLineOrALogBackend = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.slf4j.simple..",
                    "ch.qos.logback..", "org.apache.logging.log4j..", "java.util.logging..")
            .because("registry-app is a library a host embeds: it logs through slf4j-api only and leaves the"
                    + " command line to registry-cli");

    @ArchTest
    static final ArchRule writeUseCasesNeverUseTheReadSide = noClasses()
            .that().haveFullyQualifiedName("dev.modelregistry.app.RegistryWrites")
            .or().resideInAnyPackage("dev.modelregistry.app.migration..", "dev.modelregistry.app.transfer..")
            .should().dependOnClassesThat(resideInAnyPackage("dev.modelregistry.app.query..",
                    "dev.modelregistry.persistence.query..")
                    .or(JavaClass.Predicates.simpleName("ReadModelQueries")))
            .because("every change goes through the aggregate: what a write decides never rests on a read model");

    @ArchTest
    static final ArchRule readUseCasesNeverLoadTheAggregate = noClasses()
            .that().haveFullyQualifiedName("dev.modelregistry.app.RegistryReads")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.modelregistry.domain.model.ModelRepository")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.modelregistry.domain.model.UnitOfWork")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.modelregistry.domain.model.Model")
            .because("reads are answered by the query ports alone");

    @ArchTest
    static final ArchRule onlyTheBootstrapAdapterReachesTheReadModels = noClasses()
            .that().resideOutsideOfPackage("dev.modelregistry.app")
            .and().resideInAPackage("dev.modelregistry.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.modelregistry.persistence.query..")
            .because("the query ports are implemented over the read models in one place (ReadModelQueries)");
}
