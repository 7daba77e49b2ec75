package dev.modelregistry.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.app.VersionQuery;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.app.migration.legacy.LegacyRegistryGenerator;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration's bulk path ({@link ModelRepository#insertNew}: rows only) and saving each new
 * aggregate as any write does leave registries that answer every read the same: models,
 * versions, metadata, lineage, history, the change feed, statistics, and searches by tag and
 * by data source (served by the side tables the triggers keep). Compared on the shipped fixture
 * and on a generated registry with many versions per model.
 */
class BulkImportAgreesWithSavingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void theShippedFixtureReadsTheSameImportedInBulkAsSavedModelByModel() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);

        assertSameAnswers(legacy);
    }

    @Test
    void aGeneratedRegistryReadsTheSameImportedInBulkAsSavedModelByModel() throws Exception {
        Path legacy = tmp.resolve("data/models/registry");
        new LegacyRegistryGenerator(5).generate(legacy, 40, 7);

        assertSameAnswers(legacy);
    }

    private void assertSameAnswers(Path legacy) {
        Path bulk = tmp.resolve("bulk");
        Path saved = tmp.resolve("saved");
        MigrationReport bulkReport = new LegacyMigration(DatabaseMigrationTarget.sqlite(), CLOCK, MigrationListener.SILENT)
                .migrate(request(legacy, bulk));
        MigrationReport savedReport = new LegacyMigration(savingEachModel(DatabaseMigrationTarget.sqlite()), CLOCK,
                MigrationListener.SILENT).migrate(request(legacy, saved));
        assertThat(bulkReport.outcome()).as(bulkReport.failure().orElse("")).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(savedReport.outcome()).as(savedReport.failure().orElse("")).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(bulkReport.imported()).isEqualTo(savedReport.imported()).isPositive();

        try (ModelRegistry a = ModelRegistrySQLite.open(bulk); ModelRegistry b = ModelRegistrySQLite.open(saved)) {
            assertThat(a.getRegistryStats()).usingRecursiveComparison().ignoringFields("location").isEqualTo(b.getRegistryStats());
            List<ModelSummary> models = a.listModels();
            assertThat(models).isNotEmpty().isEqualTo(b.listModels());
            assertThat(a.activationChangesSince(0, 1000)).isNotEmpty().isEqualTo(b.activationChangesSince(0, 1000));
            for (ModelSummary model : models) {
                String sensor = model.sensorId();
                String type = model.modelType();
                assertThat(a.getActiveModelVersion(sensor, type)).isPresent().isEqualTo(b.getActiveModelVersion(sensor, type));
                assertThat(a.getActiveModel(sensor, type)).isEqualTo(b.getActiveModel(sensor, type));
                assertThat(a.getActivationHistory(sensor, type)).isEqualTo(b.getActivationHistory(sensor, type));
                List<VersionSummary> versions = a.listVersions(sensor, type);
                assertThat(versions).isNotEmpty().isEqualTo(b.listVersions(sensor, type));
                for (VersionSummary version : versions) {
                    assertThat(a.getModelMetadata(version.versionId())).isEqualTo(b.getModelMetadata(version.versionId()));
                    assertThat(a.getDataLineage(version.versionId())).isEqualTo(b.getDataLineage(version.versionId()));
                }
            }
            Set<String> tags = new java.util.TreeSet<>();
            Set<String> sources = new java.util.TreeSet<>();
            models.forEach(model -> a.listVersions(model.sensorId(), model.modelType()).forEach(version -> {
                a.getModelMetadata(version.versionId()).ifPresent(details -> tags.addAll(details.tags()));
                a.getDataLineage(version.versionId()).flatMap(lineage -> Optional.ofNullable(lineage.dataSource()))
                        .ifPresent(sources::add);
            }));
            assertThat(tags).isNotEmpty();
            for (String tag : tags) {
                VersionQuery byTag = VersionQuery.builder().tag(tag).build();
                assertThat(a.searchVersions(byTag)).isEqualTo(b.searchVersions(byTag));
            }
            for (String source : sources) {
                VersionQuery bySource = VersionQuery.builder().dataSource(source).build();
                assertThat(a.searchVersions(bySource)).isEqualTo(b.searchVersions(bySource));
            }
        }
    }

    private static MigrationRequest request(Path legacy, Path registry) {
        return new MigrationRequest(legacy, registry, legacy.getParent(), ZoneId.of("UTC"), false, false);
    }

    /** The same targets, but every new model is saved as an aggregate, one by one (the path before the bulk inserts). */
    private static MigrationTargets savingEachModel(MigrationTargets targets) {
        return new MigrationTargets() {
            @Override
            public Optional<MigrationTarget> openExisting(MigrationRequest request) {
                return targets.openExisting(request).map(BulkImportAgreesWithSavingTest::savingEachModel);
            }

            @Override
            public MigrationTarget openForImport(MigrationRequest request) {
                return savingEachModel(targets.openForImport(request));
            }
        };
    }

    private static MigrationTarget savingEachModel(MigrationTarget target) {
        ModelRepository repository = savingEachModel(target.repository());
        return new MigrationTarget() {
            @Override
            public ModelRepository repository() {
                return repository;
            }

            @Override
            public UnitOfWork unitOfWork() {
                return target.unitOfWork();
            }

            @Override
            public void close() {
                target.close();
            }
        };
    }

    /** The repository as it is, except that {@code insertNew} saves each model instead. */
    @SuppressWarnings("unchecked")
    private static ModelRepository savingEachModel(ModelRepository repository) {
        return (ModelRepository) Proxy.newProxyInstance(ModelRepository.class.getClassLoader(),
                new Class<?>[] {ModelRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insertNew")) {
                        ((Collection<Model>) args[0]).forEach(repository::save);
                        return null;
                    }
                    try {
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }
}
