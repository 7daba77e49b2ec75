package dev.modelregistry.persistence.adoption;

import dev.modelregistry.persistence.LegacyDefects;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Counts the {@link LegacyDefects} of a database written by the Python {@code ModelRegistrySQLite}. */
final class LegacyDefectCount {

    private LegacyDefectCount() {
    }

    /** Counts the defects through {@code connection}, reading only. */
    static LegacyDefects count(Connection connection) throws SQLException {
        boolean history = LegacySchemaShape.tableNames(connection).contains("activation_history");
        int[] timestamps = new int[LegacyTimestamps.Kind.values().length];
        for (Map.Entry<String, List<String>> table : LegacyTimestamps.COLUMNS.entrySet()) {
            for (String column : table.getValue()) {
                try (Statement sql = connection.createStatement();
                     ResultSet rows = sql.executeQuery("SELECT " + column + " FROM " + table.getKey()
                             + " WHERE " + column + " IS NOT NULL")) {
                    while (rows.next()) {
                        timestamps[LegacyTimestamps.kind(rows.getString(1)).ordinal()]++;
                    }
                }
            }
        }
        String needsFirstEntry = "(EXISTS (SELECT 1 FROM versions w WHERE w.model_id = m.model_id) OR m.active_version IS NOT NULL)";
        return new LegacyDefects(
                count(connection, "SELECT COUNT(*) FROM models"),
                count(connection, "SELECT COUNT(*) FROM versions"),
                count(connection, "SELECT COUNT(*) FROM (SELECT model_id FROM versions WHERE is_active"
                        + " GROUP BY model_id HAVING COUNT(*) > 1)"),
                count(connection, "SELECT COUNT(*) FROM models m WHERE m.active_version IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM versions a WHERE a.version_id = m.active_version AND a.model_id = m.model_id)"),
                count(connection, "SELECT COUNT(*) FROM models m WHERE m.active_version IS NULL"
                        + " AND EXISTS (SELECT 1 FROM versions w WHERE w.model_id = m.model_id)"),
                count(connection, "SELECT COUNT(*) FROM versions v WHERE (COALESCE(v.is_active, 0) <> 0) <> (EXISTS"
                        + " (SELECT 1 FROM models m WHERE m.model_id = v.model_id AND m.active_version = v.version_id))"),
                count(connection, "SELECT COUNT(*) FROM data_lineage l WHERE NOT EXISTS"
                        + " (SELECT 1 FROM versions v WHERE v.version_id = l.version_id)"),
                timestamps[LegacyTimestamps.Kind.NAIVE_LOCAL.ordinal()],
                timestamps[LegacyTimestamps.Kind.UTC_TEXT.ordinal()],
                timestamps[LegacyTimestamps.Kind.ZONED.ordinal()],
                timestamps[LegacyTimestamps.Kind.UNREADABLE.ordinal()],
                count(connection, "SELECT COUNT(*) FROM models m WHERE " + needsFirstEntry + (history
                        ? " AND NOT EXISTS (SELECT 1 FROM activation_history h WHERE h.model_id = m.model_id)" : "")),
                count(connection, "SELECT COUNT(*) FROM versions v WHERE NOT EXISTS"
                        + " (SELECT 1 FROM models m WHERE m.model_id = v.model_id)"));
    }

    private static int count(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
