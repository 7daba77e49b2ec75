package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.persistence.format.UtcText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The read side's connections: a few long-lived connections taken from a {@link DataSource}
 * (read-only SQLite connections to the file, or connections of the server pool), each keeping
 * the statements it has prepared ({@link ReadConnection#prepare}), so that a query pays its
 * preparation once per connection, not once per call. Connections are in autocommit: every
 * query sees what was committed before it started, by this process or another.
 *
 * <p>At most {@code maxConnections} are open; a caller waits for a free one beyond that. A
 * connection that breaks (a restarted server) is closed and replaced once per call. Failures
 * are reported as {@link RegistryUnavailableException} naming the database.
 */
public final class ReadConnections implements AutoCloseable {

    /** Work done on one borrowed connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(ReadConnection connection) throws SQLException;
    }

    private final DataSource source;
    private final String location;
    private final int maxConnections;
    private final BlockingQueue<ReadConnection> idle;
    private final AtomicInteger opened = new AtomicInteger();
    private final List<ReadConnection> all = new ArrayList<>();
    private final SqlDialect dialect;
    private final boolean textAsUtf8Bytes;
    private volatile boolean closed;

    private ReadConnections(DataSource source, String location, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        this.source = source;
        this.location = location;
        this.maxConnections = maxConnections;
        this.idle = new ArrayBlockingQueue<>(maxConnections);
        this.dialect = read(connection -> SqlDialect.of(connection.connection()));
        this.textAsUtf8Bytes = dialect == SqlDialect.SQLITE && read(ReadConnections::storesUtf8);
    }

    /** Whether the SQLite file stores text as UTF-8 (fixed when the file is created: the registry and Python's sqlite3 create UTF-8 files). */
    private static boolean storesUtf8(ReadConnection connection) throws SQLException {
        try (var statement = connection.connection().createStatement();
             ResultSet row = statement.executeQuery("PRAGMA encoding")) {
            return row.next() && "UTF-8".equalsIgnoreCase(row.getString(1));
        }
    }

    /**
     * @param location shown in error messages (a file, or a URL without secrets)
     * @throws RegistryUnavailableException when no connection can be opened
     */
    public static ReadConnections over(DataSource source, String location, int maxConnections) {
        return new ReadConnections(source, location, maxConnections);
    }

    /** The database engine behind the connections. */
    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Whether text columns are read as their stored UTF-8 bytes ({@code getBytes}, decoded here)
     * rather than by {@code getString}: on a SQLite file stored in UTF-8, where both give the
     * same string and sqlite-jdbc's {@code getString} costs a direct buffer and a second copy
     * per value. PostgreSQL, and a SQLite file in UTF-16, read by {@code getString}.
     */
    public boolean readsTextAsUtf8Bytes() {
        return textAsUtf8Bytes;
    }

    /** The database, for messages. */
    public String location() {
        return location;
    }

    /** Runs {@code work} on a borrowed connection, retrying once on a fresh connection when the borrowed one broke. */
    public <T> T read(Work<T> work) {
        ReadConnection connection = borrow();
        try {
            T result = work.apply(connection);
            release(connection);
            return result;
        } catch (SQLException first) {
            if (!isBroken(connection)) {
                release(connection);
                throw unavailable(first);
            }
            discard(connection);
            ReadConnection fresh = borrow();
            try {
                T result = work.apply(fresh);
                release(fresh);
                return result;
            } catch (SQLException second) {
                discard(fresh);
                throw unavailable(second);
            } catch (RuntimeException e) {
                release(fresh);
                throw e;
            }
        } catch (RuntimeException e) {
            release(connection);
            throw e;
        }
    }

    private ReadConnection borrow() {
        if (closed) {
            throw new RegistryUnavailableException("the registry at " + location + " is closed", null);
        }
        ReadConnection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        if (opened.incrementAndGet() <= maxConnections) {
            try {
                Connection borrowed = source.getConnection();
                // a host's pool may hand out connections outside autocommit: a read connection
                // kept idle in a transaction would hold back the server's cleanup
                if (!borrowed.getAutoCommit()) {
                    borrowed.setAutoCommit(true);
                }
                ReadConnection fresh = new ReadConnection(borrowed);
                synchronized (all) {
                    all.add(fresh);
                }
                return fresh;
            } catch (SQLException | RuntimeException e) {
                opened.decrementAndGet();
                throw new RegistryUnavailableException("cannot connect to " + location + ": " + e.getMessage(), e);
            }
        }
        opened.decrementAndGet();
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting for a connection to " + location, e);
        }
    }

    private void release(ReadConnection connection) {
        if (closed) {
            connection.close();
        } else {
            idle.offer(connection);
        }
    }

    private void discard(ReadConnection connection) {
        connection.close();
        synchronized (all) {
            all.remove(connection);
        }
        opened.decrementAndGet();
    }

    private static boolean isBroken(ReadConnection connection) {
        try {
            return !connection.connection().isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private RegistryUnavailableException unavailable(SQLException e) {
        return new RegistryUnavailableException("cannot read the registry at " + location + ": " + e.getMessage(), e);
    }

    /** Closes every connection; calls after this fail with {@link RegistryUnavailableException}. */
    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            all.forEach(ReadConnection::close);
            all.clear();
        }
        idle.clear();
    }

    /** The engines the read models speak to. */
    public enum SqlDialect {
        SQLITE, POSTGRESQL;

        static SqlDialect of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("sqlite")) {
                return SQLITE;
            }
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new SQLException("the read models support SQLite and PostgreSQL, not " + product);
        }

        /**
         * SQLite: {@code INDEXED BY} the index a statement is planned for (SQLite has no
         * statistics to choose by); PostgreSQL plans by its statistics: nothing.
         */
        public String indexedBy(String index) {
            return this == SQLITE ? " INDEXED BY " + index : "";
        }

        /**
         * A scalar subquery: the aliases of the version {@code versionColumn} names, as one
         * comma-separated text in no particular order (SQL null without any).
         */
        String aliasesOfVersion(String versionColumn) {
            String aggregate = this == SQLITE ? "group_concat(a.alias, ',')" : "string_agg(a.alias, ',')";
            return "(SELECT " + aggregate + " FROM model_aliases a WHERE a.version_id = " + versionColumn + ")";
        }

        /**
         * An instant column as the aggregate's mapping stores it: UTC text with microseconds on
         * SQLite ({@link UtcText}), {@code timestamp with time zone} on PostgreSQL; SQL null is null.
         */
        public Instant instant(ResultSet row, int column) throws SQLException {
            if (this == SQLITE) {
                String text = row.getString(column);
                return text == null ? null : UtcText.parse(text);
            }
            OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }
}
