package dev.modelregistry.persistence;

import dev.modelregistry.persistence.jpa.DecoratingDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The SQLite connections of the writers' pool, each with a small cache of its prepared
 * statements: sqlite-jdbc compiles every {@code prepareStatement} anew, neither HikariCP nor
 * Hibernate caches statements (HikariCP leaves it to the driver; the PostgreSQL driver caches
 * server-side itself), so without this a registration paid {@code sqlite3_prepare} for each of
 * its statements every time. Here the pool's physical connection keeps up to {@value #PER_CONNECTION}
 * compiled statements by SQL text: {@code prepareStatement(sql)} hands out an idle one, and its
 * {@code close()} resets it (its batch cleared, its result set closed; the bindings stay, each
 * user binds anew) and puts it back.
 * A statement whose settings were changed (fetch size, timeout, max rows ...) is closed for real;
 * so is the least recently used one beyond the bound, and all of them when the pool closes the
 * connection. Only {@code prepareStatement(String)} and its explicit equivalent (forward only,
 * read only: Hibernate's queries) are cached; the other forms pass through.
 */
final class SqliteStatementCache extends DecoratingDataSource {

    static final int PER_CONNECTION = 64;

    /** Statement settings that outlive an execution: a statement whose settings changed is not reused. */
    private static final Set<String> SETTINGS = Set.of("setMaxRows", "setLargeMaxRows", "setQueryTimeout",
            "setFetchSize", "setFetchDirection", "setEscapeProcessing", "setCursorName", "setPoolable",
            "closeOnCompletion");

    private final DataSource physical;
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong compiled = new AtomicLong();

    SqliteStatementCache(DataSource physical) {
        super(physical);
        this.physical = physical;
    }

    /** {@code prepareStatement} calls on this data source's connections so far (every form). */
    long statementsRequested() {
        return requested.get();
    }

    /** Statements the driver compiled so far (requests the cache could not answer). */
    long statementsCompiled() {
        return compiled.get();
    }

    @Override
    protected Connection decorate(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new CachingConnection(connection));
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : physical.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || physical.isWrapperFor(type);
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One physical connection and its idle statements, least recently used first (one thread at a time: the pool's). */
    private final class CachingConnection implements InvocationHandler {

        private final Connection connection;
        private final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() > PER_CONNECTION) {
                    closeQuietly(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
        private Connection self;

        CachingConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            self = (Connection) proxy;
            switch (method.getName()) {
                case "prepareStatement" -> {
                    requested.incrementAndGet();
                    if (args.length == 1 || args.length == 3 && args[1].equals(ResultSet.TYPE_FORWARD_ONLY)
                            && args[2].equals(ResultSet.CONCUR_READ_ONLY)) { // the default (Hibernate's queries say it)
                        return handOut((String) args[0]);
                    }
                    compiled.incrementAndGet();
                    return forward(connection, method, args);
                }
                case "close" -> {
                    for (Iterator<PreparedStatement> it = idle.values().iterator(); it.hasNext(); ) {
                        closeQuietly(it.next());
                        it.remove();
                    }
                    return forward(connection, method, args);
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : connection.unwrap((Class<?>) args[0]);
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) || connection.isWrapperFor((Class<?>) args[0]);
                }
                default -> {
                    return forward(connection, method, args);
                }
            }
        }

        private PreparedStatement handOut(String sql) throws SQLException {
            PreparedStatement statement = idle.remove(sql);
            if (statement == null) {
                compiled.incrementAndGet();
                statement = connection.prepareStatement(sql);
            }
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, new Lease(this, sql, statement));
        }

        /** Back from a lease: reset and kept, unless an idle one of the same SQL is kept already. */
        synchronized void giveBack(String sql, PreparedStatement statement, ResultSet open, boolean reusable) {
            try {
                if (open != null) {
                    open.close();
                }
                if (reusable && !statement.isClosed() && !connection.isClosed() && !idle.containsKey(sql)) {
                    statement.clearBatch(); // bindings stay: every user binds anew, and clearing them makes SQLite re-plan
                    idle.put(sql, statement);
                    return;
                }
            } catch (SQLException e) {
                // not reusable then
            }
            closeQuietly(statement);
        }
    }

    /** A cached statement while it is handed out; {@code close()} gives it back. */
    private static final class Lease implements InvocationHandler {

        private final CachingConnection owner;
        private final String sql;
        private final PreparedStatement statement;
        private ResultSet lastResults;
        private boolean reusable = true;
        private boolean closed;

        Lease(CachingConnection owner, String sql, PreparedStatement statement) {
            this.owner = owner;
            this.sql = sql;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        owner.giveBack(sql, statement, lastResults, reusable);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed;
                }
                case "getConnection" -> {
                    return owner.self;
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : statement.unwrap((Class<?>) args[0]);
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) || statement.isWrapperFor((Class<?>) args[0]);
                }
                default -> {
                    if (closed) {
                        throw new SQLException("the statement is closed");
                    }
                    if (SETTINGS.contains(name)) {
                        reusable = false;
                    }
                    Object result = forward(statement, method, args);
                    if (result instanceof ResultSet results) {
                        lastResults = results;
                    }
                    return result;
                }
            }
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // finalized with the connection anyway
        }
    }
}
