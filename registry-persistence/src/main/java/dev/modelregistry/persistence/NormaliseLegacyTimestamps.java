package dev.modelregistry.persistence;

import dev.modelregistry.persistence.adoption.LegacyTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase custom change (changeset {@code 1.1-adopt-normalise-timestamps}, SQLite only):
 * rewrites every timestamp of {@code models}, {@code versions} and {@code data_lineage} that is
 * not yet in the library's format ({@link LegacyTimestamps}). Values already in the library's
 * format are not touched, so on a database written by this library it changes nothing.
 *
 * <p>The zone of naive local times comes from the Liquibase scope attribute
 * {@value #SCOPE_LEGACY_ZONE} (set by {@code RegistryDatabase.upgrade}), else the system
 * property {@value #LEGACY_ZONE_PROPERTY} (for the Liquibase Maven plugin), else the system
 * zone. It is deliberately not a parameter of the changeset: the changeset's checksum must not
 * depend on where it ran.
 *
 * <p>It stays in the root package, beside the entry points, although it belongs to the adoption
 * of Python databases ({@code persistence.adoption}): the released changelog
 * {@code releases/1.1-adopt.xml} names it by this class name, and released changesets never change.
 */
public class NormaliseLegacyTimestamps implements CustomTaskChange {

    /** Liquibase scope attribute holding the legacy zone (a {@link ZoneId} or its id). */
    public static final String SCOPE_LEGACY_ZONE = "dev.modelregistry.legacyZone";
    /** System property naming the legacy zone when Liquibase runs outside the library. */
    public static final String LEGACY_ZONE_PROPERTY = "registry.legacy.timezone";

    private int rewritten;

    @Override
    public void execute(Database database) throws CustomChangeException {
        ZoneId zone = legacyZone();
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            for (Map.Entry<String, List<String>> table : LegacyTimestamps.COLUMNS.entrySet()) {
                for (String column : table.getValue()) {
                    rewritten += normalise(connection, table.getKey(), column, zone);
                }
            }
        } catch (SQLException e) {
            throw new CustomChangeException("cannot normalise the legacy timestamps: " + e.getMessage(), e);
        }
    }

    private static int normalise(Connection connection, String table, String column, ZoneId zone)
            throws SQLException, CustomChangeException {
        int count = 0;
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT rowid, " + column + " FROM " + table
                     + " WHERE " + column + " IS NOT NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE " + table + " SET " + column + " = ? WHERE rowid = ?")) {
            while (rows.next()) {
                String text = rows.getString(2);
                if (LegacyTimestamps.kind(text) == LegacyTimestamps.Kind.LIBRARY) {
                    continue;
                }
                String normalised;
                try {
                    normalised = LegacyTimestamps.normalise(text, zone);
                } catch (IllegalArgumentException e) {
                    throw new CustomChangeException(table + "." + column + " of row " + rows.getLong(1)
                            + " holds '" + text + "', which is no timestamp the upgrade can convert");
                }
                update.setString(1, normalised);
                update.setLong(2, rows.getLong(1));
                update.addBatch();
                count++;
            }
            update.executeBatch();
        }
        return count;
    }

    /** The zone naive legacy times are read in (see the class comment). */
    static ZoneId legacyZone() {
        Object scoped = Scope.getCurrentScope().get(SCOPE_LEGACY_ZONE, Object.class);
        if (scoped instanceof ZoneId zone) {
            return zone;
        }
        String id = scoped != null ? scoped.toString() : System.getProperty(LEGACY_ZONE_PROPERTY);
        if (id == null || id.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + id + "' for legacy timestamps", e);
        }
    }

    @Override
    public String getConfirmationMessage() {
        return rewritten + " legacy timestamp(s) rewritten as UTC text with microseconds";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
