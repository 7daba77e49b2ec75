package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.ImportedVersion;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk import the way the legacy migration does it (one query for the existing version ids
 * and one for the stored models per batch, then save) runs no statement per model or version
 * beyond the batched inserts: counted with Hibernate statistics.
 */
class BulkImportStatementsTest {

    private static final int MODELS = 120;
    private static final int VERSIONS_PER_MODEL = 5;

    @TempDir
    Path registryDir;

    @Test
    void importingNewModelsRunsTwoQueriesAndBatchedInserts() {
        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir,
                Map.of(AvailableSettings.GENERATE_STATISTICS, "true"))) {
            ModelRepository repository = database.repository();
            Statistics statistics = database.sessionFactory().getStatistics();
            statistics.clear();

            database.unitOfWork().run(() -> {
                List<ModelId> modelIds = new ArrayList<>();
                List<VersionId> versionIds = new ArrayList<>();
                for (int m = 0; m < MODELS; m++) {
                    modelIds.add(ModelId.of(SensorId.of("bulk-" + m), ModelType.of("telemanom")));
                    for (int v = 0; v < VERSIONS_PER_MODEL; v++) {
                        versionIds.add(VersionId.of("bulk-" + m + "-" + v));
                    }
                }
                assertThat(repository.findExistingVersionIds(versionIds)).isEmpty();
                assertThat(repository.findAllWithVersions(modelIds)).isEmpty();
                for (int m = 0; m < MODELS; m++) {
                    Model model = Model.create(SensorId.of("bulk-" + m), ModelType.of("telemanom"), Fixtures.T0);
                    List<ImportedVersion> versions = new ArrayList<>();
                    for (int v = 0; v < VERSIONS_PER_MODEL; v++) {
                        versions.add(new ImportedVersion(SensorId.of("bulk-" + m), ModelType.of("telemanom"), VersionId.of("bulk-" + m + "-" + v), Fixtures.at(v), 0.5 + v / 100.0,
                                Fixtures.aVersionWithAnomalyRate(0.05)));
                    }
                    model.importVersions(versions, VersionId.of("bulk-" + m + "-0"), Fixtures.T0);
                    repository.save(model);
                }
            });

            assertThat(statistics.getEntityLoadCount()).as("entities loaded").isZero();
            // 2 queries, then per table (models, versions + data_lineage, history, the models' active_version
            // update) ceil(rows / 50) batches; nothing per model
            assertThat(statistics.getPrepareStatementCount()).as("statements prepared").isLessThan(MODELS / 4);
            assertThat(database.unitOfWork().execute(() -> database.readModels().statistics().statistics().totalVersions()))
                    .isEqualTo((long) MODELS * VERSIONS_PER_MODEL);
            assertThat(database.unitOfWork().execute(() -> database.readModels().activeVersions().activeVersionId(
                    SensorId.of("bulk-7"), ModelType.of("telemanom")))).contains(VersionId.of("bulk-7-0"));
        }
    }

    @Test
    void insertingNewModelsInBulkPreparesOneStatementPerTableAndBatch() {
        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir,
                Map.of(AvailableSettings.GENERATE_STATISTICS, "true"))) {
            List<Model> models = new ArrayList<>();
            for (int m = 0; m < MODELS; m++) {
                Model model = Model.create(SensorId.of("bulk-" + m), ModelType.of("telemanom"), Fixtures.T0);
                List<ImportedVersion> versions = new ArrayList<>();
                for (int v = 0; v < VERSIONS_PER_MODEL; v++) {
                    versions.add(new ImportedVersion(SensorId.of("bulk-" + m), ModelType.of("telemanom"), VersionId.of("bulk-" + m + "-" + v),
                            Fixtures.at(v), 0.5 + v / 100.0, Fixtures.aVersionWithAnomalyRate(0.05)));
                }
                model.importVersions(versions, VersionId.of("bulk-" + m + "-0"), Fixtures.T0);
                models.add(model);
            }
            Statistics statistics = database.sessionFactory().getStatistics();
            statistics.clear();

            database.unitOfWork().run(() -> database.repository().insertNew(models));

            assertThat(statistics.getEntityLoadCount()).as("entities loaded").isZero();
            assertThat(statistics.getEntityInsertCount()).as("rows inserted")
                    .isEqualTo(MODELS + (long) MODELS * VERSIONS_PER_MODEL + MODELS);
            // models, versions, data_lineage, activation_history: one statement each (600 rows < one batch),
            // plus the change feed's few statements at the commit; nothing per model or version
            assertThat(statistics.getPrepareStatementCount()).as("statements prepared").isLessThan(12);
            assertThat(database.unitOfWork().execute(() -> database.readModels().statistics().statistics().totalVersions()))
                    .isEqualTo((long) MODELS * VERSIONS_PER_MODEL);
        }
    }
}
