package dev.modelregistry.persistence;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.domain.SchemaUpgradeRequiredException;
import dev.modelregistry.persistence.schema.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What opening a registry on a host's data source checks first, on one connection of the host
 * (given back at once): that it is a server the registry supports (PostgreSQL; a SQLite registry
 * is opened by its folder), where it is (for messages, without secrets), and that the registry's
 * schema exists: created when missing if opening may change the schema, refused otherwise.
 */
final class HostSchema {

    /** SQLSTATEs of a concurrent {@code CREATE SCHEMA} that won the race: unique_violation, duplicate_schema. */
    private static final java.util.Set<String> CREATED_MEANWHILE = java.util.Set.of("23505", "42P06");

    private HostSchema() {
    }

    /**
     * Where a host's data source puts the registry, and whether its schema exists.
     *
     * @param location the URL without secrets, with the schema when one is set,
     *                 e.g. {@code jdbc:postgresql://db:5432/app (schema model_registry)}
     * @param exists   whether the schema exists (always true without a schema: the current one)
     */
    record Placement(String location, boolean exists) {
    }

    /**
     * Checks the data source and the schema, creating it when missing (if opening may change the schema).
     *
     * @param url the URL to show for the data source, or null: its connections' URL, secrets masked
     * @return the location to show for the registry
     * @throws SchemaUpgradeRequiredException the schema is missing and upgrades on open are off
     */
    static String prepare(DataSource host, DatabaseOptions options, String url) {
        return inspect(host, options, url, true).location();
    }

    /** Checks the data source and whether the schema exists, changing nothing. */
    static Placement inspect(DataSource host, DatabaseOptions options) {
        return inspect(host, options, null);
    }

    /** As {@link #inspect(DataSource, DatabaseOptions)}, showing the data source as {@code url} (null: its connections' URL). */
    static Placement inspect(DataSource host, DatabaseOptions options, String url) {
        return inspect(host, options, url, false);
    }

    private static Placement inspect(DataSource host, DatabaseOptions options, String url, boolean prepare) {
        try (Connection connection = host.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.toLowerCase(Locale.ROOT).contains("sqlite")) {
                throw new SqliteDataSourceException();
            }
            if (url == null) {
                url = Redaction.jdbcUrl(String.valueOf(connection.getMetaData().getURL()));
            }
            String schema = options.schema();
            if (schema == null) {
                return new Placement(url, true);
            }
            String location = url + " (schema " + schema + ")";
            boolean exists = exists(connection, schema);
            if (!exists && prepare) {
                if (!options.upgradeSchemaOnOpen()) {
                    throw new SchemaUpgradeRequiredException(location, "does not exist (upgradeSchemaOnOpen is off)",
                            UpgradeRemedy.server(options));
                }
                create(connection, schema);
                exists = true;
            }
            return new Placement(location, exists);
        } catch (SQLException e) {
            throw new RegistryUnavailableException("cannot read the registry's schema on the host's data source: "
                    + Redaction.text(e.getMessage()), e);
        }
    }

    private static boolean exists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void create(Connection connection, String schema) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifier.quoted(schema));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            if (!CREATED_MEANWHILE.contains(e.getSQLState()) || !exists(connection, schema)) {
                throw e;
            }
        }
    }
}
