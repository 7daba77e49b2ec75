package dev.modelregistry.persistence.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands out the change feed's cursors in the writing transaction, just before it commits: the
 * history rows this transaction recorded (the only rows without a cursor: every committed row
 * has one) are numbered after the counter {@code activation_feed.last_cursor}, which the same
 * statement advances. Its row lock is held until the commit, so two transactions that record
 * changes commit in cursor order (PostgreSQL; SQLite has one writer at a time): a reader never
 * sees cursor {@code n + 1} committed while {@code n} is still to come. On PostgreSQL the
 * transaction also sends {@code NOTIFY} on {@link #CHANNEL}, delivered at commit.
 * A transaction that changed no active version runs one indexed query and locks nothing.
 */
public final class ActivationCursors {

    /** The PostgreSQL notification channel a transaction that recorded changes notifies (payload: the schema). */
    public static final String CHANNEL = "model_registry_feed";

    private static final String PENDING = "SELECT h.change_id, m.sensor_id, m.model_type FROM activation_history h"
            + " JOIN models m ON m.model_id = h.model_id WHERE h.feed_cursor IS NULL"
            + " ORDER BY h.changed_at, h.model_id, h.sequence_no";
    private static final String ADVANCE = "UPDATE activation_feed SET last_cursor = last_cursor + ? WHERE id = 1"
            + " RETURNING last_cursor";
    private static final String NUMBER = "UPDATE activation_history SET feed_cursor = ? WHERE change_id = ?";
    private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', current_schema())";

    private ActivationCursors() {
    }

    /** Numbers this transaction's new history rows; returns the models they belong to (empty: nothing recorded). */
    static Set<ChangedModel> assign(Connection connection, boolean notify) throws SQLException {
        List<String> pending = new ArrayList<>();
        Set<ChangedModel> models = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement(PENDING); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                pending.add(rows.getString(1));
                models.add(new ChangedModel(rows.getString(2), rows.getString(3)));
            }
        }
        if (pending.isEmpty()) {
            return Set.of();
        }
        long last;
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            advance.setLong(1, pending.size());
            try (ResultSet row = advance.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the change feed's counter row (activation_feed, id 1) is missing");
                }
                last = row.getLong(1);
            }
        }
        try (PreparedStatement number = connection.prepareStatement(NUMBER)) {
            long cursor = last - pending.size();
            for (String changeId : pending) {
                number.setLong(1, ++cursor);
                number.setString(2, changeId);
                number.addBatch();
            }
            number.executeBatch();
        }
        if (notify) {
            try (PreparedStatement send = connection.prepareStatement(NOTIFY)) {
                send.execute();
            }
        }
        return models;
    }
}
