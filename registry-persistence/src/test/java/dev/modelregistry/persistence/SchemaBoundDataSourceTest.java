package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A host connection never goes back to the host's pool with the registry's {@code search_path}:
 * one whose path cannot be set back is aborted before it is closed, so the pool drops it (the
 * PostgreSQL behaviour is tested on a server by {@code HostDataSourceTest}; this breaks the
 * reset on purpose, which a live server will not do on request).
 */
class SchemaBoundDataSourceTest {

    /** What the host's connection was asked to do, in order. */
    private final List<String> calls = new ArrayList<>();

    @Test
    void aConnectionWhosePathCannotBeSetBackIsAbortedBeforeItGoesBackToTheHostsPool() throws SQLException {
        DataSource host = hostWhoseResetFails();

        try (Connection connection = new SchemaBoundDataSource(host, "model_registry").getConnection()) {
            assertThat(calls).containsExactly("enter");
        }

        assertThat(calls).containsExactly("enter", "leave", "abort", "close");
    }

    @Test
    void aConnectionWhosePathIsSetBackGoesBackToTheHostsPoolUnaborted() throws SQLException {
        DataSource host = hostWhoseResetWorks();

        try (Connection connection = new SchemaBoundDataSource(host, "model_registry").getConnection()) {
            assertThat(calls).containsExactly("enter");
        }

        assertThat(calls).containsExactly("enter", "leave", "close");
    }

    private DataSource hostWhoseResetFails() {
        return host(true);
    }

    private DataSource hostWhoseResetWorks() {
        return host(false);
    }

    /** A data source of one fake connection that answers the path statements and records what it is asked. */
    private DataSource host(boolean resetFails) {
        Connection connection = proxy(Connection.class, (method, args) -> switch (method) {
            case "prepareStatement" -> statement(((String) args[0]).contains("current_setting"), resetFails);
            case "getAutoCommit" -> true;
            case "isClosed" -> false;
            case "abort" -> record("abort");
            case "close" -> record("close");
            default -> null;
        });
        return proxy(DataSource.class, (method, args) -> method.equals("getConnection") ? connection : null);
    }

    private PreparedStatement statement(boolean entering, boolean resetFails) {
        ResultSet row = proxy(ResultSet.class, (method, args) -> switch (method) {
            case "next" -> true;
            case "getString" -> "\"$user\", public";
            default -> null;
        });
        return proxy(PreparedStatement.class, (method, args) -> {
            if (!method.equals("executeQuery")) {
                return null;
            }
            record(entering ? "enter" : "leave");
            if (!entering && resetFails) {
                throw new SQLException("the connection's transaction is broken");
            }
            return row;
        });
    }

    private Object record(String call) {
        calls.add(call);
        return null;
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
