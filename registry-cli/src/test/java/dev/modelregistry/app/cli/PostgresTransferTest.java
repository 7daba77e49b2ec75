package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a registry between databases through the CLI: export SQLite, import into PostgreSQL,
 * export again: the same bytes. Runs against {@code REGISTRY_TEST_POSTGRES_URL} in a schema of
 * its own; skipped without it.
 */
@EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "REGISTRY_TEST_POSTGRES_URL is not set: no PostgreSQL server for the transfer test")
class PostgresTransferTest {

    private static final String SERVER = System.getenv("REGISTRY_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("REGISTRY_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_PASSWORD", "");

    @TempDir
    Path tmp;

    private final String schema = "registry_transfer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private String url;

    @BeforeEach
    void createSchema() throws SQLException {
        execute("create schema " + schema);
        url = SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("drop schema " + schema + " cascade");
    }

    @Test
    void aSqliteRegistryExportedImportedIntoPostgresqlAndExportedAgainGivesTheSameBytes() throws IOException {
        Path source = ExportImportCommandsTest.aLivedInRegistry(tmp);
        Path fromSqlite = tmp.resolve("sqlite.jsonl");
        Path fromPostgres = tmp.resolve("postgres.jsonl");
        assertThat(registry("export", "--out", fromSqlite.toString(), "--registry", source.toString()).exitCode()).isZero();

        CliRun imported = registry("import", fromSqlite.toString(), "--jdbc-url", url, "--user", USER, "--password", PASSWORD);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        CliRun exported = registry("export", "--out", fromPostgres.toString(), "--jdbc-url", url, "--user", USER,
                "--password", PASSWORD);
        assertThat(exported.exitCode()).as(exported.toString()).isZero();

        assertThat(Files.readAllBytes(fromPostgres)).isEqualTo(Files.readAllBytes(fromSqlite));
        CliRun history = registry("history", "--sensor", "SENSOR-Ü-2", "--type", "telemanom", "--jdbc-url", url,
                "--user", USER, "--password", PASSWORD);
        assertThat(history.out()).contains("REELECTED");

        CliRun twice = registry("import", fromSqlite.toString(), "--jdbc-url", url, "--user", USER, "--password", PASSWORD);
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).contains("already exists in the target registry");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
