package dev.modelregistry.app;

import dev.modelregistry.app.artifact.FileSystemArtifactStore;
import dev.modelregistry.domain.scoring.ScoringWeights;
import dev.modelregistry.persistence.RegistryDatabase;
import java.nio.file.Path;

/**
 * Opens a registry kept in an embedded SQLite database: {@code <registryDir>/model_registry.db},
 * created if absent and brought to the latest schema by Liquibase on open. A file written by
 * the Python {@code ModelRegistrySQLite} is adopted on open (verified backup
 * {@code model_registry.db.bak-YYYYMMDD_HHMMSS}, shape check, repairs; its naive local
 * timestamps read in {@link RegistrySettings#legacyTimezone()}, by default the system zone).
 *
 * <pre>{@code
 * try (ModelRegistry registry = ModelRegistrySQLite.open(Path.of("data/models/registry_sqlite"))) {
 *     String versionId = registry.registerModel(registration);
 * }
 * }</pre>
 */
public final class ModelRegistrySQLite {

    private ModelRegistrySQLite() {
    }

    /** Default scoring weights; artifacts may be deleted only inside the registry folder's parent. */
    public static ModelRegistry open(Path registryDir) {
        return open(registryDir, RegistrySettings.defaults());
    }

    public static ModelRegistry open(Path registryDir, ScoringWeights weights) {
        return open(registryDir, RegistrySettings.builder().scoringWeights(weights).build());
    }

    /**
     * Opens the registry in {@code registryDir} with {@code settings}: weights, artifact root
     * (default: the folder's parent), cache, the zone for adopting a Python-written file and
     * whether opening may create, adopt or upgrade (off: a missing file or an older schema is
     * refused, naming the pending changesets). A schema or changelog table names other than the
     * defaults are refused: they apply to PostgreSQL.
     *
     * @throws IllegalArgumentException a schema or changelog table names other than the defaults
     */
    public static ModelRegistry open(Path registryDir, RegistrySettings settings) {
        return wire(registryDir, RegistryDatabase.openSqlite(registryDir, settings.databaseOptions()), settings);
    }

    /** The registry over the database of {@code registryDir} with {@code settings}; the database closed if that fails. */
    private static ModelRegistry wire(Path registryDir, RegistryDatabase database, RegistrySettings settings) {
        try {
            return RegistryBootstrap.wire(database,
                    settings.artifactRoot().orElseGet(() -> FileSystemArtifactStore.defaultRootFor(registryDir)),
                    FileSystemArtifactStore.sqliteRegistryFiles(registryDir),
                    registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME).toString(), settings);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Opens an existing registry for reading only: nothing is created, upgraded, adopted or
     * written (the file is opened read-only, so a file without write permission can be read);
     * every change through it throws {@link dev.modelregistry.domain.ReadOnlyRegistryException}.
     *
     * @throws dev.modelregistry.domain.RegistryNotFoundException      no file, or an empty one
     * @throws dev.modelregistry.domain.SchemaUpgradeRequiredException the schema needs {@code registry db upgrade}
     */
    public static ModelRegistry openReadOnly(Path registryDir) {
        return openReadOnly(registryDir, RegistrySettings.defaults());
    }

    /**
     * As {@link #openReadOnly(Path)}, with {@code settings}: their scoring weights (for the
     * scores a read computes), artifact root and cache of active versions. A read-only registry
     * never upgrades or adopts, whatever {@link RegistrySettings#upgradeSchemaOnOpen()} says;
     * a schema or changelog table names other than the defaults are refused, as by
     * {@link #open(Path, RegistrySettings)}.
     *
     * @throws IllegalArgumentException a schema or changelog table names other than the defaults
     */
    public static ModelRegistry openReadOnly(Path registryDir, RegistrySettings settings) {
        return wire(registryDir, RegistryDatabase.openSqliteReadOnly(registryDir, settings.databaseOptions()), settings);
    }

    /**
     * @param artifactRoot the only folder under which {@code deleteArtifacts} removes files (R8)
     * @deprecated use {@link #open(Path, RegistrySettings)}
     */
    @Deprecated(since = "0.1.0")
    public static ModelRegistry open(Path registryDir, ScoringWeights weights, Path artifactRoot) {
        return open(registryDir, RegistrySettings.builder().scoringWeights(weights).artifactRoot(artifactRoot).build());
    }

    /**
     * Default weights and artifact root; {@code cache} chooses whether active versions are kept in memory.
     *
     * @deprecated use {@link #open(Path, RegistrySettings)}
     */
    @Deprecated(since = "0.1.0")
    public static ModelRegistry open(Path registryDir, ActiveVersionCache cache) {
        return open(registryDir, RegistrySettings.builder().activeVersionCache(cache).build());
    }

    /**
     * @param cache {@link ActiveVersionCache#IN_PROCESS}: active versions answered from memory, kept coherent by the change feed
     * @deprecated use {@link #open(Path, RegistrySettings)}
     */
    @Deprecated(since = "0.1.0")
    public static ModelRegistry open(Path registryDir, ScoringWeights weights, Path artifactRoot, ActiveVersionCache cache) {
        return open(registryDir, RegistrySettings.builder().scoringWeights(weights).artifactRoot(artifactRoot)
                .activeVersionCache(cache).build());
    }
}
