package dev.modelregistry.app;

import dev.modelregistry.domain.scoring.ScoringWeights;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.SchemaStatus;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/**
 * Opens a registry on a database server (PostgreSQL), with the same schema (brought up to date
 * by Liquibase on open unless {@link RegistrySettings#upgradeSchemaOnOpen()} is off) and the same
 * mappings as the SQLite registry: on the host's own {@link DataSource} (README, "Embedding"),
 * or on a pool of its own built from a JDBC URL.
 *
 * <pre>{@code
 * ModelRegistry registry = ModelRegistryJdbc.open(hostDataSource,
 *         RegistrySettings.builder().schema("model_registry").build());
 * }</pre>
 */
public final class ModelRegistryJdbc {

    /** Where artifacts live by the platform's convention, relative to the working directory. */
    public static final Path DEFAULT_ARTIFACT_ROOT = Path.of("data/models");

    private ModelRegistryJdbc() {
    }

    /**
     * Opens a registry on the host's data source: the registry borrows its connections and gives
     * each back (with the host's {@code search_path} when a schema is set); closing the registry
     * never closes the data source. It keeps up to two connections for its reads while open and
     * one more while the change feed has subscribers (size the pool for that).
     *
     * @throws IllegalArgumentException a SQLite data source (use {@link ModelRegistrySQLite#open(Path, RegistrySettings)})
     * @throws dev.modelregistry.domain.SchemaUpgradeRequiredException upgrades on open are off and the schema is
     *         missing or behind: the message names the pending changesets and the command to run
     */
    public static ModelRegistry open(DataSource dataSource, RegistrySettings settings) {
        return wire(RegistryDatabase.openJdbc(dataSource, settings.databaseOptions()), settings);
    }

    /**
     * Where the registry's schema on the host's data source stands against the packaged
     * changelog, with the settings' schema and changelog tables, read without writing anything
     * (for a health check or a deployment step): a missing schema has every changeset pending.
     */
    public static SchemaStatus schemaStatus(DataSource dataSource, RegistrySettings settings) {
        return RegistryDatabase.schemaStatus(dataSource, settings.databaseOptions());
    }

    /** As {@link #open(DataSource, RegistrySettings)}, on a pool of the registry's own (closed with it). */
    public static ModelRegistry open(String jdbcUrl, String user, String password, RegistrySettings settings) {
        return wire(RegistryDatabase.openJdbc(jdbcUrl, user, password, settings.databaseOptions()), settings);
    }

    public static ModelRegistry open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, RegistrySettings.defaults());
    }

    /**
     * Opens a registry on a server for reading only: read-only sessions, no Liquibase run;
     * every change through it throws {@link dev.modelregistry.domain.ReadOnlyRegistryException}.
     *
     * @throws dev.modelregistry.domain.SchemaUpgradeRequiredException an empty database or an older schema
     */
    public static ModelRegistry openReadOnly(String jdbcUrl, String user, String password) {
        return openReadOnly(jdbcUrl, user, password, RegistrySettings.defaults());
    }

    /**
     * As {@link #openReadOnly(String, String, String)}, with {@code settings}: the registry read
     * in their schema with their changelog tables (a missing schema is refused, never created),
     * their scoring weights, artifact root and cache of active versions; a read-only registry
     * never upgrades, whatever {@link RegistrySettings#upgradeSchemaOnOpen()} says.
     *
     * @throws dev.modelregistry.domain.SchemaUpgradeRequiredException a missing or empty schema, or an older one
     */
    public static ModelRegistry openReadOnly(String jdbcUrl, String user, String password, RegistrySettings settings) {
        return wire(RegistryDatabase.openJdbcReadOnly(jdbcUrl, user, password, settings.databaseOptions()), settings);
    }

    /**
     * @param artifactRoot the only folder under which {@code deleteArtifacts} removes files (R8)
     * @deprecated use {@link #open(String, String, String, RegistrySettings)}
     */
    @Deprecated(since = "0.1.0")
    public static ModelRegistry open(String jdbcUrl, String user, String password, ScoringWeights weights,
                                     Path artifactRoot) {
        return open(jdbcUrl, user, password, RegistrySettings.builder().scoringWeights(weights).artifactRoot(artifactRoot)
                .build());
    }

    /**
     * @param cache {@link ActiveVersionCache#IN_PROCESS}: active versions answered from memory, kept coherent by the change feed
     * @deprecated use {@link #open(String, String, String, RegistrySettings)}
     */
    @Deprecated(since = "0.1.0")
    public static ModelRegistry open(String jdbcUrl, String user, String password, ScoringWeights weights,
                                     Path artifactRoot, ActiveVersionCache cache) {
        return open(jdbcUrl, user, password, RegistrySettings.builder().scoringWeights(weights).artifactRoot(artifactRoot)
                .activeVersionCache(cache).build());
    }

    private static ModelRegistry wire(RegistryDatabase database, RegistrySettings settings) {
        try {
            return RegistryBootstrap.wire(database, settings.artifactRoot().orElse(DEFAULT_ARTIFACT_ROOT), List.of(),
                    database.jdbcUrl(), settings);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
