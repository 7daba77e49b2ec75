package dev.modelregistry.persistence.schema;

import dev.modelregistry.domain.RegistryUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Serialises the schema changes of one PostgreSQL schema across processes: a session-level
 * advisory lock ({@code pg_advisory_lock(class, hashtext(current_schema()))}) held on a
 * connection of its own while Liquibase runs. The server releases it when that connection
 * ends, so a process killed during an update never leaves it held (unlike Liquibase's
 * {@code DATABASECHANGELOGLOCK} row). Two registries in different schemas of one database do not
 * wait for each other. On servers other than PostgreSQL nothing is locked
 * ({@link #exclusive()} false): Liquibase's own lock is all there is.
 */
final class ServerSchemaLock implements AutoCloseable {

    /** The first key of the two-key advisory lock: this library's schema changes ("MRSC"). */
    static final int LOCK_CLASS = 0x4D525343;

    private final Connection connection;

    private ServerSchemaLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits for, then holds, the schema lock of the data source's current schema. */
    static ServerSchemaLock acquire(DataSource dataSource, String location) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!"postgresql".equals(PackagedChangelog.dbms(connection))) {
                connection.close();
                return new ServerSchemaLock(null);
            }
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_advisory_lock(?, hashtext(current_schema()))")) {
                lock.setInt(1, LOCK_CLASS);
                lock.execute();
            }
            return new ServerSchemaLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new RegistryUnavailableException("cannot take the schema lock of " + location + ": " + e.getMessage(), e);
        }
    }

    /** Whether this process now is the only one changing the schema (false: no such lock on this server). */
    boolean exclusive() {
        return connection != null;
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement unlock = connection.prepareStatement(
                "SELECT pg_advisory_unlock(?, hashtext(current_schema()))")) {
            unlock.setInt(1, LOCK_CLASS);
            unlock.execute();
            closeQuietly(connection);
        } catch (SQLException e) {
            try {
                connection.abort(Runnable::run); // a pooled connection would keep the session, and so the lock
            } catch (SQLException | RuntimeException ignored) {
                // the connection is broken: its session, and the lock, are gone
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session ends with the connection (or the process)
            }
        }
    }
}
