package dev.modelregistry.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.app.migration.legacy.LegacyRegistryGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration end to end into a real SQLite registry. */
class SqliteMigrationTest {

    @TempDir
    Path tmp;

    private final LegacyMigration migration = new LegacyMigration(DatabaseMigrationTarget.sqlite(), Clock.systemUTC(),
            MigrationListener.SILENT);

    private MigrationRequest request(Path legacy, boolean dryRun) {
        return new MigrationRequest(legacy, legacy.resolveSibling("registry_sqlite"), legacy.getParent(), ZoneId.of("UTC"),
                dryRun, false);
    }

    @Test
    void theRealRegistryLandsInSqliteAndReadsBackThroughTheApi() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Map<String, String> before = LegacyFixtures.hashTree(legacy);

        MigrationReport report = migration.migrate(request(legacy, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(report.mismatches()).isEmpty();
        assertThat(Files.exists(report.databasePath())).isTrue();
        assertThat(LegacyFixtures.hashTree(legacy)).isEqualTo(before);
        try (ModelRegistry registry = ModelRegistrySQLite.open(legacy.resolveSibling("registry_sqlite"))) {
            assertThat(registry.getRegistryStats().totalModels()).isEqualTo(12);
            assertThat(registry.getRegistryStats().totalVersions()).isEqualTo(12);
            assertThat(registry.getActiveModelVersion("SMAP-PWR-001", "transformer")).contains("7f282096");
            ModelVersionDetails details = registry.getModelMetadata("7f282096").orElseThrow();
            assertThat(details.createdAt()).isEqualTo(Instant.parse("2025-09-29T23:57:26.679550Z"));
            assertThat(details.performanceScore()).isEqualTo(0.08449109285985841);
            assertThat(registry.getDataLineage("7f282096")).isPresent();
        }
    }

    @Test
    void aSecondRunOnTheSameDatabaseImportsNothing() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        migration.migrate(request(legacy, false));

        MigrationReport again = migration.migrate(request(legacy, false));

        assertThat(again.outcome()).as(again.failure().orElse("")).isEqualTo(MigrationOutcome.ALREADY_MIGRATED);
        assertThat(again.alreadyPresent()).isEqualTo(12);
    }

    @Test
    void aDryRunCreatesNoFolderAndNoDatabase() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);

        migration.migrate(request(legacy, true));

        assertThat(legacy.resolveSibling("registry_sqlite")).doesNotExist();
    }

    @Test
    void aGeneratedRegistryWithManyVersionsPerModelVerifies() throws Exception {
        Path legacy = tmp.resolve("data/models/registry");
        new LegacyRegistryGenerator(11).generate(legacy, 30, 20);

        MigrationReport report = migration.migrate(request(legacy, false));

        assertThat(report.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(report.imported()).isEqualTo(600);
        assertThat(report.mismatches()).isEmpty();
    }

    @Test
    void aManualPromotionNanMetricsAndUnicodeSurviveTheMigrationIntoSqlite() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        ObjectMapper json = new ObjectMapper().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
        ObjectNode newer = (ObjectNode) json.readTree(LegacyFixtures.metadata(legacy, "7f282096").toFile());
        newer.put("version", "0a1b2c3d");
        newer.put("created_at", "2025-09-30T10:00:00.000001");
        newer.put("performance_score", 0.99);
        newer.put("description", "Prévision – Δ 🚀");
        Files.writeString(LegacyFixtures.metadata(legacy, "0a1b2c3d"),
                json.writeValueAsString(newer).replace("\"mae\":", "\"nan_metric\":NaN,\"mae\":"));
        ObjectNode index = (ObjectNode) json.readTree(legacy.resolve("models_index.json").toFile());
        ObjectNode entry = ((ObjectNode) index.get("transformer_SMAP-PWR-001").get("versions").get(0)).deepCopy();
        entry.put("version_id", "0a1b2c3d");
        entry.put("performance_score", 0.99);
        ((ArrayNode) index.get("transformer_SMAP-PWR-001").get("versions")).add(entry);
        json.writeValue(legacy.resolve("models_index.json").toFile(), index);
        ObjectNode versions = (ObjectNode) json.readTree(legacy.resolve("versions_index.json").toFile());
        versions.put("0a1b2c3d", "data\\\\models\\\\registry\\\\metadata\\\\0a1b2c3d.json");
        json.writeValue(legacy.resolve("versions_index.json").toFile(), versions);

        MigrationReport report = migration.migrate(request(legacy, false));

        assertThat(report.outcome()).as(report.problems().toString()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(report.mismatches()).isEmpty();
        try (ModelRegistry registry = ModelRegistrySQLite.open(legacy.resolveSibling("registry_sqlite"))) {
            assertThat(registry.getActiveModelVersion("SMAP-PWR-001", "transformer"))
                    .as("the index's active version is kept although a better one exists").contains("7f282096");
            ModelVersionDetails better = registry.getModelMetadata("0a1b2c3d").orElseThrow();
            assertThat(better.isActive()).isFalse();
            assertThat(better.description()).isEqualTo("Prévision – Δ 🚀");
            assertThat((Double) better.validationMetrics().get("nan_metric")).isNaN();
            assertThat(better.createdAt()).isEqualTo(Instant.parse("2025-09-30T10:00:00.000001Z"));
        }
    }
}
