package dev.modelregistry.bench;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.persistence.RegistryInvariants;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Durable registrations per second through the public API, each call its own committed
 * transaction: one thread, and 8 threads of this process calling one {@link ModelRegistry}
 * instance; against the Python algorithm's single-writer baseline and the disk's own
 * {@code O_DSYNC} write rate, both measured in the same run, on SQLite (WAL,
 * {@code synchronous=FULL}) and PostgreSQL when configured. One thread rotates over 20 models;
 * the 8 threads share another 20 models (so they meet on the same models). After the 8-thread
 * rounds, plain SQL counts the rows (none lost: every returned version id is stored, nothing
 * else) and checks every model: its active version has the best stored score of its versions
 * and is the only one flagged active, and {@code getActiveModelVersion} answers the same.
 */
final class RegistrationBench {

    private static final int SENSORS = 20;
    private static final int THREADS = 8;
    private static final String PARALLEL = "PAR-";

    private final Bench bench;
    private final int warmup;
    private final int rounds;
    private final int perRound;
    private final int parallelRounds;
    private final int parallelPerThread;

    RegistrationBench(Bench bench) {
        this.bench = bench;
        this.warmup = bench.quick ? 100 : 500;
        this.rounds = bench.quick ? 2 : 5;
        this.perRound = bench.quick ? 200 : 1000;
        this.parallelRounds = bench.quick ? 2 : 3;
        this.parallelPerThread = bench.quick ? 50 : 250;
    }

    /** What 8 threads did: the median rate of the rounds, the failures and the returned version ids. */
    record Parallel(double perSecond, int calls, int failures, String firstFailure, Set<String> versionIds) {
    }

    /**
     * What plain SQL found after the 8 threads: returned ids not stored ({@code lost}), stored
     * versions no call returned ({@code extra}: a failed call's leftovers), parallel models whose
     * active version is not the best, violations of the registry's invariants (every model).
     */
    record Check(long lost, long extra, int models, int notBest, List<String> problems) {

        boolean clean(Parallel parallel) {
            return parallel.failures() == 0 && lost == 0 && extra == 0 && problems.isEmpty();
        }

        String text(Parallel parallel) {
            return String.format("%d failed, %d lost, %d extra of %,d; %d of %d models not at best, %d violations",
                    parallel.failures(), lost, extra, parallel.calls(), notBest, models, problems.size() - notBest);
        }
    }

    void run() throws Exception {
        System.out.println("== registration throughput (1 thread: " + rounds + " rounds of " + perRound + ", warm-up "
                + warmup + "; " + THREADS + " threads: " + parallelRounds + " rounds of " + THREADS + " x " + parallelPerThread + ")");
        Path dir = bench.fresh("registration-sqlite");
        double baseline = baseline();
        bench.result("registration", "Python algorithm baseline, 1 thread, SQLite rollback journal, FULL",
                String.format("%,.0f /s", baseline), "(quoted: ~800 /s)", "baseline");
        double ours;
        double dsyncBefore;
        double dsyncAfter;
        Parallel parallel;
        Check check;
        long t0 = System.nanoTime();
        try (ModelRegistry registry = Bench.openSqlite(dir)) {
            long openNanos = System.nanoTime() - t0;
            bench.result("registration", "open a new SQLite registry (Liquibase + Hibernate boot)",
                    String.format("%.2f s", openNanos / 1e9), "-", "info");
            dsyncBefore = Machine.dsyncWritesPerSecond(dir, bench.quick ? 0.5 : 1.5);
            ours = measure(registry);
            dsyncAfter = Machine.dsyncWritesPerSecond(dir, bench.quick ? 0.5 : 1.5);
            parallel = parallel(registry);
            check = check("jdbc:sqlite:" + dir.resolve("model_registry.db").toAbsolutePath(), null, null, registry, parallel);
        }
        double dsync = (dsyncBefore + dsyncAfter) / 2;
        bench.result("registration", "disk: 4 KiB O_DSYNC appends/s in the bench folder (as dd oflag=dsync)",
                String.format("%,.0f /s (before %,.0f, after %,.0f)", dsync, dsyncBefore, dsyncAfter), "-", "floor");
        bench.result("registration", "registerModel, 1 thread, SQLite WAL synchronous=FULL",
                String.format("%,.0f /s", ours), String.format(">= %,.0f /s (3x Python)", 3 * baseline),
                Bench.verdict(ours >= 3 * baseline));
        bench.result("registration", "1 thread: ratio ours / Python baseline (same run)", String.format("%.2fx", ours / baseline),
                ">= 3x", Bench.verdict(ours >= 3 * baseline));
        bench.result("registration", "1 thread: ours / disk O_DSYNC writes/s (same run)",
                String.format("%.0f%%", 100 * ours / dsync), ">= 60%", Bench.verdict(ours >= 0.6 * dsync));
        bench.result("registration", THREADS + " threads, one registry, SQLite WAL synchronous=FULL",
                String.format("%,.0f /s", parallel.perSecond()), String.format(">= %,.0f /s (10x Python)", 10 * baseline),
                Bench.verdict(parallel.perSecond() >= 10 * baseline));
        bench.result("registration", THREADS + " threads: ratio ours / Python single-writer baseline",
                String.format("%.2fx", parallel.perSecond() / baseline), ">= 10x",
                Bench.verdict(parallel.perSecond() >= 10 * baseline));
        bench.result("registration", THREADS + " threads: failed, lost, extra (SQL), not at best, invariant violations",
                check.text(parallel), "all 0", Bench.verdict(check.clean(parallel)));
        bench.result("registration", THREADS + " threads: rate / disk O_DSYNC rate (> 1 only if commits share writes)",
                String.format("%.2f", parallel.perSecond() / dsync), "-", "info");
        noteFailures("SQLite", parallel, check);
        bench.note("registration batch sizes: the registry's public API does not expose them; the rate / O_DSYNC"
                + " rate row bounds them from below (above 1, commits must share disk writes)");
        if (Bench.postgresUrl() != null) {
            postgres(baseline);
        } else {
            bench.note("PostgreSQL registrations skipped: REGISTRY_BENCH_POSTGRES_URL is not set");
        }
    }

    private void postgres(double baseline) throws Exception {
        String schema = "bench_registration";
        String url = Bench.freshPostgresSchema(schema);
        try (ModelRegistry registry = Bench.openPostgres(url)) {
            double pg = measure(registry);
            Parallel parallel = parallel(registry);
            Check check = check(url, System.getenv("REGISTRY_BENCH_POSTGRES_USER"),
                    System.getenv("REGISTRY_BENCH_POSTGRES_PASSWORD"), registry, parallel);
            bench.result("registration", "registerModel, 1 thread, PostgreSQL (local server)",
                    String.format("%,.0f /s = %.2fx Python", pg, pg / baseline), "(reported)", "info");
            bench.result("registration", THREADS + " threads, one registry, PostgreSQL (local server)",
                    String.format("%,.0f /s = %.2fx Python", parallel.perSecond(), parallel.perSecond() / baseline),
                    "(reported)", "info");
            bench.result("registration", THREADS + " threads, PostgreSQL: failed, lost, extra, not at best, violations",
                    check.text(parallel), "all 0", Bench.verdict(check.clean(parallel)));
            noteFailures("PostgreSQL", parallel, check);
            try (Connection c = DriverManager.getConnection(url, System.getenv("REGISTRY_BENCH_POSTGRES_USER"),
                    System.getenv("REGISTRY_BENCH_POSTGRES_PASSWORD")); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select current_setting('synchronous_commit'), current_setting('fsync')")) {
                rows.next();
                bench.note("PostgreSQL server durability: synchronous_commit=" + rows.getString(1) + ", fsync=" + rows.getString(2));
            }
        } finally {
            Bench.dropPostgresSchema(schema);
        }
    }

    private void noteFailures(String database, Parallel parallel, Check check) {
        if (parallel.firstFailure() != null) {
            bench.note(database + " " + THREADS + " threads, first failure: " + parallel.firstFailure());
        }
        if (!check.problems().isEmpty()) {
            bench.note(database + " " + THREADS + " threads, first problem found afterwards: " + check.problems().get(0));
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

    /**
     * {@link #THREADS} threads call {@code registerModel} on the one registry at once; a round is
     * timed from the common start to the last thread's end. A warm-up round (a fifth of a round)
     * goes first; the registrations are built before the clock starts.
     */
    private Parallel parallel(ModelRegistry registry) throws InterruptedException {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicInteger sequence = new AtomicInteger();
        Workload[] workloads = new Workload[THREADS];
        for (int t = 0; t < THREADS; t++) {
            workloads[t] = new Workload(100 + t);
        }
        round(registry, workloads, Math.max(1, parallelPerThread / 5), sequence, ids, failures, firstFailure);
        double[] perSecond = new double[parallelRounds];
        int calls = THREADS * Math.max(1, parallelPerThread / 5);
        for (int r = 0; r < parallelRounds; r++) {
            perSecond[r] = THREADS * parallelPerThread
                    / round(registry, workloads, parallelPerThread, sequence, ids, failures, firstFailure);
            calls += THREADS * parallelPerThread;
        }
        return new Parallel(Samples.median(perSecond), calls, failures.get(), firstFailure.get(), ids);
    }

    /** One round: each thread registers {@code perThread} versions; returns the round's seconds. */
    private static double round(ModelRegistry registry, Workload[] workloads, int perThread, AtomicInteger sequence,
                                Set<String> ids, AtomicInteger failures, AtomicReference<String> firstFailure)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (Workload workload : workloads) {
            List<ModelRegistration> registrations = new ArrayList<>(perThread);
            for (int i = 0; i < perThread; i++) {
                registrations.add(workload.next(PARALLEL + Math.floorMod(sequence.getAndIncrement(), SENSORS)).registration());
            }
            threads.add(new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (ModelRegistration registration : registrations) {
                    try {
                        ids.add(registry.registerModel(registration));
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            }, "bench-register"));
        }
        threads.forEach(Thread::start);
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Plain SQL on the registry's database after the 8 threads: the versions of the parallel
     * models against the ids the calls returned; for each parallel model whether its active
     * version has the best stored score of its versions (the registry's rule: a new version wins
     * only with a strictly greater score, so the active one always holds the maximum) and is what
     * {@code getActiveModelVersion} says; and {@link RegistryInvariants} on every model (one
     * version flagged active, the model's, the history agreeing).
     */
    private static Check check(String url, String user, String password, ModelRegistry registry, Parallel parallel)
            throws Exception {
        Set<String> stored = new HashSet<>();
        int models = 0;
        int notBest = 0;
        List<String> problems = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("select version_id from versions where sensor_id like '" + PARALLEL + "%'")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            try (ResultSet rows = s.executeQuery("select m.sensor_id, m.active_version,"
                    + " (select max(v.performance_score) from versions v where v.model_id = m.model_id),"
                    + " (select v.performance_score from versions v where v.version_id = m.active_version)"
                    + " from models m where m.sensor_id like '" + PARALLEL + "%' order by m.sensor_id")) {
                while (rows.next()) {
                    models++;
                    String sensor = rows.getString(1);
                    String active = rows.getString(2);
                    double best = rows.getDouble(3);
                    double activeScore = rows.getDouble(4);
                    boolean activeKnown = !rows.wasNull();
                    Optional<String> answered = registry.getActiveModelVersion(sensor, "telemanom");
                    if (!activeKnown || activeScore < best || !answered.equals(Optional.of(active))) {
                        notBest++;
                        problems.add(String.format("%s: active %s (score %s), best score %s, getActiveModelVersion %s",
                                sensor, active, activeKnown ? activeScore : "none", best, answered.orElse("none")));
                    }
                }
            }
            problems.addAll(RegistryInvariants.check(c).violations());
        }
        long lost = parallel.versionIds().stream().filter(id -> !stored.contains(id)).count();
        long extra = stored.stream().filter(id -> !parallel.versionIds().contains(id)).count();
        return new Check(lost, extra, models, notBest, problems);
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
