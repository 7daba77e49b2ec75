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
 * timestamps read in the system zone): see {@code RegistryDatabase.upgrade} for another zone.
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
        return open(registryDir, ScoringWeights.DEFAULTS);
    }

    public static ModelRegistry open(Path registryDir, ScoringWeights weights) {
        return open(registryDir, weights, FileSystemArtifactStore.defaultRootFor(registryDir));
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
        RegistryDatabase database = RegistryDatabase.openSqliteReadOnly(registryDir);
        return RegistryBootstrap.wire(database, ScoringWeights.DEFAULTS, FileSystemArtifactStore.defaultRootFor(registryDir),
                FileSystemArtifactStore.sqliteRegistryFiles(registryDir),
                registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME).toString());
    }

    /** @param artifactRoot the only folder under which {@code deleteArtifacts} removes files (R8) */
    public static ModelRegistry open(Path registryDir, ScoringWeights weights, Path artifactRoot) {
        return open(registryDir, weights, artifactRoot, ActiveVersionCache.NONE);
    }

    /** Default weights and artifact root; {@code cache} chooses whether active versions are kept in memory. */
    public static ModelRegistry open(Path registryDir, ActiveVersionCache cache) {
        return open(registryDir, ScoringWeights.DEFAULTS, FileSystemArtifactStore.defaultRootFor(registryDir), cache);
    }

    /** @param cache {@link ActiveVersionCache#IN_PROCESS}: active versions answered from memory, kept coherent by the change feed */
    public static ModelRegistry open(Path registryDir, ScoringWeights weights, Path artifactRoot, ActiveVersionCache cache) {
        RegistryDatabase database = RegistryDatabase.openSqlite(registryDir);
        return RegistryBootstrap.wire(database, weights, artifactRoot,
                FileSystemArtifactStore.sqliteRegistryFiles(registryDir), registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME).toString(),
                cache);
    }
}
