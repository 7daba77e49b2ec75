package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Since when each model's active version is active, found by searching the activation history
 * (what the details query did before {@code models.active_since} kept it): the time of the latest
 * entry naming the active version; none without an active version.
 */
public final class ActiveSinceByHistory {

    private static final String DISAGREEING = "SELECT m.model_id, m.active_version, m.active_since FROM models m"
            + " WHERE m.active_since IS DISTINCT FROM CASE WHEN m.active_version IS NOT NULL THEN"
            + " (SELECT h.changed_at FROM activation_history h WHERE h.model_id = m.model_id"
            + " AND h.version_id = m.active_version ORDER BY h.sequence_no DESC LIMIT 1) END";

    private ActiveSinceByHistory() {
    }

    /** Every models row of {@code connection}'s database keeps what searching its history gives. */
    public static void assertEveryModelAgrees(Connection connection) throws SQLException {
        List<String> disagreeing = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(DISAGREEING)) {
            while (row.next()) {
                disagreeing.add(row.getString(1) + " (active " + row.getString(2) + ", since " + row.getString(3) + ")");
            }
        }
        assertThat(disagreeing).as("models whose active_since is not their history's").isEmpty();
    }

    /** How many models rows have an active version and know since when: the check above is not vacuous. */
    public static long modelsActiveSinceKnown(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM models WHERE active_version IS NOT NULL AND active_since IS NOT NULL");
    }

    /** How many models rows have an active version. */
    public static long modelsWithAnActiveVersion(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM models WHERE active_version IS NOT NULL");
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
