package dev.modelregistry.bench;

import dev.modelregistry.app.ActiveVersionCache;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Read latencies on a large registry (1,000,000 versions across 100,000 models, built once by a
 * JDBC bulk insert into the Liquibase schema and cached under the work folder): the active
 * version lookup (uncached and with the in-process cache), the active model's details, listing a model's versions, versions above a score, statistics.
 */
final class LookupBench {

    private final Bench bench;
    private final int models;
    private final int versionsPerModel = 10;

    LookupBench(Bench bench) {
        this.bench = bench;
        this.models = bench.quick ? 10_000 : 100_000;
    }

    void run() throws Exception {
        int total = models * versionsPerModel;
        Path dir = fixture();
        long t0 = System.nanoTime();
        try (ModelRegistry registry = Bench.openSqlite(dir)) {
            bench.result("lookup", String.format("open an existing registry of %,d versions", total),
                    String.format("%.2f s", (System.nanoTime() - t0) / 1e9), "-", "info");
            Random random = new Random(5);
            int warm = bench.quick ? 5_000 : 20_000;
            int measured = bench.quick ? 20_000 : 100_000;
            Samples active = timed(random, warm, measured,
                    sensor -> registry.getActiveModelVersion(sensor, "telemanom").isPresent());
            Path file = dir.resolve("model_registry.db");
            Samples python = pythonPerCall(file, random, bench.quick ? 2_000 : 10_000);
            Samples floor = rawJdbc(file, random, warm, measured);
            bench.result("lookup", "Python get_active_model_version replayed by JDBC (connection per call) mean",
                    Samples.micros(python.mean()), "-", "baseline");
            bench.result("lookup", "raw JDBC, one prepared statement on one connection, mean / p99",
                    Samples.micros(floor.mean()) + " / " + Samples.micros(floor.quantile(0.99)), "-", "floor");
            bench.result("lookup", "getActiveModelVersion mean (uncached)", Samples.micros(active.mean()),
                    "<= " + Samples.micros(python.mean() / 10) + " (1/10 Python)",
                    Bench.verdict(active.mean() * 10 <= python.mean()));
            bench.result("lookup", "getActiveModelVersion p50 (uncached)", Samples.micros(active.quantile(0.5)), "-", "info");
            bench.result("lookup", "getActiveModelVersion p99 (uncached)", Samples.micros(active.quantile(0.99)), "< 20 us",
                    Bench.verdict(active.quantile(0.99) < 20_000));

            Samples details = timed(random, warm, measured, sensor -> registry.getActiveModel(sensor, "telemanom").isPresent());
            bench.result("lookup", "getActiveModel (details in one call) p50 (uncached)",
                    Samples.micros(details.quantile(0.5)), "-", "info");
            bench.result("lookup", "getActiveModel (details in one call) p99 (uncached)",
                    Samples.micros(details.quantile(0.99)), "< 50 us", Bench.verdict(details.quantile(0.99) < 50_000));
            cached(dir);

            Samples list = new Samples();
            for (int i = 0; i < 6_000; i++) {
                String sensor = "S" + random.nextInt(models);
                long s = System.nanoTime();
                int n = registry.listVersions(sensor, "telemanom").size();
                if (i >= 1_000) {
                    list.add(System.nanoTime() - s);
                }
                expectPresent(n == versionsPerModel);
            }
            bench.result("queries", "listVersions of a model (10 versions) p50 / p99",
                    Samples.micros(list.quantile(0.5)) + " / " + Samples.micros(list.quantile(0.99)), "-", "info");

            double threshold = 1 - 500.0 / total;
            Samples scored = new Samples();
            int rows = 0;
            for (int i = 0; i < 120; i++) {
                long s = System.nanoTime();
                rows = registry.listVersionsScoredAtLeast(threshold).size();
                if (i >= 20) {
                    scored.add(System.nanoTime() - s);
                }
            }
            bench.result("queries", String.format("listVersionsScoredAtLeast (%d rows) p50 / p99", rows),
                    Samples.micros(scored.quantile(0.5)) + " / " + Samples.micros(scored.quantile(0.99)), "-", "info");

            Samples stats = new Samples();
            for (int i = 0; i < 12; i++) {
                long s = System.nanoTime();
                expectPresent(registry.getRegistryStats().totalVersions() == total);
                if (i >= 2) {
                    stats.add(System.nanoTime() - s);
                }
            }
            bench.result("queries", String.format("getRegistryStats over %,d versions (median)", total),
                    Samples.micros(stats.median()), "< 50 ms", Bench.verdict(stats.median() < 50_000_000));
        }
    }

    /**
     * {@code getActiveModelVersion} with {@link ActiveVersionCache#IN_PROCESS} on the same file:
     * every model is read once (filling the cache), then random models are asked for.
     */
    private void cached(Path dir) {
        try (ModelRegistry registry = ModelRegistrySQLite.open(dir, ActiveVersionCache.IN_PROCESS)) {
            for (int m = 0; m < models; m++) {
                expectPresent(registry.getActiveModelVersion("S" + m, "telemanom").isPresent());
            }
            Random random = new Random(9);
            int measured = bench.quick ? 20_000 : 100_000;
            Samples hits = timed(random, measured, measured,
                    sensor -> registry.getActiveModelVersion(sensor, "telemanom").isPresent());
            bench.result("lookup", "getActiveModelVersion mean / p50 (cached, IN_PROCESS)",
                    Samples.micros(hits.mean()) + " / " + Samples.micros(hits.quantile(0.5)), "-", "info");
            bench.result("lookup", "getActiveModelVersion p99 (cached, IN_PROCESS)", Samples.micros(hits.quantile(0.99)),
                    "< 2 us", Bench.verdict(hits.quantile(0.99) < 2_000));
        }
    }

    /** Times {@code lookup} of random sensors after {@code warm} untimed calls; each must find its model. */
    private Samples timed(Random random, int warm, int measured, Predicate<String> lookup) {
        Samples samples = new Samples();
        for (int i = 0; i < warm + measured; i++) {
            String sensor = "S" + random.nextInt(models);
            long s = System.nanoTime();
            boolean found = lookup.test(sensor);
            if (i >= warm) {
                samples.add(System.nanoTime() - s);
            }
            expectPresent(found);
        }
        return samples;
    }

    /**
     * The Python registry's {@code get_active_model_version}, replayed with JDBC as it does it: a
     * new connection per call ({@code sqlite3.connect(db, timeout=30.0)}), one query by model id
     * ({@code SELECT active_version FROM models WHERE model_id = ?}), close. The models table and
     * its primary key are the same in both schemas, so it runs on the same file.
     */
    private Samples pythonPerCall(Path file, Random random, int calls) throws Exception {
        String url = "jdbc:sqlite:" + file.toAbsolutePath() + "?busy_timeout=30000";
        Samples samples = new Samples();
        for (int i = 0; i < calls + calls / 5; i++) {
            String modelId = "telemanom_S" + random.nextInt(models);
            long s = System.nanoTime();
            String active;
            try (Connection c = DriverManager.getConnection(url);
                 PreparedStatement q = c.prepareStatement("SELECT active_version FROM models WHERE model_id = ?")) {
                q.setString(1, modelId);
                try (ResultSet rs = q.executeQuery()) {
                    active = rs.next() ? rs.getString(1) : null;
                }
            }
            if (i >= calls / 5) {
                samples.add(System.nanoTime() - s);
            }
            expectPresent(active != null);
        }
        return samples;
    }

    /** The floor: the active version by sensor and type, one prepared statement kept open on one connection. */
    private Samples rawJdbc(Path file, Random random, int warm, int measured) throws Exception {
        Samples samples = new Samples();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement q = c.prepareStatement(
                     "SELECT active_version FROM models WHERE sensor_id = ? AND model_type = ?")) {
            for (int i = 0; i < warm + measured; i++) {
                q.setString(1, "S" + random.nextInt(models));
                q.setString(2, "telemanom");
                long s = System.nanoTime();
                String active;
                try (ResultSet rs = q.executeQuery()) {
                    active = rs.next() ? rs.getString(1) : null;
                }
                if (i >= warm) {
                    samples.add(System.nanoTime() - s);
                }
                expectPresent(active != null);
            }
        }
        return samples;
    }

    int models() {
        return models;
    }

    /** The cached registry of {@code models} x 10 versions, built by a JDBC bulk insert when missing. */
    Path fixture() throws Exception {
        int total = models * versionsPerModel;
        System.out.printf("== reads on %,d versions / %,d models%n", total, models);
        String name = "lookup-" + total + "-v2"; // v2: lineage rows carry a data source and a training period
        Path dir = bench.work.resolve(name);
        Path complete = dir.resolve("complete");
        if (!Files.exists(complete)) {
            dir = bench.fresh(name);
            Bench.openSqlite(dir).close(); // the real schema, by Liquibase
            long t0 = System.nanoTime();
            Bench.bulkLoadSqlite(dir, "S", models, versionsPerModel, 7);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Files.writeString(complete, "built in " + seconds + " s\n");
            bench.result("lookup", String.format("build %,d versions by JDBC bulk insert (cached)", total),
                    String.format("%.1f s", seconds), "< 60 s", Bench.verdict(seconds < 60));
        } else {
            bench.note("lookup registry reused from " + dir + " (" + Files.readString(complete).trim() + ")");
        }
        return dir;
    }

    private static void expectPresent(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("the benchmark registry does not hold what was loaded");
        }
    }
}
