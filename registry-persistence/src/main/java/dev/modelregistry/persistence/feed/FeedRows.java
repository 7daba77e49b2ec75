package dev.modelregistry.persistence.feed;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.persistence.query.ReadConnections.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The feed's two queries, run on whichever connection asks (a pooled read connection or the watch's own). */
final class FeedRows {

    /** Changes after a cursor, in cursor order; a row still without a cursor belongs to an uncommitted transaction. */
    static final String CHANGES_SINCE = "SELECT h.feed_cursor, h.model_id, m.sensor_id, m.model_type, h.version_id,"
            + " h.previous_version_id, h.reason, h.changed_at, h.alias, h.actor, h.note_reason,"
            + " h.note_reference FROM activation_history h"
            + " JOIN models m ON m.model_id = h.model_id WHERE h.feed_cursor > ? ORDER BY h.feed_cursor LIMIT ?";

    /** The newest cursor handed out and committed (0 on an empty history). */
    static final String LAST_CURSOR = "SELECT COALESCE(MAX(feed_cursor), 0) FROM activation_history";

    private FeedRows() {
    }

    static List<FeedChange> changesSince(PreparedStatement statement, SqlDialect dialect, long cursor, int limit)
            throws SQLException {
        statement.setLong(1, cursor);
        statement.setInt(2, limit);
        List<FeedChange> changes = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                changes.add(new FeedChange(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), ActivationReason.valueOf(row.getString(7)),
                        dialect.instant(row, 8), row.getString(9),
                        ChangeNote.stored(row.getString(10), row.getString(11), row.getString(12)).orElse(null)));
            }
        }
        return changes;
    }

    static long lastCursor(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
