package dev.modelregistry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample host on PostgreSQL ({@code REGISTRY_TEST_POSTGRES_URL}, skipped without it): one
 * data source, the host's pool, for both; the host's {@code models} table and its Liquibase
 * history in its schema, the registry's tables and history in {@code registry.schema}.
 */
@SpringBootTest
@EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+")
class SampleHostOnPostgresTest extends SampleHostContract {

    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String HOST_SCHEMA = "sample_host_" + SUFFIX;
    private static final String REGISTRY_SCHEMA = "sample_registry_" + SUFFIX;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry properties) throws SQLException {
        execute("CREATE SCHEMA " + HOST_SCHEMA);
        String url = System.getenv("REGISTRY_TEST_POSTGRES_URL");
        properties.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + HOST_SCHEMA);
        properties.add("spring.datasource.username", () -> Objects.requireNonNullElse(
                System.getenv("REGISTRY_TEST_POSTGRES_USER"), "postgres"));
        properties.add("spring.datasource.password", () -> Objects.requireNonNullElse(
                System.getenv("REGISTRY_TEST_POSTGRES_PASSWORD"), ""));
        properties.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        properties.add("registry.schema", () -> REGISTRY_SCHEMA);
    }

    @Test
    void the_registrys_tables_are_in_its_schema_and_the_hosts_in_the_hosts() {
        fleet.commission("T-9", "sensor_009", java.nio.file.Path.of("data/models/telemanom/sensor_009"));

        assertThat(hostDatabase.queryForObject("SELECT COUNT(*) FROM " + HOST_SCHEMA + ".models WHERE id = ?",
                Integer.class, "T-9")).isEqualTo(1);
        assertThat(hostDatabase.queryForObject("SELECT COUNT(*) FROM " + REGISTRY_SCHEMA + ".models WHERE sensor_id = ?",
                Integer.class, "sensor_009")).isEqualTo(1);
        assertThat(hostDatabase.queryForObject("SELECT current_schema()", String.class)).isEqualTo(HOST_SCHEMA);
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + HOST_SCHEMA + " CASCADE");
        execute("DROP SCHEMA IF EXISTS " + REGISTRY_SCHEMA + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getenv("REGISTRY_TEST_POSTGRES_URL"),
                Objects.requireNonNullElse(System.getenv("REGISTRY_TEST_POSTGRES_USER"), "postgres"),
                Objects.requireNonNullElse(System.getenv("REGISTRY_TEST_POSTGRES_PASSWORD"), ""));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
