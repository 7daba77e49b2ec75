package dev.modelregistry.bench;

import dev.modelregistry.app.ModelRegistry;
import java.nio.file.Path;

/**
 * Durable registrations per second, one transaction each, single thread: our SQLite registry
 * (WAL, synchronous=FULL) and the Python algorithm's baseline in the same run; PostgreSQL when
 * configured. Registrations rotate over 20 models.
 */
final class RegistrationBench {

    private static final int SENSORS = 20;

    private final Bench bench;
    private final int warmup;
    private final int rounds;
    private final int perRound;

    RegistrationBench(Bench bench) {
        this.bench = bench;
        this.warmup = bench.quick ? 100 : 500;
        this.rounds = bench.quick ? 2 : 5;
        this.perRound = bench.quick ? 200 : 1000;
    }

    void run() throws Exception {
        System.out.println("== registration throughput (" + rounds + " rounds of " + perRound + ", warm-up " + warmup + ")");
        double baseline = baseline();
        double ours;
        Path dir = bench.fresh("registration-sqlite");
        long t0 = System.nanoTime();
        try (ModelRegistry registry = Bench.openSqlite(dir)) {
            long openNanos = System.nanoTime() - t0;
            bench.result("registration", "open a new SQLite registry (Liquibase + Hibernate boot)",
                    String.format("%.2f s", openNanos / 1e9), "-", "info");
            ours = measure(registry);
        }
        bench.result("registration", "Python algorithm baseline, SQLite rollback journal, FULL",
                String.format("%.0f /s", baseline), "(quoted: ~800 /s)", "baseline");
        bench.result("registration", "registerModel, SQLite WAL synchronous=FULL",
                String.format("%.0f /s", ours), String.format(">= %.0f /s (5x)", 5 * baseline),
                Bench.verdict(ours >= 5 * baseline));
        bench.result("registration", "ratio ours / Python baseline (same run)", String.format("%.2fx", ours / baseline),
                ">= 5x", Bench.verdict(ours >= 5 * baseline));
        bench.result("registration", "ratio ours / the Python registry's quoted 800 /s", String.format("%.2fx", ours / 800), ">= 5x",
                Bench.verdict(ours >= 4000));
        if (Bench.postgresUrl() != null) {
            String schema = "bench_registration";
            String url = Bench.freshPostgresSchema(schema);
            try (ModelRegistry registry = Bench.openPostgres(url)) {
                double pg = measure(registry);
                bench.result("registration", "registerModel, PostgreSQL (local server)", String.format("%.0f /s", pg),
                        String.format(">= %.0f /s (5x)", 5 * baseline), Bench.verdict(pg >= 5 * baseline));
            } finally {
                Bench.dropPostgresSchema(schema);
            }
        } else {
            bench.note("PostgreSQL registrations skipped: REGISTRY_BENCH_POSTGRES_URL is not set");
        }
    }

    private double measure(ModelRegistry registry) {
        Workload workload = new Workload(1);
        for (int i = 0; i < warmup; i++) {
            registry.registerModel(workload.next("SENSOR-" + (i % SENSORS)).registration());
        }
        double[] perSecond = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                registry.registerModel(workload.next("SENSOR-" + (i % SENSORS)).registration());
            }
            perSecond[r] = perRound / ((System.nanoTime() - t0) / 1e9);
        }
        return Samples.median(perSecond);
    }

    private double baseline() throws Exception {
        Path dir = bench.fresh("registration-python-baseline");
        try (PythonBaseline python = new PythonBaseline(dir.resolve("model_registry.db"))) {
            Workload workload = new Workload(1);
            for (int i = 0; i < warmup; i++) {
                Workload.Item item = workload.next("SENSOR-" + (i % SENSORS));
                python.register(item.registration(), item.score());
            }
            double[] perSecond = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    Workload.Item item = workload.next("SENSOR-" + (i % SENSORS));
                    python.register(item.registration(), item.score());
                }
                perSecond[r] = perRound / ((System.nanoTime() - t0) / 1e9);
            }
            return Samples.median(perSecond);
        }
    }
}
