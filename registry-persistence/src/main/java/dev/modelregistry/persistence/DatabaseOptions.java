package dev.modelregistry.persistence;

import dev.modelregistry.persistence.schema.ChangelogTables;
import dev.modelregistry.persistence.schema.SqlIdentifier;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a registry database is opened beyond where it is (README, "Settings"): the PostgreSQL
 * schema of its tables, the names of its Liquibase tables, whether opening may change the
 * schema, and the zone in which a Python-written SQLite file's naive timestamps are read.
 *
 * @param schema              the PostgreSQL schema of the registry's tables (created when missing and
 *                            {@code upgradeSchemaOnOpen}), or null: the connection's current schema
 * @param changelogTables     Liquibase's history and lock tables for the registry's changelog
 * @param upgradeSchemaOnOpen whether opening may run Liquibase (and adopt a Python-written SQLite
 *                            file); when false a schema that is behind is refused, naming what is pending
 * @param legacyZone          the zone of a Python-written file's naive timestamps, or null: the system zone
 */
public record DatabaseOptions(String schema, ChangelogTables changelogTables, boolean upgradeSchemaOnOpen,
                              ZoneId legacyZone) {

    /** The current schema, Liquibase's table names, upgrades on open, the system zone. */
    public static final DatabaseOptions DEFAULTS = new DatabaseOptions(null, ChangelogTables.LIQUIBASE_DEFAULTS, true, null);

    public DatabaseOptions {
        if (schema != null) {
            SqlIdentifier.schema("schema", schema);
        }
        Objects.requireNonNull(changelogTables, "changelogTables");
    }

    /** The zone to read a Python-written file's naive timestamps in. */
    ZoneId legacyZoneOrSystem() {
        return legacyZone == null ? ZoneId.systemDefault() : legacyZone;
    }
}
