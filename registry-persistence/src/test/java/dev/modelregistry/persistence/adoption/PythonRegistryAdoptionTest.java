package dev.modelregistry.persistence.adoption;

import static dev.modelregistry.persistence.adoption.PythonRegistries.count;
import static dev.modelregistry.persistence.adoption.PythonRegistries.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.persistence.AdoptionStatus;
import dev.modelregistry.persistence.LegacyDefects;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.UpgradeReport;
import dev.modelregistry.persistence.schema.RegistryFileLock;
import dev.modelregistry.persistence.schema.SchemaMigrator;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared fixture, a real model_registry.db written by the Python ModelRegistrySQLite, is
 * adopted: every count of the fixture README before, every defect gone after, nothing lost.
 */
class PythonRegistryAdoptionTest {

    private static final String LIBRARY_FORMAT = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z";

    @TempDir
    Path registryDir;

    @Test
    void theAdoptionTellsItsProgressBeforeEachStep() throws Exception {
        PythonRegistries.copyFixture(registryDir);
        List<String> steps = new java.util.ArrayList<>();

        RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC, (step, done, total) -> steps.add(step + " " + done + "/" + total));

        assertThat(steps).containsExactly("backup 0/7", "copying 1/7", "checking the tables 2/7", "rebuilding the tables 3/7",
                "upgrading the schema and repairing the data 4/7", "verifying 5/7", "replacing the file 6/7");
    }

    @Test
    void theFixtureShowsEveryDefectOfItsReadmeBeforeTheUpgrade() throws Exception {
        PythonRegistries.copyFixture(registryDir);

        AdoptionStatus status = RegistryDatabase.status(registryDir);

        assertThat(status.pythonCreated()).isTrue();
        assertThat(status.shapeProblems()).isEmpty();
        assertThat(status.applied()).isEmpty();
        assertThat(status.toMarkApplied()).containsExactly(
                "model-registry/1.0.xml::1.0-models::model-registry",
                "model-registry/1.0.xml::1.0-versions::model-registry",
                "model-registry/1.0.xml::1.0-data-lineage::model-registry");
        assertThat(status.pending()).contains("model-registry/1.1-adopt.xml::1.1-adopt-active-flags::model-registry",
                "model-registry/1.1.xml::1.1-one-active-version-per-model::model-registry");
        LegacyDefects defects = status.defects();
        assertThat(defects.models()).isEqualTo(10);
        assertThat(defects.versions()).isEqualTo(32);
        assertThat(defects.orphanedLineageRows()).isEqualTo(5);
        assertThat(defects.danglingActiveVersions()).isEqualTo(5);
        assertThat(defects.modelsWithSeveralActiveFlags()).isEqualTo(3);
        assertThat(defects.modelsWithoutActiveVersion()).isZero();
        assertThat(defects.naiveLocalTimestamps()).isEqualTo(32 + 10); // versions.created_at, models.updated_at
        assertThat(defects.utcTextTimestamps()).isEqualTo(10 + 25);    // models.created_at, data_lineage.created_at
        assertThat(defects.modelsWithoutHistory()).isEqualTo(10);
        assertThat(defects.versionsWithoutModel()).isZero();
    }

    @Test
    void adoptingTheFixtureRepairsEveryDefectAndKeepsEveryModelAndVersion() throws Exception {
        Path file = PythonRegistries.copyFixture(registryDir);
        String originalHash = PythonRegistryAdoption.sha256(file);
        Map<String, String> recordedActive = rows(file, "SELECT model_id, active_version FROM models").stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
        List<String> existing = rows(file, "SELECT version_id FROM versions").stream().map(r -> r.get(0)).toList();

        UpgradeReport report = RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC);

        assertThat(report.adopted()).isTrue();
        assertThat(report.backup().getFileName().toString()).matches("model_registry\\.db\\.bak-[0-9]{8}_[0-9]{6}");
        assertThat(PythonRegistryAdoption.sha256(report.backup())).isEqualTo(originalHash);
        assertThat(report.before().danglingActiveVersions()).isEqualTo(5);
        assertThat(report.after().clean()).isTrue();
        assertThat(PythonRegistries.fileNames(registryDir)).containsExactlyInAnyOrder("model_registry.db",
                report.backup().getFileName().toString(), RegistryFileLock.FILE_NAME);

        assertThat(count(file, "SELECT COUNT(*) FROM models")).isEqualTo(10);
        assertThat(count(file, "SELECT COUNT(*) FROM versions")).isEqualTo(32);
        assertThat(count(file, "SELECT COUNT(*) FROM data_lineage")).isEqualTo(25 - 5);
        assertThat(count(file, "SELECT COUNT(*) FROM data_lineage l WHERE l.version_id NOT IN (SELECT version_id FROM versions)"))
                .as("orphaned lineage rows").isZero();
        assertThat(count(file, "SELECT COUNT(*) FROM models m WHERE m.active_version NOT IN"
                + " (SELECT version_id FROM versions v WHERE v.model_id = m.model_id)")).as("dangling active versions").isZero();
        assertThat(count(file, "SELECT COUNT(*) FROM (SELECT model_id FROM versions WHERE is_active GROUP BY model_id"
                + " HAVING COUNT(*) > 1)")).as("models with several active flags").isZero();
        assertThat(rows(file, "SELECT m.model_id, (SELECT COUNT(*) FROM versions v WHERE v.model_id = m.model_id AND v.is_active),"
                + " (SELECT v.version_id FROM versions v WHERE v.model_id = m.model_id AND v.is_active) = m.active_version"
                + " FROM models m")).allSatisfy(row -> assertThat(row.subList(1, 3)).containsExactly("1", "1"));
        assertThat(rows(file, "PRAGMA foreign_key_check")).isEmpty();
        for (String column : List.of("models.created_at", "models.updated_at", "versions.created_at",
                "data_lineage.created_at", "activation_history.changed_at")) {
            String[] tc = column.split("\\.");
            assertThat(rows(file, "SELECT " + tc[1] + " FROM " + tc[0])).as(column)
                    .allSatisfy(row -> assertThat(row.get(0)).matches(LIBRARY_FORMAT));
        }
        assertThat(rows(file, "SELECT created_at FROM versions WHERE version_id = '84b68d228bdc'"))
                .containsExactly(List.of("2026-11-26T07:41:08.903523Z"));
        assertThat(rows(file, "SELECT created_at FROM models WHERE model_id = 'telemanom_MSL-NAV-001'"))
                .containsExactly(List.of("2026-11-26T07:41:08.000000Z"));

        // history: one entry per model; REELECTED exactly where active_version named a deleted version
        assertThat(count(file, "SELECT COUNT(*) FROM activation_history")).isEqualTo(10);
        assertThat(count(file, "SELECT COUNT(DISTINCT model_id) FROM activation_history")).isEqualTo(10);
        assertThat(count(file, "SELECT COUNT(*) FROM models WHERE activation_count <> 1")).isZero();
        for (List<String> entry : rows(file, "SELECT h.model_id, h.reason, h.version_id, h.previous_version_id, h.sequence_no,"
                + " h.score = v.performance_score FROM activation_history h JOIN versions v ON v.version_id = h.version_id")) {
            String modelId = entry.get(0);
            String recorded = recordedActive.get(modelId);
            assertThat(entry.get(4)).isEqualTo("1");
            assertThat(entry.get(5)).isEqualTo("1");
            if (existing.contains(recorded)) {
                assertThat(entry.subList(1, 4)).containsExactly("MIGRATED", recorded, null);
            } else {
                assertThat(entry.get(1)).isEqualTo("REELECTED");
                assertThat(entry.get(3)).isEqualTo(recorded);
                assertThat(entry.get(2)).isEqualTo(bestOf(file, modelId));
            }
        }
        assertThat(count(file, "SELECT COUNT(*) FROM activation_history WHERE reason = 'REELECTED'")).isEqualTo(5);
        assertThat(rows(file, "SELECT active_version FROM models WHERE model_id = 'transformer_MSL-NAV-001'"))
                .as("best remaining: 9659b6859131 scored 0.4509").containsExactly(List.of("9659b6859131"));

        AdoptionStatus after = RegistryDatabase.status(registryDir);
        assertThat(after.pythonCreated()).isFalse();
        assertThat(after.current()).isTrue();
        assertThat(after.applied()).hasSize(SchemaMigrator.absent("", "sqlite").pending().size());
    }

    @Test
    void theAdoptedFixtureOpensAndTheDomainReadsAndChangesIt() throws Exception {
        PythonRegistries.copyFixture(registryDir);

        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir)) {
            ModelId modelId = new ModelId("telemanom_SMAP-NAV-005");
            database.unitOfWork().run(() -> {
                Model model = database.repository().findById(modelId).orElseThrow();
                assertThat(model.versions()).hasSize(6);
                assertThat(model.activeVersionId().orElseThrow().value()).isEqualTo("91e3ce2303be");
                assertThat(model.history()).singleElement()
                        .satisfies(change -> assertThat(change.reason()).isEqualTo(ActivationReason.MIGRATED));
                model.promote(dev.modelregistry.domain.model.VersionId.of("c421afc03f1c"), java.time.Instant.now());
            });
            assertThat(database.readModels().activeVersions().activeVersionId(
                    SensorId.of("SMAP-NAV-005"), ModelType.of("telemanom")).orElseThrow().value()).isEqualTo("c421afc03f1c");
        }
        assertThat(count(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME),
                "SELECT COUNT(*) FROM versions WHERE is_active AND model_id = 'telemanom_SMAP-NAV-005'")).isEqualTo(1);
    }

    @Test
    void onTheAdoptedFixtureTheFlagsFollowEveryModelThroughARegistrationAndPromotions() throws Exception {
        Path file = PythonRegistries.copyFixture(registryDir);
        ModelId modelId = new ModelId("telemanom_SMAP-NAV-005");
        dev.modelregistry.domain.model.VersionId registered = dev.modelregistry.domain.model.VersionId.of("flagversion1");
        String disagreeing = "SELECT COUNT(*) FROM versions v JOIN models m ON m.model_id = v.model_id"
                + " WHERE (v.is_active <> 0) <> COALESCE(m.active_version = v.version_id, 0)";

        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir)) {
            database.unitOfWork().run(() -> database.repository().findById(modelId).orElseThrow().register(registered,
                    dev.modelregistry.domain.model.Fixtures.aVersionWithAnomalyRate(0.0),
                    dev.modelregistry.domain.model.Fixtures.SCORING, java.time.Instant.now()));
            assertThat(count(file, disagreeing)).as("versions whose flag disagrees with active_version").isZero();
            database.unitOfWork().run(() -> database.repository().findById(modelId).orElseThrow()
                    .promote(registered, java.time.Instant.now()));
            assertThat(count(file, "SELECT COUNT(*) FROM versions WHERE is_active AND model_id = 'telemanom_SMAP-NAV-005'"
                    + " AND version_id = 'flagversion1'")).isEqualTo(1);
            database.unitOfWork().run(() -> database.repository().findById(modelId).orElseThrow()
                    .promote(dev.modelregistry.domain.model.VersionId.of("c421afc03f1c"), java.time.Instant.now()));
        }
        assertThat(count(file, "SELECT COUNT(*) FROM versions WHERE is_active AND model_id = 'telemanom_SMAP-NAV-005'"
                + " AND version_id = 'c421afc03f1c'")).isEqualTo(1);
        assertThat(count(file, disagreeing)).as("versions whose flag disagrees with active_version").isZero();
    }

    @Test
    void upgradingTwiceChangesNothingTheSecondTime() throws Exception {
        Path file = PythonRegistries.copyFixture(registryDir);
        RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC);
        List<String> once = PythonRegistries.dump(file);
        List<String> files = PythonRegistries.fileNames(registryDir);

        UpgradeReport again = RegistryDatabase.upgrade(registryDir, ZoneOffset.ofHours(5));

        assertThat(again.adopted()).isFalse();
        assertThat(again.applied()).isEmpty();
        assertThat(PythonRegistries.dump(file)).isEqualTo(once);
        assertThat(PythonRegistries.fileNames(registryDir)).isEqualTo(files);
    }

    @Test
    void twoOpensAtOnceAdoptTheFileOnce() throws Exception {
        PythonRegistries.copyFixture(registryDir);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<UpgradeReport>> runs = pool.invokeAll(List.of(
                    () -> RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC),
                    () -> RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC)));
            long adopted = 0;
            for (var run : runs) {
                adopted += run.get().adopted() ? 1 : 0;
            }
            assertThat(adopted).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME), "SELECT COUNT(*) FROM activation_history"))
                .isEqualTo(10);
        assertThat(PythonRegistries.fileNames(registryDir)).hasSize(3); // the file, one backup, the (empty) lock file
    }

    @Test
    void statusOnAPythonFileWritesNothing() throws Exception {
        Path file = PythonRegistries.copyFixture(registryDir);
        String hash = PythonRegistryAdoption.sha256(file);
        long modified = Files.getLastModifiedTime(file).toMillis();

        RegistryDatabase.status(registryDir);
        RegistryDatabase.status(registryDir);

        assertThat(PythonRegistryAdoption.sha256(file)).isEqualTo(hash);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        assertThat(PythonRegistries.fileNames(registryDir)).containsExactly("model_registry.db");
        assertThat(rows(file, "SELECT name FROM sqlite_master WHERE name LIKE 'DATABASECHANGELOG%'")).isEmpty();
    }

    private static String bestOf(Path file, String modelId) throws Exception {
        return rows(file, "SELECT version_id FROM versions WHERE model_id = '" + modelId
                + "' ORDER BY performance_score DESC, created_at DESC LIMIT 1").get(0).get(0);
    }
}
