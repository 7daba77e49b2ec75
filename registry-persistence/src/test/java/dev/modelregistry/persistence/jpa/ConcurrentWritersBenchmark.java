package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.ConcurrentRegistrar;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.RegistryInvariants;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * On-demand numbers (not asserted anywhere): durable registrations per second on SQLite from one
 * thread, then from several threads of this process, in the same run; each call is one unit of
 * work and returns once its change is committed. Afterwards it counts failures and lost
 * versions and checks the registry's invariants (one active version per model, its best).
 * <pre>
 * java -cp &lt;registry-persistence test classpath&gt; dev.modelregistry.persistence.jpa.ConcurrentWritersBenchmark \
 *     [registrations per run] [threads] [models] [PostgreSQL url: a fresh schema per run]
 * </pre>
 */
public final class ConcurrentWritersBenchmark {

    private ConcurrentWritersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int registrations = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int models = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        for (int run = 0; run < 2; run++) { // the first run warms up
            for (int writers : new int[] {1, threads}) {
                try (RegistryDatabase database = args.length > 3 ? openFreshSchema(args[3], run, writers)
                        : RegistryDatabase.openSqlite(Files.createTempDirectory("registry-writers"))) {
                    measure(database, run == 0 ? registrations / 4 : registrations, writers, models, run == 0);
                }
            }
        }
    }

    /** A PostgreSQL registry in a schema of its own (dropped first), user from REGISTRY_BENCH_POSTGRES_USER. */
    private static RegistryDatabase openFreshSchema(String url, int run, int writers) throws java.sql.SQLException {
        String user = System.getenv("REGISTRY_BENCH_POSTGRES_USER");
        String schema = "writers_bench_" + run + "_" + writers;
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, user, null);
             Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + schema + " cascade");
            sql.execute("create schema " + schema);
        }
        return RegistryDatabase.openJdbc(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, null);
    }

    private static void measure(RegistryDatabase database, int registrations, int writers, int models, boolean warmUp)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        List<Future<List<VersionId>>> workers = new ArrayList<>();
        GroupCommitStats before = GroupCommitStats.of(database);
        long start = System.nanoTime();
        for (int t = 0; t < writers; t++) {
            workers.add(pool.submit(() -> {
                List<VersionId> ids = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < registrations; i = next.getAndIncrement()) {
                    try {
                        ids.add(ConcurrentRegistrar.registerOne(database, "sensor" + (i % models)));
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
                return ids;
            }));
        }
        Set<String> returned = new HashSet<>();
        for (Future<List<VersionId>> worker : workers) {
            worker.get().forEach(id -> returned.add(id.value()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        GroupCommitStats batches = GroupCommitStats.of(database).since(before);
        Set<String> stored = new HashSet<>();
        int violations = database.reads().read(read -> {
            try (Statement sql = read.connection().createStatement()) {
                try (ResultSet rows = sql.executeQuery("select version_id from versions")) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
                return RegistryInvariants.check(read.connection()).violations().size() + notBest(sql);
            }
        });
        long lost = returned.stream().filter(id -> !stored.contains(id)).count();
        if (!warmUp) {
            System.out.printf("%d thread(s): %d registrations in %.2f s = %.0f/s; failures %d, lost %d,"
                            + " invariant violations %d; %d commits, %.1f calls per batch (largest %d)%n", writers,
                    registrations, seconds, registrations / seconds, failures.get(), lost, violations,
                    batches.commits(), (double) batches.calls() / batches.batches(), batches.largestBatch());
        }
    }

    /** Models whose active version is not one of the best scored (registrations only: the best wins). */
    private static int notBest(Statement sql) throws java.sql.SQLException {
        try (ResultSet row = sql.executeQuery("select count(*) from models m join versions a"
                + " on a.version_id = m.active_version where a.performance_score <"
                + " (select max(b.performance_score) from versions b where b.model_id = m.model_id)")) {
            row.next();
            return row.getInt(1);
        }
    }
}
