package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * Several threads and two other JVMs call {@code ModelRegistrySQLite.open(dir).registerModel(...)}
 * on the same registry for a fixed number of operations: no call fails, no version is lost, and
 * every model's active version is its best-scoring one (and the one models.active_version names).
 */
class ConcurrentRegistrationThroughTheApiTest {

    private static final int THREADS = 3;
    private static final int PROCESSES = 2;
    private static final int PER_WORKER = 20;

    @TempDir
    Path registryDir;

    @Test
    void threadsAndTwoMoreProcessesRegisterWithoutFailuresLostVersionsOrAWrongActiveVersion() throws Exception {
        List<Process> others = new ArrayList<>();
        Set<String> registered = Collections.synchronizedSet(new HashSet<>());
        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir)) {
            for (int p = 0; p < PROCESSES; p++) {
                others.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ApiRegistrar.class.getName(),
                        registryDir.toString(), "shared", "process" + p, String.valueOf(PER_WORKER))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<String>>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String own = "thread" + t;
                workers.add(pool.submit(() -> ApiRegistrar.registerMany(registry, "shared", own, PER_WORKER)));
            }
            for (Future<List<String>> worker : workers) {
                registered.addAll(worker.get(3, TimeUnit.MINUTES));
            }
            pool.shutdown();
        }
        for (Process other : others) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().filter(line -> line.startsWith("registered ")).forEach(line -> registered.add(line.substring(11)));
            }
            assertThat(other.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(other.exitValue()).as("exit code of the other process").isZero();
        }

        int expected = (THREADS + PROCESSES) * PER_WORKER;
        assertThat(registered).as("every call returned a distinct version id").hasSize(expected);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + registryDir.resolve("model_registry.db"))) {
            Set<String> stored = new HashSet<>();
            try (ResultSet rows = c.createStatement().executeQuery("select version_id from versions")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            assertThat(stored).as("no lost version").isEqualTo(registered);
            try (ResultSet rows = c.createStatement().executeQuery("select m.model_id, m.active_version,"
                    + " (select count(*) from versions a where a.model_id = m.model_id and a.is_active),"
                    + " (select a.version_id from versions a where a.model_id = m.model_id and a.is_active),"
                    + " (select a.performance_score from versions a where a.model_id = m.model_id and a.is_active),"
                    + " (select max(b.performance_score) from versions b where b.model_id = m.model_id)"
                    + " from models m")) {
                int models = 0;
                while (rows.next()) {
                    models++;
                    String model = rows.getString(1);
                    assertThat(rows.getInt(3)).as("active versions of " + model).isEqualTo(1);
                    assertThat(rows.getString(4)).as("models.active_version of " + model).isEqualTo(rows.getString(2));
                    assertThat(rows.getDouble(5)).as("active score of " + model + " is the best").isEqualTo(rows.getDouble(6));
                }
                assertThat(models).isEqualTo(1 + THREADS + PROCESSES);
            }
        }
        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir)) {
            assertThat(registry.getRegistryStats().totalVersions()).isEqualTo(expected);
        }
    }
}
