package dev.modelregistry.persistence.jpa;

import dev.modelregistry.persistence.pool.QuietPool;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * The data source Hibernate works on for SQLite: the pool's connections, each guarded so that a
 * transaction that ended by surprise cannot leak half of a unit of work into the database.
 *
 * <p>After {@code SQLITE_FULL}, {@code SQLITE_IOERR*}, {@code SQLITE_NOMEM}, {@code SQLITE_CORRUPT}
 * and the like ({@link SqliteErrors#endsTransaction}) SQLite may have rolled the transaction
 * back by itself and run on in autocommit mode; a rollback that fails leaves the connection in
 * the same unknown state, and so does a commit that fails. From then on, on that connection:
 * <ul>
 *   <li>no further statement runs: executing, preparing, committing or setting a savepoint
 *       fails with the original error as the cause;</li>
 *   <li>rollback and the reset of autocommit do nothing (in sqlite-jdbc switching autocommit back
 *       on means {@code COMMIT}: it would commit what is left of the transaction);</li>
 *   <li>releasing the connection evicts it from the pool (closing it rolls back whatever SQLite
 *       still holds) instead of handing it to the next unit of work with a transaction state
 *       that is not what JDBC believes.</li>
 * </ul>
 * So a unit of work that throws has committed nothing, and the next one starts on a sound
 * connection.
 */
public final class TransactionGuard extends DecoratingDataSource {

    /** Connection methods that neither run SQL nor change the transaction: always allowed. */
    private static final Set<String> HARMLESS = Set.of("isClosed", "isValid", "getAutoCommit", "getMetaData",
            "getWarnings", "clearWarnings", "unwrap", "isWrapperFor", "getTransactionIsolation", "isReadOnly",
            "getHoldability", "getCatalog", "getSchema", "getClientInfo", "getTypeMap", "getNetworkTimeout", "abort");

    /** Connection methods after whose failure the transaction state is unknown. */
    private static final Set<String> ENDING = Set.of("commit", "rollback");

    private final QuietPool pool;

    public TransactionGuard(QuietPool pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    protected Connection decorate(Connection pooled) {
        Guarded state = new Guarded(pooled);
        state.proxy = (Connection) Proxy.newProxyInstance(TransactionGuard.class.getClassLoader(),
                new Class<?>[] {Connection.class}, state.handlerFor(pooled));
        return state.proxy;
    }

    /**
     * The error that ended the transaction of a guarded connection (the connection Hibernate
     * hands out, e.g. in {@code Session.doReturningWork}), or null when none did.
     */
    static SQLException endedOn(Connection connection) {
        if (Proxy.isProxyClass(connection.getClass()) && Proxy.getInvocationHandler(connection) instanceof Handler handler) {
            return handler.connection.ended;
        }
        return null;
    }

    private record Handler(Guarded connection, Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            return connection.invoke(target, self, method, args);
        }
    }

    /** One pooled connection and whether its transaction ended by surprise. */
    private final class Guarded {

        private final Connection pooled;
        private Connection proxy;
        private SQLException ended;

        Guarded(Connection pooled) {
            this.pooled = pooled;
        }

        InvocationHandler handlerFor(Object target) {
            return new Handler(this, target);
        }

        Object invoke(Object target, Object self, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "guarded " + target;
                };
            }
            if (target == pooled) {
                if (ended != null) {
                    switch (name) {
                        case "close" -> {
                            pool.evictConnection(pooled);
                            return null;
                        }
                        case "rollback", "setAutoCommit" -> {
                            return null;
                        }
                        default -> {
                            if (!HARMLESS.contains(name)) {
                                throw noFurtherStatement();
                            }
                        }
                    }
                }
            } else if (ended != null && (name.startsWith("execute") || name.equals("addBatch"))) {
                throw noFurtherStatement();
            } else if (name.equals("getConnection")) {
                return proxy;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException invocation) {
                Throwable failure = invocation.getCause();
                if (failure instanceof SQLException sql && ended == null
                        && (SqliteErrors.endsTransaction(sql) || target == pooled && ENDING.contains(name))) {
                    ended = sql;
                }
                throw failure;
            }
            return wrap(method.getReturnType(), result);
        }

        private Object wrap(Class<?> type, Object result) {
            if (result == null || !(type == Statement.class || type == PreparedStatement.class
                    || type == CallableStatement.class || type == ResultSet.class)) {
                return result;
            }
            return Proxy.newProxyInstance(TransactionGuard.class.getClassLoader(), new Class<?>[] {type}, handlerFor(result));
        }

        private SQLException noFurtherStatement() {
            return new SQLException("the transaction already ended (" + ended.getMessage()
                    + "): no further statement of this unit of work runs", ended.getSQLState(), ended);
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
