package dev.modelregistry.persistence;

import dev.modelregistry.persistence.pool.QuietPool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Injects SQLite faults into a registry database, portably (no root, no special file system):
 * every connection of the registry's pool is made here, gets the current faults when it is
 * made, and again whenever they change.
 * <ul>
 *   <li>{@link #fillDisk(int)}: {@code PRAGMA max_page_count}, the file may grow by that many
 *       pages more; a write that needs another page fails with {@code SQLITE_FULL}, exactly as
 *       on a full disk ("database or disk is full");</li>
 *   <li>{@link #readOnly()}: {@code PRAGMA query_only}, every write fails with {@code SQLITE_READONLY};</li>
 *   <li>{@link #corruptPages()} / {@link #overwriteHeader()}: garbage over the file's pages (reads
 *       fail with {@code SQLITE_CORRUPT}) or over its header (no connection opens: {@code SQLITE_NOTADB}).</li>
 * </ul>
 * The pool waits at most {@link #CONNECTION_TIMEOUT} for a connection, so a file that no
 * connection can open fails each call quickly.
 */
public final class SqliteFaults implements AutoCloseable {

    public static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);

    private final Path file;
    private final List<Connection> connections = new ArrayList<>(); // guarded by itself
    private final RegistryDatabase database;
    private volatile Long maxPageCount;
    private volatile Long defaultMaxPageCount;
    private volatile boolean queryOnly;

    private SqliteFaults(Path registryDir) {
        this.file = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME).toAbsolutePath();
        this.database = RegistryDatabase.openSqlite(registryDir, Map.of(), pool -> {
            pool.setDataSource(new FaultyConnections(pool.getJdbcUrl()));
            pool.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        });
    }

    /** Opens (creating it if needed) the registry database in {@code registryDir}, no fault yet. */
    public static SqliteFaults open(Path registryDir) {
        return new SqliteFaults(registryDir);
    }

    public RegistryDatabase database() {
        return database;
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** A plain connection of its own to the database file (no fault injected), for checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** A connection from the registry's own pool (the one its units of work use), for checks. */
    public Connection pooledConnection() throws SQLException {
        return database.dataSource().getConnection();
    }

    /** Every row of the registry's tables, as text: equal before and after means nothing was written. */
    public String rows() {
        return rowsOf(file);
    }

    /** {@link #rows()} of any registry database file. */
    public static String rowsOf(Path databaseFile) {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            for (String table : List.of("models", "versions", "data_lineage", "activation_history")) {
                try (ResultSet rows = statement.executeQuery("select * from " + table + " order by 1")) {
                    int columns = rows.getMetaData().getColumnCount();
                    text.append(table).append('\n');
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            text.append(rows.getString(c)).append('|');
                        }
                        text.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the registry's rows: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** Pages the database file has now. */
    public long pageCount() {
        return queryLong("pragma page_count");
    }

    /** The file may grow by {@code sparePages} pages more (0: full now); then writes fail with SQLITE_FULL. */
    public void fillDisk(int sparePages) {
        maxPageCount = pageCount() + sparePages;
        applyToAll();
    }

    /** Frees the disk: the file may grow again. */
    public void freeDisk() {
        maxPageCount = null;
        applyToAll();
    }

    /** Every write fails with SQLITE_READONLY from now on. */
    public void readOnly() {
        queryOnly = true;
        applyToAll();
    }

    /**
     * Garbage over every page but the first (the header stays valid, so connections open; the
     * tables and indexes do not read), and every pooled connection is replaced (no page cached).
     */
    public void corruptPages() {
        checkpoint();
        overwrite(4096, Long.MAX_VALUE);
    }

    /** Garbage over the file's header: no connection opens any more ("file is not a database"). */
    public void overwriteHeader() {
        checkpoint();
        overwrite(0, 100);
    }

    private void checkpoint() {
        queryLong("pragma wal_checkpoint(TRUNCATE)");
    }

    private void overwrite(long from, long length) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long end = Math.min(channel.size(), from + Math.min(length, channel.size()));
            byte[] garbage = new byte[(int) Math.max(0, end - from)];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = (byte) (0xA5 ^ i);
            }
            channel.write(ByteBuffer.wrap(garbage), from);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((QuietPool) database.dataSource()).softEvictConnections();
    }

    private long queryLong(String sql) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void applyToAll() {
        synchronized (connections) {
            // a connection the pool has closed, or closes meanwhile (its closer thread drops evicted
            // ones), is out of the pool: skipped; new connections get the faults when they are made
            connections.removeIf(connection -> closed(connection) || !apply(connection));
        }
    }

    /** Gives the connection the current faults; false when it was closed (by the pool) under way. */
    private boolean apply(Connection connection) {
        try {
            applyOrThrow(connection);
            return true;
        } catch (IllegalStateException e) {
            if (closed(connection)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void applyOrThrow(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            if (defaultMaxPageCount == null) {
                try (ResultSet row = statement.executeQuery("pragma max_page_count")) {
                    row.next();
                    defaultMaxPageCount = row.getLong(1);
                }
            }
            statement.execute("pragma max_page_count = " + (maxPageCount == null ? defaultMaxPageCount : maxPageCount));
            statement.execute("pragma query_only = " + queryOnly);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inject the fault: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        database.close();
    }

    /** The pool's connections: made by the driver, then given the current faults. */
    private final class FaultyConnections implements DataSource {

        private final String url;

        FaultyConnections(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = DriverManager.getConnection(url);
            synchronized (connections) {
                apply(connection);
                connections.add(connection);
            }
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
