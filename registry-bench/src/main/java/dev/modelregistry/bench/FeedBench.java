package dev.modelregistry.bench;

import dev.modelregistry.app.ModelRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The change feed across processes: a child JVM ({@link FeedWriter}) promotes 100 times; this
 * process listens with {@code onActivationChange}. Each change's delay is the wall clock at
 * delivery minus the child's wall clock just after its promotion's commit returned (same machine,
 * same clock; {@code System.nanoTime} is per process). Median and p95 over the 100 changes, SQLite and (with
 * {@code REGISTRY_BENCH_POSTGRES_URL}) PostgreSQL.
 */
final class FeedBench {

    private final Bench bench;
    private final int changes;

    FeedBench(Bench bench) {
        this.bench = bench;
        this.changes = bench.quick ? 20 : 100;
    }

    void run() throws Exception {
        System.out.println("== change feed: another process's promotion to onActivationChange");
        Path dir = bench.fresh("feed");
        measure("SQLite", "sqlite:" + dir.toAbsolutePath(), Bench.openSqlite(dir), 150, 1_000_000);
        if (Bench.postgresUrl() != null) {
            String url = Bench.freshPostgresSchema("bench_feed");
            try {
                measure("PostgreSQL", url, Bench.openPostgres(url), 50, 100_000);
            } finally {
                Bench.dropPostgresSchema("bench_feed");
            }
        }
    }

    private void measure(String name, String target, ModelRegistry opened, long pauseMillis, long targetMicros)
            throws Exception {
        List<Long> delivered = new CopyOnWriteArrayList<>();
        List<Long> sent = new ArrayList<>();
        try (ModelRegistry registry = opened) {
            Workload workload = new Workload(11);
            String a = registry.registerModel(workload.next("FEED-1").registration());
            String b = registry.registerModel(workload.next("FEED-1").registration());
            String active = registry.getActiveModelVersion("FEED-1", "telemanom").orElseThrow();
            String other = active.equals(a) ? b : a;
            try (AutoCloseable ignored = registry.onActivationChange(
                    event -> delivered.add(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now())))) {
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-Dliquibase.analytics.enabled=false", "-cp", System.getProperty("java.class.path"), FeedWriter.class.getName(), target,
                        String.valueOf(changes), String.valueOf(pauseMillis), other, active)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("sent ")) {
                            sent.add(Long.parseLong(line.substring(5).trim()));
                        }
                    }
                }
                if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
                    throw new IllegalStateException("the feed writer failed");
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (delivered.size() < sent.size() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
        }
        if (delivered.size() != sent.size()) {
            bench.result("feed", name + ": changes delivered", delivered.size() + " of " + sent.size(), "all", "MISS");
            return;
        }
        Samples delays = new Samples();
        for (int i = 0; i < sent.size(); i++) {
            delays.add((delivered.get(i) - sent.get(i)) * 1000);
        }
        bench.result("feed", name + ": another process's change to onActivationChange, median of " + changes,
                Samples.micros(delays.median()), targetMicros >= 1_000_000 ? "<= 1 s" : "<= 100 ms",
                Bench.verdict(delays.median() <= targetMicros * 1000));
        bench.result("feed", name + ": same, p95", Samples.micros(delays.quantile(0.95)), "-", "info");
    }
}
