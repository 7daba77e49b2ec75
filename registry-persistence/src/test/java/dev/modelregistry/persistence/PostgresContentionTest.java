package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 #6: 3 JVMs x 8 threads register into ONE model of a PostgreSQL registry at the same
 * time, starting with the model's very first version. Writers of one model wait for each other
 * (the unit of work locks the model row, {@code SELECT ... FOR UPDATE}) instead of failing with
 * {@code ConcurrentModelUpdateException} after their optimistic retries: no call fails, no
 * version is lost, the model ends with exactly one active version. Prints calls, failures and
 * the throughput.
 */
@ExtendWith(PostgresAvailable.class)
class PostgresContentionTest {

    private static final int PROCESSES = 3;
    private static final int THREADS = 8;
    private static final int PER_THREAD = 8;
    private static final String SENSOR = "contended";

    @TempDir
    Path tmp;

    @Test
    void writersOfOneModelWaitForEachOtherInsteadOfFailing() throws Exception {
        try (PostgresTarget server = PostgresTarget.start()) {
            server.open().close(); // the schema, before the writers
            List<Process> children = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"),
                        "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                        "-Dliquibase.analytics.enabled=false",
                        PostgresContentionChild.class.getName(), server.url(), nullToEmpty(server.user()),
                        nullToEmpty(server.password()), SENSOR, String.valueOf(THREADS), String.valueOf(PER_THREAD))
                        .redirectError(tmp.resolve("child-" + p + ".log").toFile())
                        .start());
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process child : children) {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("child ready").isEqualTo("READY");
                outputs.add(out);
            }
            long started = System.nanoTime();
            for (Process child : children) {
                OutputStream in = child.getOutputStream();
                in.write("GO\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            Set<String> registered = new HashSet<>();
            List<String> failures = new ArrayList<>();
            for (BufferedReader out : outputs) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("registered ")) {
                        registered.add(line.substring("registered ".length()));
                    } else if (line.startsWith("failed ")) {
                        failures.add(line);
                    }
                }
            }
            for (Process child : children) {
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int calls = PROCESSES * THREADS * PER_THREAD;
            System.out.printf("PostgreSQL contention: %d processes x %d threads into one model: calls=%d, failures=%d"
                            + " (%.1f%%), %.2f s, throughput %.1f calls/s%n", PROCESSES, THREADS, calls, failures.size(),
                    100.0 * failures.size() / calls, seconds, calls / seconds);
            failures.stream().map(line -> line.replaceAll("[0-9a-f]{12}", "<id>")).distinct().limit(5)
                    .forEach(line -> System.out.println("  " + line));

            assertThat(failures).as("failed calls").isEmpty();
            assertThat(registered).hasSize(calls);
            try (Connection connection = server.connect(); Statement sql = connection.createStatement()) {
                Set<String> stored = new HashSet<>();
                try (ResultSet rows = sql.executeQuery("select version_id from versions")) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
                assertThat(stored).as("nothing lost").isEqualTo(registered);
                assertThat(RegistryInvariants.check(connection).violations()).isEmpty();
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
