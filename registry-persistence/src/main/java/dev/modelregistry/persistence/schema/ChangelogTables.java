package dev.modelregistry.persistence.schema;

import java.util.Set;

/**
 * The names of Liquibase's two tables for the registry's changelog: the history of applied
 * changesets and its lock. By default Liquibase's own ({@code DATABASECHANGELOG},
 * {@code DATABASECHANGELOGLOCK}), so existing registries keep their history; a host whose own
 * Liquibase keeps those names in the same schema gives the registry others.
 *
 * <p>Invariants: both follow {@link SqlIdentifier#table}; they differ from each other (compared
 * as PostgreSQL folds them) and from the registry's own tables.
 *
 * @param history the changelog table (Liquibase's {@code databaseChangeLogTableName})
 * @param lock    the lock table (Liquibase's {@code databaseChangeLogLockTableName})
 */
public record ChangelogTables(String history, String lock) {

    /** Tables the registry's changelog creates: a changelog table of the same name would be read as its history. */
    static final Set<String> REGISTRY_TABLES = Set.of("models", "versions", "data_lineage", "activation_history",
            "activation_feed", "version_tags", "version_sources", "model_aliases");

    /** Liquibase's defaults. */
    public static final ChangelogTables LIQUIBASE_DEFAULTS = new ChangelogTables("DATABASECHANGELOG", "DATABASECHANGELOGLOCK");

    public ChangelogTables {
        SqlIdentifier.table("changelogTable", history);
        SqlIdentifier.table("changelogLockTable", lock);
        if (SqlIdentifier.folded(history).equals(SqlIdentifier.folded(lock))) {
            throw new IllegalArgumentException("changelogTable and changelogLockTable must differ, both are '" + history + "'");
        }
        requireNotRegistryTable("changelogTable", history);
        requireNotRegistryTable("changelogLockTable", lock);
    }

    /** Whether these are Liquibase's default names (in any case). */
    public boolean defaults() {
        return SqlIdentifier.folded(history).equals(SqlIdentifier.folded(LIQUIBASE_DEFAULTS.history))
                && SqlIdentifier.folded(lock).equals(SqlIdentifier.folded(LIQUIBASE_DEFAULTS.lock));
    }

    /** The history table's name as the catalog lists it (lower case). */
    String historyName() {
        return SqlIdentifier.folded(history);
    }

    /** The lock table's name as the catalog lists it (lower case). */
    String lockName() {
        return SqlIdentifier.folded(lock);
    }

    private static void requireNotRegistryTable(String setting, String name) {
        if (REGISTRY_TABLES.contains(SqlIdentifier.folded(name))) {
            throw new IllegalArgumentException(setting + " '" + name + "' is one of the registry's own tables");
        }
    }
}
