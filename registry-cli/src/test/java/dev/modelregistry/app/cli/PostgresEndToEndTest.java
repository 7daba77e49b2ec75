package dev.modelregistry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared-server option end to end: the CLI migrates into PostgreSQL and reads it back, and
 * the API registers on the same database. Runs against {@code REGISTRY_TEST_POSTGRES_URL} (set by
 * .ci/run when a server answers), in a schema of its own; skipped without it.
 */
@EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "REGISTRY_TEST_POSTGRES_URL is not set: no PostgreSQL server for the end-to-end test")
class PostgresEndToEndTest {

    private static final String SERVER = System.getenv("REGISTRY_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("REGISTRY_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_PASSWORD", "");

    @TempDir
    Path tmp;

    private final String schema = "registry_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String[] server(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--jdbc-url";
        all[args.length + 1] = url;
        all[args.length + 2] = "--user";
        all[args.length + 3] = USER;
        return all;
    }

    @Test
    void onAnOutdatedServerSchemaTheDryRunAndTheRealRunBothStopAndAskForAnUpgradeWithoutWriting() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        ModelRegistryJdbc.open(url, USER, PASSWORD).close();
        execute("delete from " + schema + ".databasechangelog where orderexecuted = (select max(orderexecuted) from "
                + schema + ".databasechangelog)");

        CliRun dry = CliRun.registry(server("migrate", "--dry-run", "--old-path", legacy.toString(), "--legacy-timezone", "UTC"));
        CliRun real = CliRun.registry(server("migrate", "--old-path", legacy.toString(), "--legacy-timezone", "UTC"));

        assertThat(dry.exitCode()).as(dry + "\n" + real).isNotZero().isEqualTo(real.exitCode());
        assertThat(dry.err() + dry.out()).contains("registry db upgrade");
        assertThat(real.err() + real.out()).contains("registry db upgrade");
        try (java.util.stream.Stream<Path> siblings = java.nio.file.Files.list(legacy.getParent())) {
            assertThat(siblings.filter(p -> p.getFileName().toString().startsWith("registry_backup_"))).isEmpty();
        }
    }

    @Test
    void theCliMigratesTheRealRegistryIntoPostgresqlAndReadsItBack() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);

        CliRun migrate = CliRun.registry(server("migrate", "--old-path", legacy.toString(), "--legacy-timezone", "UTC"));
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).contains("verification").contains("passed");

        CliRun again = CliRun.registry(server("migrate", "--old-path", legacy.toString(), "--legacy-timezone", "UTC"));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).containsIgnoringCase("already migrated");

        CliRun show = CliRun.registry(server("show", "7f282096", "--json"));
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("\"created_at\" : \"2025-09-29T23:57:26.679550Z\"").contains("0.08449109285985841");

        CliRun stats = CliRun.registry(server("stats"));
        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        assertThat(stats.out()).contains("12");
    }

    @Test
    void dbUpgradeAndStatusAndTheReadCommandsWorkInTheSchemaAndChangelogTablesTheOptionsName() throws Exception {
        String own = schema + "_own";
        String[] placement = {"--schema", own, "--changelog-table", "registry_log", "--changelog-lock-table", "registry_log_lock"};
        try {
            CliRun before = CliRun.registry(server(with("db", "status", placement)));
            assertThat(before.exitCode()).as(before.toString()).isZero();
            assertThat(before.out()).contains("(schema " + own + ")").contains("(empty database)");

            CliRun upgrade = CliRun.registry(server(with("db", "upgrade", placement)));
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            assertThat(upgrade.out()).contains("(schema " + own + ")").contains("Applied ");

            CliRun status = CliRun.registry(server(with("db", "status", placement)));
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("Schema    current");

            CliRun withDefaultTables = CliRun.registry(server("db", "status", "--schema", own));
            assertThat(withDefaultTables.out()).as("Liquibase's default tables hold no history there")
                    .doesNotContain("Schema    current");

            CliRun stats = CliRun.registry(server(with("stats", placement)));
            assertThat(stats.exitCode()).as(stats.toString()).isZero();
            assertThat(count("select count(*) from " + own + ".registry_log")).isPositive();
            assertThat(count("select count(*) from information_schema.tables where table_schema = '" + schema
                    + "' and table_name = 'models'")).as("nothing in the URL's schema").isZero();
        } finally {
            execute("drop schema if exists " + own + " cascade");
        }
    }

    @Test
    void aPlacementOptionTheRegistryRefusesOrWithoutAServerIsAUsageErrorNamingTheOption() {
        CliRun badTable = CliRun.registry(server("db", "upgrade", "--changelog-table", "models"));
        assertThat(badTable.exitCode()).as(badTable.toString()).isEqualTo(RegistryCli.USAGE);
        assertThat(badTable.err()).contains("--changelog-table").contains("'models' is one of the registry's own tables");

        CliRun badSchema = CliRun.registry(server("db", "status", "--schema", "x; drop table models"));
        assertThat(badSchema.exitCode()).as(badSchema.toString()).isEqualTo(RegistryCli.USAGE);
        assertThat(badSchema.err()).contains("--schema");
    }

    @Test
    void migrateImportsIntoTheSchemaAndChangelogTablesTheOptionsName() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        String own = schema + "_mig";
        try {
            CliRun migrate = CliRun.registry(server("migrate", "--old-path", legacy.toString(), "--legacy-timezone", "UTC",
                    "--schema", own, "--changelog-table", "registry_log", "--changelog-lock-table", "registry_log_lock"));
            assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
            assertThat(count("select count(*) from " + own + ".versions")).isEqualTo(12);
            assertThat(count("select count(*) from " + own + ".registry_log")).isPositive();
            assertThat(count("select count(*) from information_schema.tables where table_schema = '" + schema
                    + "' and table_name = 'versions'")).as("nothing in the URL's schema").isZero();
        } finally {
            execute("drop schema if exists " + own + " cascade");
        }
    }

    private static String[] with(String command, String[] options) {
        return with(new String[] {command}, options);
    }

    private static String[] with(String command, String subcommand, String[] options) {
        return with(new String[] {command, subcommand}, options);
    }

    private static String[] with(String[] words, String[] options) {
        String[] all = java.util.Arrays.copyOf(words, words.length + options.length);
        System.arraycopy(options, 0, all, words.length, options.length);
        return all;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void theApiRegistersAndPromotesOnPostgresql() {
        try (ModelRegistry registry = ModelRegistryJdbc.open(url, USER, PASSWORD, ScoringWeights.DEFAULTS, tmp)) {
            String first = registry.registerModel(registration(0.05));
            String better = registry.registerModel(registration(0.01));
            assertThat(registry.getActiveModelVersion("sensor_001", "telemanom")).contains(better);

            registry.promoteVersion(first);

            assertThat(registry.getActiveModelVersion("sensor_001", "telemanom")).contains(first);
            assertThat(registry.getActivationHistory("sensor_001", "telemanom")).extracting(entry -> entry.reason())
                    .containsExactly("REGISTERED", "REGISTERED", "PROMOTED");
            assertThat(registry.getDataLineage(better).orElseThrow().dataHash()).isEqualTo("sha256:abc");
        }
    }

    private ModelRegistration registration(double anomalyRate) {
        return ModelRegistration.builder().sensorId("sensor_001").modelType("telemanom")
                .modelPath(tmp.resolve("telemanom/sensor_001"))
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("sha256:abc").build();
    }
}
