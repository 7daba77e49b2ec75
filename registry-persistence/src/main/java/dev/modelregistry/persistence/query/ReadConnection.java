package dev.modelregistry.persistence.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One long-lived read connection of {@link ReadConnections} with the statements prepared on it,
 * kept by their SQL text. Used by one thread at a time (the pool lends it to one caller); a
 * caller closes the result sets it opens, never the statements.
 */
public final class ReadConnection {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    ReadConnection(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, prepared on first use and reused after, its parameters cleared. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
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
