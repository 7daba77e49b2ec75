package dev.modelregistry.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(again.outcome()).isEqualTo(MigrationOutcome.ALREADY_MIGRATED);
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
}
