package dev.modelregistry.app.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.domain.ReadOnlyRegistryException;
import dev.modelregistry.domain.SchemaUpgradeRequiredException;
import dev.modelregistry.persistence.SchemaStatus;
import dev.modelregistry.persistence.schema.ChangelogTables;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registries embedded in a host's PostgreSQL database through the host's own HikariCP pool:
 * the host's schema (its current one) holds its own {@code models} table and its own Liquibase
 * history; two registries live in two schemas of their own next to it, one with changelog tables
 * of its own names. Unique schema names per run, all dropped afterwards; skipped without a server.
 */
@EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "REGISTRY_TEST_POSTGRES_URL is not set: no PostgreSQL server")
class HostDataSourceTest {

    private static final String SERVER = System.getenv("REGISTRY_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("REGISTRY_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_PASSWORD", "");

    @TempDir
    Path artifacts;

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String hostSchema = "host_" + run;
    private final String schemaA = "reg_a_" + run;
    private final String schemaB = "reg_b_" + run;
    private HikariDataSource host;
    private String hostSearchPath;

    @BeforeEach
    void aHostWithItsOwnModelsTableAndLiquibaseHistory() throws SQLException {
        execute("CREATE SCHEMA " + hostSchema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + hostSchema);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(10);
        config.setPoolName("host-pool");
        host = new HikariDataSource(config);
        SchemaMigrator.update(host, "host/host-changelog.xml");
        hostSearchPath = query(host, "SELECT current_setting('search_path')").get(0);
    }

    @AfterEach
    void dropTheSchemas() throws SQLException {
        host.close();
        for (String schema : List.of(hostSchema, schemaA, schemaB)) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private RegistrySettings inA() {
        return RegistrySettings.builder().schema(schemaA).artifactRoot(artifacts).build();
    }

    private RegistrySettings inB() {
        return RegistrySettings.builder().schema(schemaB).changelogTable("registry_changelog")
                .changelogLockTable("registry_changelog_lock").artifactRoot(artifacts).build();
    }

    @Test
    void twoRegistriesInTwoSchemasOfOneDatabaseDoNotSeeEachOtherNorTouchTheHost() throws SQLException {
        try (ModelRegistry a = ModelRegistryJdbc.open(host, inA()); ModelRegistry b = ModelRegistryJdbc.open(host, inB())) {
            String inA = a.registerModel(Registrations.of("pump_1", 0.8));
            b.registerModel(Registrations.of("pump_2", 0.7));
            b.registerModel(Registrations.of("pump_3", 0.7));

            assertThat(a.listModels()).extracting(m -> m.sensorId()).containsExactly("pump_1");
            assertThat(b.listModels()).extracting(m -> m.sensorId()).containsExactlyInAnyOrder("pump_2", "pump_3");
            assertThat(b.getModelMetadata(inA)).isEmpty();
            assertThat(a.getRegistryStats().totalVersions()).isEqualTo(1);
            assertThat(b.getRegistryStats().totalVersions()).isEqualTo(2);
        }

        assertThat(query(host, "SELECT id || ':' || name FROM models")).containsExactly("1:the host's own model");
        assertThat(query(host, "SELECT id || '/' || author FROM databasechangelog")).containsExactly("host-1/host");
        assertThat(tables(schemaA)).contains("models", "versions", "databasechangelog", "databasechangeloglock");
        assertThat(tables(schemaB)).contains("models", "versions", "registry_changelog", "registry_changelog_lock")
                .doesNotContain("databasechangelog", "databasechangeloglock");
        assertThat(count("SELECT count(*) FROM " + schemaA + ".versions")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM " + schemaB + ".versions")).isEqualTo(2);
    }

    @Test
    void readOnlyOpeningByUrlReadsTheRegistryInItsSchemaWithItsChangelogTablesAndCreatesNoSchema() throws SQLException {
        String id;
        try (ModelRegistry b = ModelRegistryJdbc.open(host, inB())) {
            id = b.registerModel(Registrations.of("pump_b", 0.8));
        }
        try (ModelRegistry reader = ModelRegistryJdbc.openReadOnly(SERVER, USER, PASSWORD, inB())) {
            assertThat(reader.getActiveModelVersion("pump_b", "telemanom")).contains(id);
            assertThat(reader.getRegistryStats().location()).contains("(schema " + schemaB + ")");
            assertThatThrownBy(() -> reader.registerModel(Registrations.of("pump_c", 0.8)))
                    .isInstanceOf(ReadOnlyRegistryException.class);
        }
        // the changelog tables are the settings': with Liquibase's defaults the schema has no history
        assertThatThrownBy(() -> ModelRegistryJdbc.openReadOnly(SERVER, USER, PASSWORD,
                RegistrySettings.builder().schema(schemaB).build()))
                .isInstanceOf(SchemaUpgradeRequiredException.class);
        assertThatThrownBy(() -> ModelRegistryJdbc.openReadOnly(SERVER, USER, PASSWORD, inA()))
                .isInstanceOf(SchemaUpgradeRequiredException.class).hasMessageContaining(schemaA);
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schemaA + "'")).isZero();
    }

    @Test
    void closingTheRegistryLeavesTheHostsPoolOpenWithItsSearchPathAndNoListener() throws SQLException {
        try (ModelRegistry registry = ModelRegistryJdbc.open(host, inA())) {
            AutoCloseable subscription = registry.onActivationChange(event -> { });
            registry.registerModel(Registrations.of("pump_1", 0.8));
            assertThat(registry.getActiveModel("pump_1", "telemanom")).isPresent();
            close(subscription);
        }
        assertThat(host.isClosed()).isFalse();
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < host.getMaximumPoolSize(); i++) {
                all.add(host.getConnection());
            }
            for (Connection connection : all) {
                assertThat(single(connection, "SELECT current_setting('search_path')")).isEqualTo(hostSearchPath);
                assertThat(single(connection, "SELECT count(*) FROM pg_listening_channels()")).isEqualTo("0");
                assertThat(single(connection, "SELECT name FROM models WHERE id = 1")).isEqualTo("the host's own model");
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }

    @Test
    void theFeedOfOneRegistryDoesNotDeliverTheOthersChanges() throws Exception {
        try (ModelRegistry a = ModelRegistryJdbc.open(host, inA()); ModelRegistry b = ModelRegistryJdbc.open(host, inB())) {
            List<ActivationEvent> seenByA = new CopyOnWriteArrayList<>();
            AutoCloseable subscription = a.onActivationChange(seenByA::add);
            b.registerModel(Registrations.of("pump_b", 0.8));
            String inA = a.registerModel(Registrations.of("pump_a", 0.8));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seenByA.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // a's own change arrived after b's commit: b's would have been delivered before it
            assertThat(seenByA).extracting(ActivationEvent::versionId).containsExactly(inA);
            assertThat(b.activationChangesSince(0, 10)).extracting(ActivationEvent::sensorId).containsExactly("pump_b");
            close(subscription);
        }
    }

    @Test
    void withUpgradesOffABehindSchemaIsRefusedNamingThePendingChangesetsAndTheCommand() throws SQLException {
        execute("CREATE SCHEMA " + schemaB);
        ChangelogTables tables = new ChangelogTables("registry_changelog", "registry_changelog_lock");
        try (HikariDataSource inSchema = pool(schemaB)) {
            SchemaMigrator.update(inSchema, "changelog/releases/1.0.xml", tables, schemaB);
        }
        RegistrySettings off = inB().toBuilder().upgradeSchemaOnOpen(false).build();

        assertThatThrownBy(() -> ModelRegistryJdbc.open(host, off))
                .isInstanceOf(SchemaUpgradeRequiredException.class)
                .hasMessageContaining("(schema " + schemaB + ")")
                .hasMessageContaining("changeset(s) pending: model-registry/")
                .hasMessageContaining("--default-schema-name=" + schemaB)
                .hasMessageContaining("--database-changelog-table-name=registry_changelog")
                .hasMessageContaining("--database-changelog-lock-table-name=registry_changelog_lock")
                .hasMessageContaining("upgradeSchemaOnOpen(true)");
        assertThat(tables(schemaB)).doesNotContain("activation_history");
        assertThat(host.isClosed()).isFalse();

        try (ModelRegistry upgraded = ModelRegistryJdbc.open(host, inB())) {
            upgraded.registerModel(Registrations.of("pump_1", 0.8));
        }
        try (ModelRegistry current = ModelRegistryJdbc.open(host, off)) {
            assertThat(current.listModels()).hasSize(1);
        }
    }

    @Test
    void withUpgradesOffAMissingSchemaIsRefusedAndNotCreated() throws SQLException {
        assertThatThrownBy(() -> ModelRegistryJdbc.open(host, inA().toBuilder().upgradeSchemaOnOpen(false).build()))
                .isInstanceOf(SchemaUpgradeRequiredException.class)
                .hasMessageContaining("(schema " + schemaA + ") does not exist");
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schemaA + "'")).isZero();
    }

    @Test
    void withoutASchemaTheRegistryUsesTheConnectionsCurrentSchemaAsBefore() throws SQLException {
        execute("CREATE SCHEMA " + schemaA);
        try (HikariDataSource inSchema = pool(schemaA)) {
            try (ModelRegistry registry = ModelRegistryJdbc.open(inSchema, RegistrySettings.defaults())) {
                registry.registerModel(Registrations.of("pump_1", 0.8));
            }
            assertThat(inSchema.isClosed()).isFalse();
        }
        assertThat(count("SELECT count(*) FROM " + schemaA + ".versions")).isEqualTo(1);
    }

    @Test
    void triggerFunctionsUpdateTheRegistrysTablesEvenFromAConnectionOnTheHostsSearchPath() throws SQLException {
        try (ModelRegistry registry = ModelRegistryJdbc.open(host, inA())) {
            registry.registerModel(Registrations.of("pump_1", 0.8));
            registry.registerModel(Registrations.of("pump_1", 0.9));
        }
        // the host's own connection, whose search_path finds the host's models table first
        try (Connection connection = host.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM " + schemaA + ".versions WHERE performance_score = (SELECT min(performance_score) FROM "
                    + schemaA + ".versions)");
        }
        assertThat(query(host, "SELECT id || ':' || name FROM models")).containsExactly("1:the host's own model");
        try (ModelRegistry registry = ModelRegistryJdbc.open(host, inA())) {
            assertThat(registry.getRegistryStats().totalVersions()).isEqualTo(1);
            assertThat(registry.listVersions("pump_1", "telemanom")).hasSize(1);
        }
    }

    @Test
    void theSchemaStatusReadsTheRegistrysOwnHistoryAndCreatesNothing() throws SQLException {
        SchemaStatus missing = ModelRegistryJdbc.schemaStatus(host, inB());
        assertThat(missing.current()).isFalse();
        assertThat(missing.pending()).isNotEmpty();
        assertThat(missing.location()).endsWith("(schema " + schemaB + ")");
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schemaB + "'")).isZero();

        ModelRegistryJdbc.open(host, inB()).close();
        SchemaStatus current = ModelRegistryJdbc.schemaStatus(host, inB());
        assertThat(current.current()).isTrue();
        assertThat(current.applied()).extracting(SchemaStatus.ChangeSetState::file)
                .allSatisfy(file -> assertThat(file).startsWith("model-registry/"));
        assertThat(query(host, "SELECT current_setting('search_path')")).containsExactly(hostSearchPath);
    }

    @Test
    void aHostPoolOutsideAutocommitGetsItsConnectionsBackWithItsSearchPath() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + hostSchema);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(5);
        config.setAutoCommit(false);
        config.addDataSourceProperty("ApplicationName", "manual_" + run);
        try (HikariDataSource manual = new HikariDataSource(config)) {
            try (ModelRegistry registry = ModelRegistryJdbc.open(manual, inA())) {
                String id = registry.registerModel(Registrations.of("pump_1", 0.8));
                assertThat(registry.getModelMetadata(id)).isPresent();
                // the registry's reads keep their connections open, never idle in a transaction
                assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'manual_" + run + "'"))
                        .isPositive();
                assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'manual_" + run + "'"
                        + " AND state = 'idle in transaction'")).isZero();
            }
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < manual.getMaximumPoolSize(); i++) {
                    all.add(manual.getConnection());
                }
                for (Connection connection : all) {
                    assertThat(single(connection, "SELECT current_setting('search_path')")).isEqualTo(hostSearchPath);
                    connection.rollback();
                }
            } finally {
                for (Connection connection : all) {
                    connection.close();
                }
            }
        }
        assertThat(count("SELECT count(*) FROM " + schemaA + ".versions")).isEqualTo(1);
    }

    private HikariDataSource pool(String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }

    private List<String> tables(String schema) throws SQLException {
        return query(host, "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'");
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(query(host, sql).get(0));
    }

    private static List<String> query(javax.sql.DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
