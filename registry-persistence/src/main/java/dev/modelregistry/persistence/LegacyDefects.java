package dev.modelregistry.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * What is wrong in a registry database written by the Python {@code ModelRegistrySQLite}, by
 * defect, as counted before an upgrade (what it will repair) or after it (all zero but
 * {@link #versionsWithoutModel}, which the upgrade refuses rather than repairs).
 *
 * @param models                        models in the file
 * @param versions                      versions in the file
 * @param modelsWithSeveralActiveFlags  models with more than one version flagged {@code is_active}
 * @param danglingActiveVersions        models whose {@code active_version} names no version of theirs
 *                                      (force-deleted): the best remaining version is re-elected (REELECTED)
 * @param modelsWithoutActiveVersion    models with versions but no {@code active_version}: re-elected too
 * @param misflaggedVersions            versions whose {@code is_active} flag disagrees with
 *                                      {@code models.active_version}
 * @param orphanedLineageRows           {@code data_lineage} rows whose version is gone: deleted
 * @param naiveLocalTimestamps          Python isoformat local times (read in the operator's zone)
 * @param utcTextTimestamps             SQLite {@code CURRENT_TIMESTAMP} texts (UTC)
 * @param otherZonedTimestamps          other ISO-8601 texts with an offset
 * @param unreadableTimestamps          texts that are no timestamp: the upgrade stops on them
 * @param modelsWithoutHistory          models that will get their first history entry (MIGRATED or REELECTED)
 * @param versionsWithoutModel          versions whose model row is gone: not repaired, the upgrade stops
 */
public record LegacyDefects(int models, int versions, int modelsWithSeveralActiveFlags, int danglingActiveVersions,
                            int modelsWithoutActiveVersion, int misflaggedVersions, int orphanedLineageRows,
                            int naiveLocalTimestamps, int utcTextTimestamps, int otherZonedTimestamps,
                            int unreadableTimestamps, int modelsWithoutHistory, int versionsWithoutModel) {

    /** Timestamps not yet in the library's format. */
    public int pythonTimestamps() {
        return naiveLocalTimestamps + utcTextTimestamps + otherZonedTimestamps + unreadableTimestamps;
    }

    /** True when nothing needs repairing. */
    public boolean clean() {
        return modelsWithSeveralActiveFlags == 0 && danglingActiveVersions == 0 && modelsWithoutActiveVersion == 0
                && misflaggedVersions == 0 && orphanedLineageRows == 0 && pythonTimestamps() == 0
                && modelsWithoutHistory == 0 && versionsWithoutModel == 0;
    }

    /** Counts the defects through {@code connection}, reading only. */
    static LegacyDefects count(Connection connection) throws SQLException {
        boolean history = LegacySchemaShape.tableNames(connection).contains("activation_history");
        int[] timestamps = new int[LegacyTimestamps.Kind.values().length];
        for (Map.Entry<String, List<String>> table : NormaliseLegacyTimestamps.COLUMNS.entrySet()) {
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
