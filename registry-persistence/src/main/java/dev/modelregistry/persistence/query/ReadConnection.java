package dev.modelregistry.persistence.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One long-lived read connection of {@link ReadConnections} with the statements prepared on it,
 * kept by their SQL text. Used by one thread at a time (the pool lends it to one caller); a
 * caller binds every parameter of the statement it is lent and closes the result sets it
 * opens, never the statements.
 */
public final class ReadConnection {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    ReadConnection(Connection connection) {
        this.connection = connection;
    }

    /**
     * The statement for {@code sql}, prepared on first use and reused after. Its parameters keep
     * the values of the previous call until the caller binds them again: they are not cleared,
     * because clearing them makes SQLite plan the statement anew on its next step (tens of
     * microseconds for a join, more than the query itself).
     */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** The connection itself, for what a prepared statement cannot do (engine metadata, pragmas). */
    public Connection connection() {
        return connection;
    }

    void close() {
        try {
            connection.close(); // closes its statements too
        } catch (SQLException e) {
            // a connection that cannot be closed is gone already
        }
    }
}
