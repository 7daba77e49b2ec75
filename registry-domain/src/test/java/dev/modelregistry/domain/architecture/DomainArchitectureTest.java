package dev.modelregistry.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.modelregistry.domain.RegistryException;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;

/** Keeps the domain free of infrastructure and its entities well-behaved. */
@AnalyzeClasses(packages = "dev.modelregistry.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaAndJakartaPersistence = classes()
            .that().resideInAPackage("dev.modelregistry.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.persistence..", "dev.modelregistry.domain..")
            .because("the domain must stay free of Hibernate, Liquibase, JDBC, JSON and logging frameworks");

    @ArchTest
    static final ArchRule domainKnowsNothingOfTheOuterModules = noClasses()
            .that().resideInAPackage("dev.modelregistry.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.modelregistry.persistence..", "dev.modelregistry.app..");

    @ArchTest
    static final ArchRule noPublicSetters = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.modelregistry.domain..")
            .and().haveNameStartingWith("set")
            .should().notHaveModifier(JavaModifier.PUBLIC)
            .allowEmptyShould(true)
            .because("state changes are named behaviour of the aggregate");

    @ArchTest
    static final ArchRule entitiesAreNotFinal = classes()
            .that().areAnnotatedWith(Entity.class).or().areAnnotatedWith(Embeddable.class)
            .should().notHaveModifier(JavaModifier.FINAL)
            .because("JPA providers subclass entities for lazy loading");

    @ArchTest
    static final ArchRule everyDomainExceptionIsARegistryException = classes()
            .that().resideInAPackage("dev.modelregistry.domain..")
            .and().areAssignableTo(RuntimeException.class)
            .should().beAssignableTo(RegistryException.class);

    @ArchTest
    static final ArchRule exceptionsAreNamedAfterWhatWentWrong = classes()
            .that().areAssignableTo(RegistryException.class)
            .should().haveSimpleNameEndingWith("Exception");
}
