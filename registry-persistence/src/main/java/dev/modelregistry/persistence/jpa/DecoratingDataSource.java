package dev.modelregistry.persistence.jpa;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out the connections of another one, each decorated by
 * {@link #decorate}; everything else (log writer, login timeout, parent logger) is the other
 * one's. Subclasses say how they unwrap.
 */
public abstract class DecoratingDataSource implements DataSource {

    private final DataSource decorated;

    protected DecoratingDataSource(DataSource decorated) {
        this.decorated = decorated;
    }

    /** The connection the caller gets for one of the decorated data source's connections. */
    protected abstract Connection decorate(Connection connection);

    @Override
    public final Connection getConnection() throws SQLException {
        return decorate(decorated.getConnection());
    }

    @Override
    public final Connection getConnection(String username, String password) throws SQLException {
        return decorate(decorated.getConnection(username, password));
    }

    @Override
    public final PrintWriter getLogWriter() throws SQLException {
        return decorated.getLogWriter();
    }

    @Override
    public final void setLogWriter(PrintWriter out) throws SQLException {
        decorated.setLogWriter(out);
    }

    @Override
    public final void setLoginTimeout(int seconds) throws SQLException {
        decorated.setLoginTimeout(seconds);
    }

    @Override
    public final int getLoginTimeout() throws SQLException {
        return decorated.getLoginTimeout();
    }

    @Override
    public final Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return decorated.getParentLogger();
    }
}
