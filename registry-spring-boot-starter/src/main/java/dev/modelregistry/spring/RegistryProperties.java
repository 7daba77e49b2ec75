package dev.modelregistry.spring;

import dev.modelregistry.app.ActiveVersionCache;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Path;
import java.util.Optional;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code registry.*} properties (README, "Spring Boot"): where the registry lives and how it
 * is opened. Bound once at start-up; values the registry refuses (a bad schema name, weights
 * outside their ranges) fail the start with a message naming the property's setting.
 *
 * @param sqlite              the embedded SQLite registry: used when its path is set, or when the
 *                            application has no DataSource
 * @param schema              the database schema for the registry's tables on PostgreSQL (created
 *                            if missing); unset: the connection's current schema
 * @param changelogTable      Liquibase's changelog table for the registry's changesets
 * @param changelogLockTable  Liquibase's lock table for the registry's changesets
 * @param artifactRoot        the only folder under which deleting a version may delete its files;
 *                            unset: the SQLite registry folder's parent, or data/models
 * @param upgradeSchemaOnOpen whether opening brings the schema up to date; off: a schema that is
 *                            behind fails the start, naming the pending changesets
 * @param legacyTimezone      the zone in which a Python-written SQLite database's naive timestamps
 *                            are read when it is adopted; unset: the system zone
 * @param activeVersionCache  in-process: active versions answered from memory, kept
 *                            coherent by the change feed
 * @param defaultActor        who a promotion, delete or alias change made without a change note is
 *                            recorded as made by (1 to 128 visible characters)
 * @param scoring             the weights of the performance score
 * @param events              the change feed as Spring application events
 * @param metrics             the Micrometer metrics
 */
@ConfigurationProperties("registry")
public record RegistryProperties(Sqlite sqlite, String schema,
                                 @DefaultValue("DATABASECHANGELOG") String changelogTable,
                                 @DefaultValue("DATABASECHANGELOGLOCK") String changelogLockTable,
                                 Path artifactRoot,
                                 @DefaultValue("true") boolean upgradeSchemaOnOpen,
                                 ZoneId legacyTimezone,
                                 @DefaultValue("NONE") ActiveVersionCache activeVersionCache,
                                 @DefaultValue(RegistrySettings.DEFAULT_ACTOR) String defaultActor,
                                 @DefaultValue Scoring scoring,
                                 @DefaultValue Events events,
                                 @DefaultValue Metrics metrics) {

    /** Where the embedded registry lives when the application has no {@code DataSource} and sets no path. */
    public static final Path DEFAULT_SQLITE_PATH = Path.of("data/models/registry_sqlite");

    /**
     * The settings the registry is opened with; a value the registry refuses throws
     * {@link IllegalArgumentException} naming the setting (or the weight) and the value.
     */
    public RegistrySettings settings() {
        RegistrySettings.Builder settings = RegistrySettings.builder().changelogTable(changelogTable)
                .changelogLockTable(changelogLockTable).upgradeSchemaOnOpen(upgradeSchemaOnOpen)
                .activeVersionCache(activeVersionCache).defaultActor(defaultActor).scoringWeights(scoring.weights());
        if (schema != null) {
            settings.schema(schema);
        }
        if (artifactRoot != null) {
            settings.artifactRoot(artifactRoot);
        }
        if (legacyTimezone != null) {
            settings.legacyTimezone(legacyTimezone);
        }
        return settings.build();
    }

    /** The embedded registry's folder when {@code registry.sqlite.path} is set. */
    public Optional<Path> sqlitePath() {
        return Optional.ofNullable(sqlite).map(Sqlite::path);
    }

    /** @param path the registry folder (the database is path/model_registry.db); set: the registry is embedded there */
    public record Sqlite(Path path) {
    }

    /**
     * The score's weights ({@link ScoringWeights}).
     *
     * @param r2Weight   weight of the clipped r2 score
     * @param mapeWeight weight of max(0, 1 - mape/100)
     * @param anomalyMin lower end of the ideal anomaly-rate band
     * @param anomalyMax upper end of the ideal anomaly-rate band
     */
    public record Scoring(@DefaultValue("0.7") double r2Weight, @DefaultValue("0.3") double mapeWeight,
                          @DefaultValue("0.01") double anomalyMin, @DefaultValue("0.1") double anomalyMax) {

        ScoringWeights weights() {
            return new ScoringWeights(r2Weight, mapeWeight, anomalyMin, anomalyMax);
        }
    }

    /** @param enabled whether every change of an active version is published as an ActivationEvent application event */
    public record Events(@DefaultValue("true") boolean enabled) {
    }

    /** @param enabled whether the registry.* meters are recorded when the application has a MeterRegistry */
    public record Metrics(@DefaultValue("true") boolean enabled) {
    }
}
