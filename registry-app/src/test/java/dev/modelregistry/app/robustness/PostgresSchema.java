package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema of its own on the PostgreSQL server named by {@code REGISTRY_TEST_POSTGRES_URL}
 * (with {@code _USER}, {@code _PASSWORD}), dropped on close. Test classes using it are enabled
 * only when the variable is set. As a JUnit extension
 * ({@code @RegisterExtension final PostgresSchema schema = PostgresSchema.perTest();}) it creates
 * a fresh schema before each test and drops it after.
 */
public final class PostgresSchema implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    public static final String URL_VARIABLE = "REGISTRY_TEST_POSTGRES_URL";

    private static final String SERVER = System.getenv(URL_VARIABLE);
    private static final String USER = System.getenv("REGISTRY_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_PASSWORD", "");

    private String name;

    private PostgresSchema() {
    }

    /** A schema created now. */
    public static PostgresSchema created() throws SQLException {
        PostgresSchema schema = new PostgresSchema();
        schema.create();
        return schema;
    }

    /** An extension that gives each test a schema of its own. */
    public static PostgresSchema perTest() {
        return new PostgresSchema();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        create();
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        close();
    }

    private void create() throws SQLException {
        name = "registry_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + name);
    }

    /** A registry in this schema with the default weights, deleting artifacts only under {@code artifactRoot}. */
    public ModelRegistry open(Path artifactRoot) {
        return ModelRegistryJdbc.open(url(), user(), password(), ScoringWeights.DEFAULTS, artifactRoot);
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
