package dev.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.modelregistry.persistence.QuietLogging;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded library is quiet in a host that logs at INFO through SLF4J (here logback, as a
 * host would have it): opening a registry, fresh or one whose schema it upgrades, logs at most one
 * line at INFO or above from the registry and Liquibase (whose INFO messages go to DEBUG). The
 * connection pool's and Hibernate's start-up lines ({@code com.zaxxer.hikari}, {@code org.hibernate})
 * are the host's to set (README, "Logging"): with those two at WARN, as the README advises, the
 * whole open is at most one line. With {@value QuietLogging#VERBOSE} Liquibase's messages are there
 * again, at INFO.
 */
class EmbeddedLoggingTest {

    @TempDir
    Path tmp;

    @Test
    void creatingAndReopeningARegistryLogsAtMostOneLineAtInfo() {
        Path dir = tmp.resolve("fresh");
        List<String> created = infoAndAbove(() -> {
            try (ModelRegistry registry = ModelRegistrySQLite.open(dir)) {
                registry.getRegistryStats();
            }
        });
        List<String> reopened = infoAndAbove(() -> {
            try (ModelRegistry registry = ModelRegistrySQLite.open(dir)) {
                registry.getRegistryStats();
            }
        });

        assertThat(created).as("lines at INFO or above while creating").hasSizeLessThanOrEqualTo(1);
        assertThat(reopened).as("lines at INFO or above while reopening").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void upgradingTheSchemaOfAnOlderRegistryLogsAtMostOneLineAtInfo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("release-1.0"));
        SQLiteDataSource release10 = new SQLiteDataSource();
        release10.setUrl(RegistryDatabase.sqliteUrl(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        SchemaMigrator.update(release10, "changelog/releases/1.0.xml");

        List<String> upgraded = infoAndAbove(() -> {
            try (ModelRegistry registry = ModelRegistrySQLite.open(dir)) {
                registry.getRegistryStats();
            }
        });

        assertThat(upgraded).as("lines at INFO or above while upgrading from release 1.0").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void withTheVerboseSwitchLiquibaseTellsWhatItDoesAtInfo() {
        System.setProperty(QuietLogging.VERBOSE, "true");
        try {
            List<String> open = infoAndAbove(() -> ModelRegistrySQLite.open(tmp.resolve("verbose")).close());
            assertThat(open).anyMatch(line -> line.startsWith("INFO liquibase"));
        } finally {
            System.clearProperty(QuietLogging.VERBOSE);
        }
    }

    /** The loggers of the pool and the ORM, which the README tells a host to set to WARN. */
    private static final List<String> HOST_SET_TO_WARN = List.of("com.zaxxer.hikari", "org.hibernate");

    /**
     * Runs {@code work} with the root logger at INFO (a host's usual level) and the loggers of
     * {@link #HOST_SET_TO_WARN} at WARN; the lines it logged at INFO or above.
     */
    private static List<String> infoAndAbove(Runnable work) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level configured = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.INFO);
        for (String name : HOST_SET_TO_WARN) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
        try {
            work.run();
        } finally {
            for (String name : HOST_SET_TO_WARN) {
                ((Logger) LoggerFactory.getLogger(name)).setLevel(null);
            }
            root.setLevel(configured);
            root.detachAppender(captured);
        }
        return captured.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage())
                .toList();
    }
}
