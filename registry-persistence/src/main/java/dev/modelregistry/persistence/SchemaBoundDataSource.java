package dev.modelregistry.persistence;

import dev.modelregistry.persistence.jpa.DecoratingDataSource;
import dev.modelregistry.persistence.schema.SqlIdentifier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of a host's PostgreSQL data source, each running in the registry's schema
 * while the registry holds it: on the way out of the host's pool its {@code search_path} is
 * remembered and set to the registry's schema alone (one statement); on {@code close()} it is
 * set back, then the connection goes back to the host's pool as it came. So every statement of
 * the registry (Hibernate, the plain-SQL read models, Liquibase, the trigger functions, the feed's
 * {@code NOTIFY}) names the registry's tables, never a host table of the same name, and no host
 * code ever gets a connection with the registry's path.
 *
 * <p>A connection handed out outside autocommit mode has the change committed at once (a later
 * rollback would undo it) and, on close, its open transaction rolled back before the path is
 * set back (a failed transaction refuses every statement); the registry never leaves work
 * uncommitted on a connection it closes.
 */
final class SchemaBoundDataSource extends DecoratingDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaBoundDataSource.class);
    private static final String ENTER = "SELECT current_setting('search_path'), set_config('search_path', ?, false)";
    private static final String LEAVE = "SELECT set_config('search_path', ?, false)";

    private final DataSource host;
    private final String searchPath;

    /** @param schema a name following {@link SqlIdentifier#schema} */
    SchemaBoundDataSource(DataSource host, String schema) {
        super(host);
        this.host = host;
        this.searchPath = SqlIdentifier.quoted(SqlIdentifier.schema("schema", schema));
    }

    @Override
    protected Connection decorate(Connection connection) {
        String previous;
        try {
            previous = setPath(connection, ENTER, searchPath);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot set the registry's search_path " + searchPath + " on a connection: "
                    + e.getMessage(), e);
        }
        return (Connection) Proxy.newProxyInstance(SchemaBoundDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        release(connection, previous);
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : host.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || host.isWrapperFor(type);
    }

    /**
     * Sets the host's path back, then returns the connection to the host's pool. A connection
     * whose path cannot be set back is aborted first ({@link Connection#abort}), so the pool drops
     * it instead of handing the registry's path to host code.
     */
    private static void release(Connection connection, String previous) throws SQLException {
        try {
            if (!connection.isClosed()) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                setPath(connection, LEAVE, previous);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not set the search_path of a connection back to {} (the connection is aborted, so the"
                    + " pool drops it): {}", previous, e.getMessage(), e);
            abortQuietly(connection);
        } finally {
            connection.close();
        }
    }

    private static void abortQuietly(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // already broken: the pool drops it when it finds it closed
        }
    }

    /** Runs {@code sql} with the path as its parameter; returns the first column (the path before, for {@link #ENTER}). */
    private static String setPath(Connection connection, String sql, String path) throws SQLException {
        String first;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, path);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                first = row.getString(1);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return first;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection was broken: the pool drops it
        }
    }
}
