package dev.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.persistence.QuietLogging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded library is quiet: creating and opening a registry logs nothing at INFO or above
 * under the JDK's default logging (root at INFO), neither through java.util.logging (Liquibase,
 * Hibernate without log4j2/logback) nor on stderr; with {@value QuietLogging#VERBOSE} the
 * Liquibase messages are there again.
 */
class EmbeddedLoggingTest {

    @TempDir
    Path tmp;

    @Test
    void creatingAndReopeningARegistryLogsNothingAtInfo() {
        Captured open = capture(() -> {
            try (ModelRegistry registry = ModelRegistrySQLite.open(tmp.resolve("fresh"))) {
                registry.getRegistryStats();
            }
            try (ModelRegistry registry = ModelRegistrySQLite.open(tmp.resolve("fresh"))) {
                registry.getRegistryStats();
            }
        });

        assertThat(open.records()).as("log records at INFO or above").isEmpty();
        assertThat(open.stderr()).isEmpty();
    }

    @Test
    void withTheVerboseSwitchLiquibaseTellsWhatItDoes() {
        System.setProperty(QuietLogging.VERBOSE, "true");
        try {
            Captured open = capture(() -> ModelRegistrySQLite.open(tmp.resolve("verbose")).close());
            assertThat(open.records()).anyMatch(line -> line.startsWith("INFO liquibase"));
        } finally {
            System.clearProperty(QuietLogging.VERBOSE);
        }
    }

    private static Captured capture(Runnable work) {
        List<String> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    records.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        Logger liquibase = Logger.getLogger("liquibase");
        Level liquibaseLevel = liquibase.getLevel();
        Handler[] consoles = root.getHandlers();
        for (Handler console : consoles) {
            root.removeHandler(console); // captured, not printed into the build output
        }
        root.setLevel(Level.INFO); // the JDK's default configuration
        liquibase.setLevel(null);
        root.addHandler(handler);
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(stderr);
            root.removeHandler(handler);
            for (Handler console : consoles) {
                root.addHandler(console);
            }
            root.setLevel(rootLevel);
            liquibase.setLevel(liquibaseLevel);
        }
        return new Captured(records, err.toString(StandardCharsets.UTF_8));
    }

    private record Captured(List<String> records, String stderr) {
    }
}
