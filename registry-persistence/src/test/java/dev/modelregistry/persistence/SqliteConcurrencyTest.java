package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.VersionId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four threads and a second JVM register versions of one shared model and of a model of their
 * own on the same SQLite file at the same time: no call fails, no version is lost, and every
 * model ends with exactly one active version whose score is the model's best.
 */
class SqliteConcurrencyTest {

    private static final int THREADS = 4;
    private static final int PER_WORKER = 25;
    private static final String SHARED = "shared";

    @TempDir
    Path registryDir;

    @Test
    void threadsAndASecondProcessRegisterWithoutFailuresOrLostVersions() throws Exception {
        long started = System.nanoTime();
        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir)) {
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                    ConcurrentRegistrar.class.getName(),
                    registryDir.toString(), SHARED, "process", String.valueOf(PER_WORKER))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<VersionId>>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String own = "thread" + t;
                workers.add(pool.submit(() -> ConcurrentRegistrar.registerMany(database, SHARED, own, PER_WORKER)));
            }
            Set<String> registered = Collections.synchronizedSet(new HashSet<>());
            for (Future<List<VersionId>> worker : workers) {
                worker.get(120, TimeUnit.SECONDS).forEach(id -> registered.add(id.value()));
            }
            pool.shutdown();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().filter(line -> line.startsWith("registered ")).forEach(line -> registered.add(line.substring(11)));
            }
            assertThat(other.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).as("second process exit code").isZero();
            double seconds = (System.nanoTime() - started) / 1e9;

            int expected = (THREADS + 1) * PER_WORKER;
            assertThat(registered).hasSize(expected);
            try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
                Set<String> stored = new HashSet<>();
                try (ResultSet rows = sql.executeQuery("select version_id from versions")) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
                assertThat(stored).as("no lost version").containsAll(registered).hasSize(expected);
                try (ResultSet rows = sql.executeQuery("select m.model_id, count(v.version_id),"
                        + " (select count(*) from versions a where a.model_id = m.model_id and a.is_active),"
                        + " (select a.performance_score from versions a where a.model_id = m.model_id and a.is_active),"
                        + " (select max(b.performance_score) from versions b where b.model_id = m.model_id),"
                        + " (select a.version_id from versions a where a.model_id = m.model_id and a.is_active) = m.active_version"
                        + " from models m join versions v on v.model_id = m.model_id group by m.model_id")) {
                    int models = 0;
                    while (rows.next()) {
                        models++;
                        assertThat(rows.getInt(3)).as("active versions of " + rows.getString(1)).isEqualTo(1);
                        assertThat(rows.getDouble(4)).as("active score of " + rows.getString(1)).isEqualTo(rows.getDouble(5));
                        assertThat(rows.getBoolean(6)).as("models.active_version of " + rows.getString(1)).isTrue();
                    }
                    assertThat(models).isEqualTo(1 + THREADS + 1);
                }
            }
            System.out.printf("concurrency: %d registrations by %d threads + 1 process in %.2f s (%.0f/s)%n",
                    expected, THREADS, seconds, expected / seconds);
        }
    }
}
