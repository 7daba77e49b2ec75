package dev.modelregistry.app;

import dev.modelregistry.domain.InvalidChangeNoteException;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.scoring.ScoringWeights;
import dev.modelregistry.persistence.DatabaseOptions;
import dev.modelregistry.persistence.schema.ChangelogTables;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How a registry is opened ({@link ModelRegistryJdbc#open(javax.sql.DataSource, RegistrySettings)},
 * {@link ModelRegistrySQLite#open(Path, RegistrySettings)}); the table of settings and defaults
 * is in the README ("Settings"). Immutable; every value is checked when {@link Builder#build()}
 * runs, and a bad one fails there with an {@link IllegalArgumentException} naming the setting
 * and the value, before anything is opened.
 *
 * <pre>{@code
 * RegistrySettings settings = RegistrySettings.builder()
 *         .schema("model_registry").scoringWeights(new ScoringWeights(0.6, 0.4, 0.02, 0.08))
 *         .artifactRoot(Path.of("/srv/models")).upgradeSchemaOnOpen(false).build();
 * }</pre>
 *
 * <p>Invariants: the schema and the changelog table names follow the strict identifier rule
 * (letters, digits, underscores, in one case; at most 63 characters); the two table names
 * differ from each other and from the registry's tables; the weights and the cache choice are
 * never null; the default actor is a valid {@link ChangeNote} actor.
 */
public final class RegistrySettings {

    private static final RegistrySettings DEFAULTS = builder().build();

    private final ScoringWeights scoringWeights;
    private final Path artifactRoot;
    private final ActiveVersionCache activeVersionCache;
    private final DatabaseOptions database;
    private final ChangeNote defaultNote;

    /** The actor of the changes made without a note, unless {@link Builder#defaultActor} says otherwise. */
    public static final String DEFAULT_ACTOR = "application";

    private RegistrySettings(Builder builder) {
        this.scoringWeights = builder.scoringWeights;
        this.artifactRoot = builder.artifactRoot;
        this.activeVersionCache = builder.activeVersionCache;
        this.database = new DatabaseOptions(builder.schema,
                new ChangelogTables(builder.changelogTable, builder.changelogLockTable), builder.upgradeSchemaOnOpen,
                builder.legacyTimezone);
        try {
            this.defaultNote = ChangeNote.by(builder.defaultActor);
        } catch (InvalidChangeNoteException e) {
            throw new IllegalArgumentException("defaultActor: " + e.getMessage(), e);
        }
    }

    /** Every setting at its default: the current schema, Liquibase's tables, upgrades on open, default weights. */
    public static RegistrySettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.schema = database.schema();
        builder.changelogTable = database.changelogTables().history();
        builder.changelogLockTable = database.changelogTables().lock();
        builder.scoringWeights = scoringWeights;
        builder.artifactRoot = artifactRoot;
        builder.upgradeSchemaOnOpen = database.upgradeSchemaOnOpen();
        builder.legacyTimezone = database.legacyZone();
        builder.activeVersionCache = activeVersionCache;
        builder.defaultActor = defaultNote.actor();
        return builder;
    }

    /** The PostgreSQL schema of the registry's tables; empty: the connection's current schema. */
    public Optional<String> schema() {
        return Optional.ofNullable(database.schema());
    }

    /** Liquibase's history table for the registry's changelog ({@code DATABASECHANGELOG} by default). */
    public String changelogTable() {
        return database.changelogTables().history();
    }

    /** Liquibase's lock table for the registry's changelog ({@code DATABASECHANGELOGLOCK} by default). */
    public String changelogLockTable() {
        return database.changelogTables().lock();
    }

    public ScoringWeights scoringWeights() {
        return scoringWeights;
    }

    /**
     * The only folder under which {@code deleteArtifacts} removes files; empty: the default of the
     * registry's kind (SQLite: the registry folder's parent; a server: {@code data/models}).
     */
    public Optional<Path> artifactRoot() {
        return Optional.ofNullable(artifactRoot);
    }

    /** Whether opening may create and upgrade the schema (and adopt a Python-written SQLite file). */
    public boolean upgradeSchemaOnOpen() {
        return database.upgradeSchemaOnOpen();
    }

    /** The zone of a Python-written SQLite file's naive timestamps; empty: the system zone. */
    public Optional<ZoneId> legacyTimezone() {
        return Optional.ofNullable(database.legacyZone());
    }

    public ActiveVersionCache activeVersionCache() {
        return activeVersionCache;
    }

    /** Who the changes made without a {@link ChangeNote} are recorded as made by ({@value #DEFAULT_ACTOR} by default). */
    public String defaultActor() {
        return defaultNote.actor();
    }

    /** The note of a change made without one: the default actor, no reason, no reference. */
    public ChangeNote defaultNote() {
        return defaultNote;
    }

    /**
     * The persistence adapter's part of these settings, for code that opens a
     * {@link dev.modelregistry.persistence.RegistryDatabase} itself (the CLI's export and import).
     */
    public DatabaseOptions databaseOptions() {
        return database;
    }

    @Override
    public String toString() {
        return "RegistrySettings[schema=" + schema().orElse("(current)") + ", changelogTable=" + changelogTable()
                + ", changelogLockTable=" + changelogLockTable() + ", scoringWeights=" + scoringWeights
                + ", artifactRoot=" + (artifactRoot == null ? "(default)" : artifactRoot)
                + ", upgradeSchemaOnOpen=" + upgradeSchemaOnOpen() + ", legacyTimezone="
                + legacyTimezone().map(ZoneId::getId).orElse("(system)") + ", activeVersionCache=" + activeVersionCache
                + ", defaultActor=" + defaultNote.actor() + "]";
    }

    /** Collects settings; {@link #build()} checks them all. */
    public static final class Builder {

        private String schema;
        private String changelogTable = ChangelogTables.LIQUIBASE_DEFAULTS.history();
        private String changelogLockTable = ChangelogTables.LIQUIBASE_DEFAULTS.lock();
        private ScoringWeights scoringWeights = ScoringWeights.DEFAULTS;
        private Path artifactRoot;
        private boolean upgradeSchemaOnOpen = true;
        private ZoneId legacyTimezone;
        private ActiveVersionCache activeVersionCache = ActiveVersionCache.NONE;
        private String defaultActor = DEFAULT_ACTOR;

        private Builder() {
        }

        /** The PostgreSQL schema for the registry's tables, created when missing; null: the connection's current schema. */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public Builder changelogTable(String changelogTable) {
            this.changelogTable = changelogTable;
            return this;
        }

        public Builder changelogLockTable(String changelogLockTable) {
            this.changelogLockTable = changelogLockTable;
            return this;
        }

        public Builder scoringWeights(ScoringWeights scoringWeights) {
            this.scoringWeights = Objects.requireNonNull(scoringWeights, "scoringWeights");
            return this;
        }

        /** @param artifactRoot null: the default of the registry's kind */
        public Builder artifactRoot(Path artifactRoot) {
            this.artifactRoot = artifactRoot;
            return this;
        }

        public Builder upgradeSchemaOnOpen(boolean upgradeSchemaOnOpen) {
            this.upgradeSchemaOnOpen = upgradeSchemaOnOpen;
            return this;
        }

        /** @param legacyTimezone null: the system zone */
        public Builder legacyTimezone(ZoneId legacyTimezone) {
            this.legacyTimezone = legacyTimezone;
            return this;
        }

        public Builder activeVersionCache(ActiveVersionCache activeVersionCache) {
            this.activeVersionCache = Objects.requireNonNull(activeVersionCache, "activeVersionCache");
            return this;
        }

        /**
         * Who a promotion, delete or alias change made without a {@link ChangeNote} is recorded as
         * made by (README, "Who and why"): a {@link ChangeNote} actor, 1 to 128 visible characters,
         * trimmed.
         */
        public Builder defaultActor(String defaultActor) {
            this.defaultActor = defaultActor;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting that breaks its rule, and its value */
        public RegistrySettings build() {
            return new RegistrySettings(this);
        }
    }
}
