package dev.modelregistry.app.robustness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own on the PostgreSQL server named by {@code REGISTRY_TEST_POSTGRES_URL}
 * (with {@code _USER}, {@code _PASSWORD}), dropped on close. Test classes using it are enabled
 * only when the variable is set.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String URL_VARIABLE = "REGISTRY_TEST_POSTGRES_URL";

    private static final String SERVER = System.getenv(URL_VARIABLE);
    private static final String USER = System.getenv("REGISTRY_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_PASSWORD", "");

    private final String name = "registry_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public PostgresSchema() throws SQLException {
        execute("create schema " + name);
    }

    public String url() {
        return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    @Override
    public void close() throws SQLException {
        execute("drop schema " + name + " cascade");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
