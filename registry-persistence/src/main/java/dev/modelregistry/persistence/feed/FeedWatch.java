package dev.modelregistry.persistence.feed;

import dev.modelregistry.persistence.jpa.ActivationCursors;
import dev.modelregistry.persistence.query.ReadConnections.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * How the feed thread learns that another connection may have committed a change, on a dedicated
 * connection of its own (never one of the pool): SQLite by {@code PRAGMA data_version} (it changes
 * when any other connection, of this process or another, commits to the file), PostgreSQL by
 * {@code LISTEN} on {@link ActivationCursors#CHANNEL} (the writing transaction sends {@code NOTIFY};
 * every wait also ends in a read, so a lost notification or connection loses nothing).
 */
abstract class FeedWatch implements AutoCloseable {

    final Connection connection;
    final SqlDialect dialect;
    private final PreparedStatement changesSince;

    private FeedWatch(Connection connection, SqlDialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        connection.setAutoCommit(true);
        this.changesSince = connection.prepareStatement(FeedRows.CHANGES_SINCE);
    }

    static FeedWatch open(Connection connection, SqlDialect dialect) throws SQLException {
        try {
            return dialect == SqlDialect.SQLITE ? new DataVersion(connection) : new Notifications(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Waits at most {@code millis} for a sign of a change; {@code wakeup} ends the wait early (this process committed). */
    abstract void await(long millis, Wakeup wakeup) throws SQLException;

    /** Whether a commit may have happened since the previous call (the first call answers true). */
    abstract boolean changed() throws SQLException;

    List<FeedChange> changesSince(long cursor, int limit) throws SQLException {
        return FeedRows.changesSince(changesSince, dialect, cursor, limit);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // a broken connection is closed already
        }
    }

    /** SQLite: {@code PRAGMA data_version} polled after each wait. */
    private static final class DataVersion extends FeedWatch {

        private final PreparedStatement version;
        private long last = Long.MIN_VALUE;

        DataVersion(Connection connection) throws SQLException {
            super(connection, SqlDialect.SQLITE);
            this.version = connection.prepareStatement("PRAGMA data_version");
        }

        @Override
        void await(long millis, Wakeup wakeup) {
            wakeup.await(millis);
        }

        @Override
        boolean changed() throws SQLException {
            long now;
            try (ResultSet row = version.executeQuery()) {
                row.next();
                now = row.getLong(1);
            }
            boolean changed = now != last;
            last = now;
            return changed;
        }
    }

    /**
     * PostgreSQL: {@code LISTEN}, and a read after every wait (the fallback poll). A notification
     * carries the writer's schema: one of another registry in the same database (another schema)
     * does not end the wait. On close the connection stops listening before it is closed (a
     * host's pool gets it back without a subscription to the channel).
     */
    private static final class Notifications extends FeedWatch {

        private final PGConnection listening;
        private final String schema;

        Notifications(Connection connection) throws SQLException {
            super(connection, SqlDialect.POSTGRESQL);
            this.listening = connection.unwrap(PGConnection.class);
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + ActivationCursors.CHANNEL);
                try (ResultSet row = listen.executeQuery("SELECT current_schema()")) {
                    row.next();
                    this.schema = row.getString(1);
                }
            }
        }

        @Override
        void await(long millis, Wakeup wakeup) throws SQLException {
            long deadline = System.nanoTime() + Math.max(1, millis) * 1_000_000L;
            for (long left = millis; left > 0; left = (deadline - System.nanoTime()) / 1_000_000L) {
                PGNotification[] received = listening.getNotifications((int) Math.max(1, left));
                if (received == null || received.length == 0) {
                    return;
                }
                for (PGNotification notification : received) {
                    if (java.util.Objects.equals(schema, notification.getParameter())) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() {
            try (Statement unlisten = connection.createStatement()) {
                unlisten.execute("UNLISTEN *");
            } catch (SQLException e) {
                // a broken connection listens no more
            }
            super.close();
        }

        @Override
        boolean changed() {
            return true;
        }
    }
}
