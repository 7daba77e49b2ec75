package dev.modelregistry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.domain.SchemaUpgradeRequiredException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.sqlite.SQLiteDataSource;

/** The registry bean on the application's DataSource: PostgreSQL ({@code REGISTRY_TEST_POSTGRES_URL}) in its schema; SQLite refused. */
class ModelRegistryOnDataSourceTest {

    private final String schema = "starter_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private HikariDataSource postgres;

    @TempDir
    Path tmp;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ModelRegistryAutoConfiguration.class));
    }

    private HikariDataSource postgres() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("REGISTRY_TEST_POSTGRES_URL"));
        config.setUsername(Objects.requireNonNullElse(System.getenv("REGISTRY_TEST_POSTGRES_USER"), "postgres"));
        config.setPassword(Objects.requireNonNullElse(System.getenv("REGISTRY_TEST_POSTGRES_PASSWORD"), ""));
        config.setMaximumPoolSize(4);
        postgres = new HikariDataSource(config);
        return postgres;
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (postgres != null) {
            postgres.close(); // the context closed it already: closing is idempotent
            try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                    postgres.getPassword()); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+")
    void the_registry_borrows_the_applications_postgresql_data_source_in_its_schema_and_never_closes_it() throws Exception {
        HikariDataSource dataSource = postgres();
        runner().withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("registry.schema=" + schema, "registry.changelog-table=registry_changelog")
                .run(context -> {
                    ModelRegistry registry = context.getBean(ModelRegistry.class);
                    registry.registerModel(ModelRegistration.builder().sensorId("s1").modelType("telemanom")
                            .modelPath(tmp.resolve("s1")).dataHash("9f2c1e")
                            .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", 0.05)).build());

                    Health health = context.getBean(RegistryHealthIndicator.class).health(true);
                    System.out.println("registry health on PostgreSQL: " + health);
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails().get("location")).asString().contains(schema);
                    try (Connection connection = dataSource.getConnection();
                         Statement statement = connection.createStatement()) {
                        var rows = statement.executeQuery("SELECT COUNT(*) FROM " + schema + ".models");
                        rows.next();
                        assertThat(rows.getInt(1)).isEqualTo(1);
                        var history = statement.executeQuery("SELECT COUNT(*) FROM " + schema + ".registry_changelog");
                        history.next();
                        assertThat(history.getInt(1)).isPositive();
                    }
                    registry.close();
                    assertThat(dataSource.isClosed()).isFalse();
                });
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+")
    void with_upgrades_off_an_empty_schema_fails_the_start_naming_what_is_pending() {
        HikariDataSource dataSource = postgres();
        runner().withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("registry.schema=" + schema, "registry.upgrade-schema-on-open=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaUpgradeRequiredException.class);
                });
    }

    @Test
    void a_sqlite_data_source_without_a_registry_path_fails_the_start_naming_the_property() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + tmp.resolve("host.db"));
        runner().withBean(DataSource.class, () -> sqlite).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("registry.sqlite.path")
                    .hasStackTraceContaining("the data source is a SQLite database");
        });
    }

    @Test
    void a_data_source_that_fails_for_another_reason_fails_the_start_with_that_reason_not_the_sqlite_advice() {
        HikariDataSource withoutUrl = new HikariDataSource(); // HikariCP: "jdbcUrl is required" on first use
        runner().withBean(DataSource.class, () -> withoutUrl).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("jdbcUrl is required");
            assertThat(context.getStartupFailure()).hasStackTraceContaining("jdbcUrl is required")
                    .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("registry.sqlite.path"));
        });
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    @Test
    void with_a_registry_path_the_registry_is_embedded_there_whatever_the_data_source() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + tmp.resolve("host.db"));
        runner().withBean(DataSource.class, () -> sqlite)
                .withPropertyValues("registry.sqlite.path=" + tmp.resolve("registry_sqlite"))
                .run(context -> {
                    assertThat(context.getBean(ModelRegistry.class).getRegistryStats().location())
                            .startsWith(tmp.resolve("registry_sqlite").toString());
                    assertThat(context.getBean(RegistryHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
                });
    }
}
