package dev.modelregistry.app;

import dev.modelregistry.domain.scoring.ScoringWeights;
import dev.modelregistry.persistence.RegistryDatabase;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a registry on a database server (PostgreSQL) by JDBC URL, with the same schema
 * (brought up to date by Liquibase on open) and the same mappings as the SQLite registry.
 */
public final class ModelRegistryJdbc {

    /** Where artifacts live by the platform's convention, relative to the working directory. */
    public static final Path DEFAULT_ARTIFACT_ROOT = Path.of("data/models");

    private ModelRegistryJdbc() {
    }

    public static ModelRegistry open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, ScoringWeights.DEFAULTS, DEFAULT_ARTIFACT_ROOT);
    }

    /**
     * Opens a registry on a server for reading only: read-only sessions, no Liquibase run;
     * every change through it throws {@link dev.modelregistry.domain.ReadOnlyRegistryException}.
     *
     * @throws dev.modelregistry.domain.SchemaUpgradeRequiredException an empty database or an older schema
     */
    public static ModelRegistry openReadOnly(String jdbcUrl, String user, String password) {
        RegistryDatabase database = RegistryDatabase.openJdbcReadOnly(jdbcUrl, user, password);
        return RegistryBootstrap.wire(database, ScoringWeights.DEFAULTS, DEFAULT_ARTIFACT_ROOT, List.of(), database.jdbcUrl());
    }

    /** @param artifactRoot the only folder under which {@code deleteArtifacts} removes files (R8) */
    public static ModelRegistry open(String jdbcUrl, String user, String password, ScoringWeights weights,
                                     Path artifactRoot) {
        return open(jdbcUrl, user, password, weights, artifactRoot, ActiveVersionCache.NONE);
    }

    /** @param cache {@link ActiveVersionCache#IN_PROCESS}: active versions answered from memory, kept coherent by the change feed */
    public static ModelRegistry open(String jdbcUrl, String user, String password, ScoringWeights weights,
                                     Path artifactRoot, ActiveVersionCache cache) {
        RegistryDatabase database = RegistryDatabase.openJdbc(jdbcUrl, user, password);
        return RegistryBootstrap.wire(database, weights, artifactRoot, List.of(), database.jdbcUrl(), cache);
    }
}
