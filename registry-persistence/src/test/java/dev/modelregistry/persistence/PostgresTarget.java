package dev.modelregistry.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A PostgreSQL database for one test class, in a schema of its own so runs are independent:
 * the server named by {@code REGISTRY_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD})
 * when set, else a Testcontainers PostgreSQL when Docker is available, else the test class is
 * skipped with the reason.
 */
final class PostgresTarget implements AutoCloseable {

    static final String URL_VARIABLE = "REGISTRY_TEST_POSTGRES_URL";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String schema;
    private final PostgreSQLContainer<?> container;

    private PostgresTarget(String serverUrl, String user, String password, PostgreSQLContainer<?> container) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.container = container;
        this.schema = "registry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute("create schema " + schema);
    }

    /** Starts (or finds) a server, or aborts the calling test class with the reason. */
    static PostgresTarget start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new PostgresTarget(url, System.getenv(URL_VARIABLE.replace("_URL", "_USER")),
                    System.getenv(URL_VARIABLE.replace("_URL", "_PASSWORD")), null);
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        Assumptions.assumeTrue(docker, "PostgreSQL tests skipped: set " + URL_VARIABLE
                + " (and _USER/_PASSWORD) to a PostgreSQL server, or make Docker available for Testcontainers");
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
        container.start();
        return new PostgresTarget(container.getJdbcUrl(), container.getUsername(), container.getPassword(), container);
    }

    /** The server URL with {@code currentSchema} set to this target's schema. */
    String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    RegistryDatabase open() {
        return RegistryDatabase.openJdbc(url(), user, password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + serverUrl, e);
        }
    }

    @Override
    public void close() {
        try {
            execute("drop schema if exists " + schema + " cascade");
        } finally {
            if (container != null) {
                container.stop();
            }
        }
    }
}
