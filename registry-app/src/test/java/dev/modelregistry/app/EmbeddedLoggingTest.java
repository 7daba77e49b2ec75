package dev.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.modelregistry.persistence.QuietLogging;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded library is quiet in a host that logs everything at INFO through SLF4J (here
 * logback, as a host would have it, with no level set for any library's logger): opening a
 * registry, fresh, reopened, one whose schema it upgrades, on its own SQLite pool or on the host's
 * PostgreSQL {@code DataSource}, logs at most one line at INFO or above, and that line can only
 * be Hibernate's version (HHH000001, logged once per JVM by the first open); closing it logs
 * nothing. HikariCP's start and shutdown lines, Hibernate's database info, JTA and batching lines
 * and Liquibase's messages are all below INFO. With {@value QuietLogging#VERBOSE} Liquibase's
 * messages and the database info are there again, at INFO.
 */
class EmbeddedLoggingTest {

    /** The one line an open may log: Hibernate's version, from a static initializer, once per JVM. */
    private static final String HIBERNATE_VERSION = "INFO org.hibernate.orm.core: HHH000001: ";

    @TempDir
    Path tmp;

    @Test
    void creatingReopeningAndClosingASqliteRegistryLogsAtMostHibernatesVersionAtInfo() {
        Path dir = tmp.resolve("fresh");
        List<String> created = openedAndClosed(() -> ModelRegistrySQLite.open(dir));
        List<String> reopened = openedAndClosed(() -> ModelRegistrySQLite.open(dir));
        List<String> withSettings = openedAndClosed(() -> ModelRegistrySQLite.open(dir, RegistrySettings.builder()
                .activeVersionCache(ActiveVersionCache.IN_PROCESS).build()));

        assertAtMostHibernatesVersion(created, "creating");
        assertAtMostHibernatesVersion(reopened, "reopening");
        assertAtMostHibernatesVersion(withSettings, "reopening with settings");
    }

    @Test
    void upgradingTheSchemaOfAnOlderRegistryLogsAtMostHibernatesVersionAtInfo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("release-1.0"));
        org.sqlite.SQLiteDataSource release10 = new org.sqlite.SQLiteDataSource();
        release10.setUrl(RegistryDatabase.sqliteUrl(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        SchemaMigrator.update(release10, "changelog/releases/1.0.xml");

        assertAtMostHibernatesVersion(openedAndClosed(() -> ModelRegistrySQLite.open(dir)), "upgrading from release 1.0");
    }

    @Test
    void openingASqliteRegistryReadOnlyLogsAtMostHibernatesVersionAtInfo() {
        Path dir = tmp.resolve("read-only");
        ModelRegistrySQLite.open(dir).close();

        assertAtMostHibernatesVersion(openedAndClosed(() -> ModelRegistrySQLite.openReadOnly(dir)), "opening read-only");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+",
            disabledReason = "REGISTRY_TEST_POSTGRES_URL is not set: no PostgreSQL server")
    void openingOnTheHostsPostgresDataSourceLogsAtMostHibernatesVersionAtInfo() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("REGISTRY_TEST_POSTGRES_URL"));
        config.setUsername(System.getenv("REGISTRY_TEST_POSTGRES_USER"));
        config.setPassword(System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_PASSWORD", ""));
        config.setMaximumPoolSize(4);
        String schema = "quiet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        RegistrySettings settings = RegistrySettings.builder().schema(schema).artifactRoot(tmp).build();
        try (HikariDataSource host = new HikariDataSource(config)) {
            try {
                List<String> created = openedAndClosed(() -> ModelRegistryJdbc.open(host, settings));
                List<String> reopened = openedAndClosed(() -> ModelRegistryJdbc.open(host, settings));
                List<String> readOnly = openedAndClosed(() -> ModelRegistryJdbc.open(host,
                        settings.toBuilder().upgradeSchemaOnOpen(false).build()));

                assertAtMostHibernatesVersion(created, "creating in the host's database");
                assertAtMostHibernatesVersion(reopened, "reopening in the host's database");
                assertAtMostHibernatesVersion(readOnly, "opening without upgrades in the host's database");
            } finally {
                try (Connection connection = host.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+",
            disabledReason = "REGISTRY_TEST_POSTGRES_URL is not set: no PostgreSQL server")
    void openingOnAPoolOfItsOwnFromAPostgresUrlLogsAtMostHibernatesVersionAtInfo() throws Exception {
        String schema = "quiet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = System.getenv("REGISTRY_TEST_POSTGRES_URL");
        String user = System.getenv("REGISTRY_TEST_POSTGRES_USER");
        String password = System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_PASSWORD", "");
        RegistrySettings settings = RegistrySettings.builder().schema(schema).artifactRoot(tmp).build();
        try {
            assertAtMostHibernatesVersion(openedAndClosed(() -> ModelRegistryJdbc.open(server, user, password, settings)),
                    "opening on a pool of its own");
        } finally {
            try (Connection connection = java.sql.DriverManager.getConnection(server, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void withTheVerboseSwitchLiquibaseAndHibernatesDatabaseInfoAreLoggedAtInfo() {
        System.setProperty(QuietLogging.VERBOSE, "true");
        try {
            List<String> open = openedAndClosed(() -> ModelRegistrySQLite.open(tmp.resolve("verbose")));
            assertThat(open).anyMatch(line -> line.startsWith("INFO liquibase"));
            assertThat(open).anyMatch(line -> line.contains("Hibernate's database info") && line.contains("jdbc:sqlite:"));
        } finally {
            System.clearProperty(QuietLogging.VERBOSE);
        }
    }

    /** Prints the lines to the test's output ({@code at INFO while creating: ...}) and checks the promise. */
    private static void assertAtMostHibernatesVersion(List<String> lines, String what) {
        System.out.println("lines at INFO while " + what + " and closing: " + lines.size());
        lines.forEach(line -> System.out.println("  " + line));
        assertThat(lines).as("lines at INFO or above while %s and closing", what).hasSizeLessThanOrEqualTo(1)
                .allMatch(line -> line.startsWith(HIBERNATE_VERSION));
    }

    /**
     * Opens a registry, reads from it and closes it with the root logger at INFO (a host's usual
     * level, no library logger set): the lines logged at INFO or above.
     */
    private static List<String> openedAndClosed(Supplier<ModelRegistry> opening) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level configured = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.INFO);
        try (ModelRegistry registry = opening.get()) {
            registry.getRegistryStats();
        } finally {
            root.setLevel(configured);
            root.detachAppender(captured);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                lines.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage());
            }
        }
        return lines;
    }
}
