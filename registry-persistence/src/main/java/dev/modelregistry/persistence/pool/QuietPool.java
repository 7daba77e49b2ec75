package dev.modelregistry.persistence.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A connection pool of the registry's own (SQLite, or a server given by URL): HikariCP's pool,
 * started and shut down without the INFO lines of HikariCP's {@code HikariDataSource}
 * ({@code Starting...}, {@code Start completed.}, {@code Added connection ...},
 * {@code Shutdown initiated...}, {@code Shutdown completed.}), so that an embedded registry opens
 * and closes quietly whatever level the host gives {@code com.zaxxer.hikari}. It behaves as
 * {@code new HikariDataSource(config)} would: the configuration is validated, the first
 * connection is made at once (a database that cannot be reached fails the start, with HikariCP's
 * exception), the pool keeps {@link HikariConfig#getMinimumIdle()} connections; only
 * {@code getConnection()} without credentials is offered. HikariCP's warnings and errors
 * (a connection that failed, a leak) are logged as ever.
 */
public final class QuietPool implements DataSource, AutoCloseable {

    private final HikariConfig config;
    private final HikariPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private QuietPool(HikariConfig config, HikariPool pool) {
        this.config = config;
        this.pool = pool;
    }

    /**
     * Starts a pool with (a copy of) {@code configuration}.
     *
     * @throws IllegalArgumentException a configuration HikariCP refuses
     * @throws RuntimeException         HikariCP's {@code PoolInitializationException} when no connection can be made
     */
    public static QuietPool start(HikariConfig configuration) {
        configuration.validate();
        HikariConfig config = new HikariConfig();
        configuration.copyStateTo(config);
        int minimumIdle = config.getMinimumIdle();
        // HikariCP logs its start-up connection at INFO when it keeps it (minimum idle > 0): with 0
        // it makes the connection (failing fast) and closes it again quietly; the pool's house
        // keeper fills it to the minimum idle set back below, and so does the first borrower
        config.setMinimumIdle(0);
        HikariPool pool = new HikariPool(config);
        config.setMinimumIdle(minimumIdle);
        return new QuietPool(config, pool);
    }

    /** The pool's name (HikariCP's thread names and log lines carry it). */
    public String name() {
        return config.getPoolName();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed.get()) {
            throw new SQLException("the connection pool " + name() + " is closed");
        }
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the connection pool " + name() + " has its credentials");
    }

    /** Closes {@code connection} for good (a pooled connection in an unknown state): it never goes back to the pool. */
    public void evictConnection(Connection connection) {
        if (!closed.get()) {
            pool.evictConnection(connection);
        }
    }

    /** Retires every connection: idle ones now, those in use when they come back. */
    public void softEvictConnections() {
        pool.softEvictConnections();
    }

    /** Closes every connection and stops the pool's threads; idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            pool.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getUnwrappedDataSource() == null ? null : pool.getUnwrappedDataSource().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        if (pool.getUnwrappedDataSource() != null) {
            pool.getUnwrappedDataSource().setLogWriter(out);
        }
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        if (pool.getUnwrappedDataSource() != null) {
            pool.getUnwrappedDataSource().setLoginTimeout(seconds);
        }
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getUnwrappedDataSource() == null ? 0 : pool.getUnwrappedDataSource().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        DataSource unwrapped = pool.getUnwrappedDataSource();
        if (unwrapped != null && (type.isInstance(unwrapped) || unwrapped.isWrapperFor(type))) {
            return type.isInstance(unwrapped) ? type.cast(unwrapped) : unwrapped.unwrap(type);
        }
        throw new SQLException("the connection pool " + name() + " is not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        DataSource unwrapped = pool.getUnwrappedDataSource();
        return type.isInstance(this) || unwrapped != null && (type.isInstance(unwrapped) || unwrapped.isWrapperFor(type));
    }

    @Override
    public String toString() {
        return "QuietPool " + name();
    }
}
