package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.app.migration.legacy.LegacyRegistryGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 anywhere in a migration (M4, docs/rules.md): the migration runs in a child JVM on a
 * generated registry and is killed (SIGKILL, {@code destroyForcibly}) at random moments, 20
 * times. Every time the legacy folder is byte-identical and the database holds none or all of
 * the import; when a run got to finish, the database is removed so the next kill again lands in
 * a first import. A final run on the database the last kill left behind completes with every
 * version.
 *
 * <p>Part of {@code mvn verify} (about 100 s on 2 cores). It used to fail in about half the
 * runs: a kill while Liquibase held its changelog lock (every open took it, even on a current
 * schema) left DATABASECHANGELOGLOCK held, and the next open waited 5 minutes and failed. Opening
 * now skips Liquibase on a current schema and, on SQLite, runs it under an OS file lock that
 * releases a stale changelog lock (see {@code SchemaMigrator}).
 */
class MigrationCrashSafetyTest {

    private static final int KILLS = 20;
    private static final int MODELS = 100;
    private static final int VERSIONS_PER_MODEL = 10;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aMigrationKilledAtRandomMomentsLeavesTheLegacyFolderIntactAndTheDatabaseWithNoneOrAllOfTheImport()
            throws Exception {
        Path legacy = tmp.resolve("data/models/registry");
        new LegacyRegistryGenerator(3).generate(legacy, MODELS, VERSIONS_PER_MODEL);
        int expected = MODELS * VERSIONS_PER_MODEL;
        Map<String, String> before = LegacyFixtures.hashTree(legacy);
        Path target = tmp.resolve("data/models/registry_sqlite");

        long started = System.nanoTime();
        Process reference = start(legacy, tmp.resolve("reference"));
        assertThat(reference.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(reference.exitValue()).as(output(reference)).isZero();
        long fullRunMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(versionsIn(tmp.resolve("reference"))).isEqualTo(expected);
        removeBackups(legacy);

        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        int none = 0;
        int all = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            long delay = (long) (fullRunMillis * (0.3 + 0.9 * random.nextDouble()));
            Process child = start(legacy, target);
            boolean finished = child.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            String where = "kill " + kill + " after " + delay + " ms (seed " + seed + ", finished: " + finished + ")";
            assertThat(LegacyFixtures.hashTree(legacy)).as(where + ": legacy folder byte-identical").isEqualTo(before);
            long stored = versionsIn(target);
            assertThat(stored).as(where + ": versions in the database").isIn(0L, (long) expected);
            if (stored == expected) {
                all++;
                if (kill < KILLS) {
                    deleteTree(target);
                }
            } else {
                none++;
            }
            removeBackups(legacy);
        }

        Process rerun = start(legacy, target);
        assertThat(rerun.waitFor(3, TimeUnit.MINUTES)).as("the final rerun finishes").isTrue();
        assertThat(rerun.exitValue()).as(output(rerun)).isZero();
        assertThat(versionsIn(target)).isEqualTo(expected);
        assertThat(LegacyFixtures.hashTree(legacy)).isEqualTo(before);
        System.out.printf("crash safety: %d kills (full run %d ms, seed %d): %d left none, %d left all; rerun ok in %.1f s total%n",
                KILLS, fullRunMillis, seed, none, all, (System.nanoTime() - started) / 1e9);
    }

    private static Process start(Path legacy, Path target) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                MigrationChild.class.getName(), legacy.toString(), target.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(target.resolveSibling(target.getFileName() + ".log").toFile()))
                .start();
    }

    private String output(Process process) throws IOException {
        StringBuilder sb = new StringBuilder("child output: ");
        try (var logs = Files.list(tmp.resolve("data/models"))) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                sb.append(Files.readString(log));
            }
        }
        if (Files.exists(tmp.resolve("reference.log"))) {
            sb.append(Files.readString(tmp.resolve("reference.log")));
        }
        return sb.toString();
    }

    /** Versions committed in the registry's database; a missing file or schema counts as none. */
    static long versionsIn(Path registryDir) throws Exception {
        Path db = registryDir.resolve("model_registry.db");
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            try (ResultSet tables = c.createStatement().executeQuery(
                    "select count(*) from sqlite_master where type = 'table' and name = 'versions'")) {
                tables.next();
                if (tables.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet rows = c.createStatement().executeQuery("select count(*) from versions")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void removeBackups(Path legacy) throws IOException {
        try (var siblings = Files.list(legacy.getParent())) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith("registry_backup_")).toList()) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
