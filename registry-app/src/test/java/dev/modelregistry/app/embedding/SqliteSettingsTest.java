package dev.modelregistry.app.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ActiveVersionCache;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.domain.ReadOnlyRegistryException;
import dev.modelregistry.domain.RegistryNotFoundException;
import dev.modelregistry.domain.SchemaUpgradeRequiredException;
import dev.modelregistry.domain.scoring.ScoringWeights;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** {@link ModelRegistrySQLite#open(Path, RegistrySettings)}: every setting that applies to a SQLite registry. */
class SqliteSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void theGivenScoringWeightsScoreTheRegisteredVersions() {
        ScoringWeights r2Only = new ScoringWeights(1.0, 0.0, 0.01, 0.1);
        try (ModelRegistry weighted = ModelRegistrySQLite.open(tmp.resolve("weighted"),
                RegistrySettings.builder().scoringWeights(r2Only).build());
             ModelRegistry plain = ModelRegistrySQLite.open(tmp.resolve("plain"), RegistrySettings.defaults())) {
            double weightedScore = weighted.getModelMetadata(weighted.registerModel(Registrations.of("s1", 0.8)))
                    .orElseThrow().performanceScore();
            double plainScore = plain.getModelMetadata(plain.registerModel(Registrations.of("s1", 0.8)))
                    .orElseThrow().performanceScore();
            assertThat(weightedScore).isNotEqualTo(plainScore);
        }
    }

    @Test
    void theArtifactRootBoundsWhatDeletingArtifactsMayRemove() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("artifacts"));
        Path outside = Files.writeString(tmp.resolve("outside.h5"), "weights");
        Path inside = Files.writeString(root.resolve("inside.h5"), "weights");
        try (ModelRegistry registry = ModelRegistrySQLite.open(tmp.resolve("registry"),
                RegistrySettings.builder().artifactRoot(root).build())) {
            String kept = registry.registerModel(Registrations.of("s1", 0.8, outside));
            String removed = registry.registerModel(Registrations.of("s1", 0.81, inside));
            registry.registerModel(Registrations.of("s1", 0.99));
            registry.deleteVersion(kept, false, true);
            registry.deleteVersion(removed, false, true);
        }
        assertThat(outside).exists();
        assertThat(inside).doesNotExist();
    }

    @Test
    void theInProcessCacheAnswersActiveVersions() {
        try (ModelRegistry registry = ModelRegistrySQLite.open(tmp.resolve("registry"),
                RegistrySettings.builder().activeVersionCache(ActiveVersionCache.IN_PROCESS).build())) {
            String id = registry.registerModel(Registrations.of("s1", 0.8));
            assertThat(registry.getActiveModelVersion("s1", "telemanom")).contains(id);
            String better = registry.registerModel(Registrations.of("s1", 0.95));
            registry.promoteVersion(better);
            assertThat(registry.getActiveModelVersion("s1", "telemanom")).contains(better);
        }
    }

    @Test
    void withUpgradesOffAMissingRegistryIsRefusedAndNothingIsCreated() {
        Path dir = tmp.resolve("missing");
        assertThatThrownBy(() -> ModelRegistrySQLite.open(dir, RegistrySettings.builder().upgradeSchemaOnOpen(false).build()))
                .isInstanceOf(RegistryNotFoundException.class);
        assertThat(dir).doesNotExist();
    }

    @Test
    void withUpgradesOffAnOlderSchemaIsRefusedNamingThePendingChangesetsAndTheCommand() throws Exception {
        Path dir = releaseOneZero("old");
        long sizeBefore = Files.size(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME));

        assertThatThrownBy(() -> ModelRegistrySQLite.open(dir, RegistrySettings.builder().upgradeSchemaOnOpen(false).build()))
                .isInstanceOf(SchemaUpgradeRequiredException.class)
                .hasMessageContaining("changeset(s) pending: model-registry/")
                .hasMessageContaining("registry db upgrade --registry " + dir)
                .hasMessageContaining("upgradeSchemaOnOpen(true)");
        assertThat(RegistryDatabase.schemaStatus(dir).pending()).isNotEmpty();
        assertThat(Files.size(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME))).isEqualTo(sizeBefore);
    }

    @Test
    void withUpgradesOffACurrentRegistryOpensForWriting() {
        Path dir = tmp.resolve("current");
        try (ModelRegistry created = ModelRegistrySQLite.open(dir)) {
            created.registerModel(Registrations.of("s1", 0.8));
        }
        try (ModelRegistry registry = ModelRegistrySQLite.open(dir, RegistrySettings.builder().upgradeSchemaOnOpen(false).build())) {
            registry.registerModel(Registrations.of("s2", 0.8));
            assertThat(registry.listModels()).hasSize(2);
        }
    }

    @Test
    void aSchemaOrChangelogTablesForASqliteRegistryAreRefusedBeforeAnythingIsCreated() {
        Path dir = tmp.resolve("refused");
        assertThatThrownBy(() -> ModelRegistrySQLite.open(dir, RegistrySettings.builder().schema("model_registry").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL only");
        assertThatThrownBy(() -> ModelRegistrySQLite.open(dir, RegistrySettings.builder().changelogTable("registry_log")
                .changelogLockTable("registry_log_lock").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL only");
        assertThat(dir).doesNotExist();
    }

    @Test
    void readOnlyOpeningTakesTheSettingsAndAnswersThroughTheInProcessCache() {
        Path dir = tmp.resolve("read-only");
        String id;
        try (ModelRegistry writer = ModelRegistrySQLite.open(dir)) {
            id = writer.registerModel(Registrations.of("s1", 0.8));
        }
        try (ModelRegistry reader = ModelRegistrySQLite.openReadOnly(dir, RegistrySettings.builder()
                .activeVersionCache(ActiveVersionCache.IN_PROCESS).scoringWeights(new ScoringWeights(1.0, 0.0, 0.01, 0.1))
                .build())) {
            assertThat(reader.getActiveModelVersion("s1", "telemanom")).contains(id);
            assertThat(reader.getActiveModelVersion("s1", "telemanom")).as("answered again, from the cache").contains(id);
            assertThatThrownBy(() -> reader.registerModel(Registrations.of("s1", 0.9)))
                    .isInstanceOf(ReadOnlyRegistryException.class);
        }
    }

    @Test
    void readOnlyOpeningNeverUpgradesEvenWithUpgradesOnOpenOn() throws Exception {
        Path dir = releaseOneZero("old-read-only");
        long sizeBefore = Files.size(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME));

        assertThatThrownBy(() -> ModelRegistrySQLite.openReadOnly(dir, RegistrySettings.builder().upgradeSchemaOnOpen(true)
                .build()))
                .isInstanceOf(SchemaUpgradeRequiredException.class).hasMessageContaining("changeset(s) pending");
        assertThat(Files.size(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME))).isEqualTo(sizeBefore);
    }

    @Test
    void readOnlyOpeningRefusesASchemaOrChangelogTablesForASqliteRegistry() {
        Path dir = tmp.resolve("read-only-refused");
        ModelRegistrySQLite.open(dir).close();

        assertThatThrownBy(() -> ModelRegistrySQLite.openReadOnly(dir, RegistrySettings.builder().schema("model_registry")
                .build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL only");
        assertThatThrownBy(() -> ModelRegistrySQLite.openReadOnly(dir, RegistrySettings.builder()
                .changelogTable("registry_log").changelogLockTable("registry_log_lock").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL only");
    }

    @Test
    void aPythonWrittenFileIsAdoptedWithItsNaiveTimestampsReadInTheGivenZone() throws Exception {
        Path utc = copyOfThePythonFixture("utc");
        Path plusFive = copyOfThePythonFixture("plus-five");
        try (ModelRegistry inUtc = ModelRegistrySQLite.open(utc, RegistrySettings.builder().legacyTimezone(ZoneId.of("UTC")).build());
             ModelRegistry inPlusFive = ModelRegistrySQLite.open(plusFive,
                     RegistrySettings.builder().legacyTimezone(ZoneId.of("+05:00")).build())) {
            assertThat(Duration.between(inPlusFive.getModelMetadata("91e3ce2303be").orElseThrow().createdAt(),
                    inUtc.getModelMetadata("91e3ce2303be").orElseThrow().createdAt())).isEqualTo(Duration.ofHours(5));
        }
    }

    @Test
    void withUpgradesOffAPythonWrittenFileIsRefusedUnchanged() throws Exception {
        Path dir = copyOfThePythonFixture("python");
        byte[] before = Files.readAllBytes(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME));
        assertThatThrownBy(() -> ModelRegistrySQLite.open(dir, RegistrySettings.builder().upgradeSchemaOnOpen(false).build()))
                .isInstanceOf(SchemaUpgradeRequiredException.class).hasMessageContaining("must be adopted");
        assertThat(Files.readAllBytes(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME))).isEqualTo(before);
    }

    private Path copyOfThePythonFixture(String name) throws Exception {
        Path source = Path.of(getClass().getResource("/fixtures/python-sqlite-registry/data/models/registry_sqlite").toURI());
        Path target = Files.createDirectories(tmp.resolve(name));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    /** A registry folder {@code name} whose file has the schema of release 1.0 only. */
    private Path releaseOneZero(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        SQLiteDataSource file = new SQLiteDataSource();
        file.setUrl(RegistryDatabase.sqliteUrl(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        SchemaMigrator.update(file, "changelog/releases/1.0.xml");
        return dir;
    }
}
