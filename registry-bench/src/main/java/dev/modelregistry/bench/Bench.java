package dev.modelregistry.bench;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark harness (not run by {@code mvn verify}): measures the speed targets (each row of
 * the report names its target; README "Benchmarks")
 * with warm-up and repeated rounds, prints a table and writes {@code BENCHMARKS.md}.
 *
 * <pre>
 * ./bench            full run (about 10 minutes on 2 cores), writes BENCHMARKS.md
 * ./bench --quick    small sizes, for trying the harness; writes target/BENCHMARKS-quick.md
 * ./bench --only registration,scaling,lookup,queries,search,feed,coldstart,migration
 * </pre>
 * PostgreSQL registrations run when {@code REGISTRY_BENCH_POSTGRES_URL} (and {@code _USER},
 * {@code _PASSWORD}) is set, in a fresh schema that is dropped afterwards.
 */
public final class Bench {

    /** One line of the report. */
    record Result(String section, String what, String measured, String target, String verdict) {
    }

    /** The section names {@code --only} takes, in run order. */
    static final List<String> SECTIONS = List.of("registration", "scaling", "lookup", "queries", "search", "feed", "coldstart", "migration");

    final boolean quick;
    final Path work;
    final List<Result> results = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Bench(boolean quick, Path work) {
        this.quick = quick;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        quietLogging();
        boolean quick = List.of(args).contains("--quick");
        String only = "";
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--only")) {
                only = args[++i];
            } else if (args[i].equals("--out")) {
                out = Path.of(args[++i]);
            }
        }
        for (String section : only.isEmpty() ? new String[0] : only.split(",")) {
            if (!SECTIONS.contains(section)) {
                System.err.println("unknown section '" + section + "'; sections: " + String.join(",", SECTIONS));
                System.exit(2);
            }
        }
        if (out == null) {
            out = quick ? Path.of("registry-bench/target/BENCHMARKS-quick.md") : Path.of("BENCHMARKS.md");
        }
        Path work = Path.of(System.getProperty("bench.dir", "registry-bench/target/bench"));
        Files.createDirectories(work);
        Bench bench = new Bench(quick, work);
        Machine machine = Machine.describe();
        String loadBefore = Machine.loadAverage();
        long started = System.nanoTime();
        if (selected(only, "registration")) {
            bench.section("registration");
            new RegistrationBench(bench).run();
        }
        if (selected(only, "scaling")) {
            bench.section("scaling");
            new ScalingBench(bench).run();
        }
        if (selected(only, "lookup") || selected(only, "queries")) {
            bench.section("lookup");
            new LookupBench(bench).run();
        }
        if (selected(only, "search")) {
            bench.section("search");
            new SearchBench(bench).run();
        }
        if (selected(only, "feed")) {
            bench.section("feed");
            new FeedBench(bench).run();
        }
        if (selected(only, "coldstart")) {
            bench.section("coldstart");
            new ColdStartBench(bench).run();
        }
        if (selected(only, "migration")) {
            bench.section("migration");
            new MigrationBench(bench).run();
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        String report = Report.markdown(machine, loadBefore, Machine.loadAverage(), minutes, bench);
        System.out.println();
        System.out.println(Report.table(bench.results));
        Path analysis = Path.of("registry-bench/ANALYSIS.md"); // hand-written profile notes, kept across runs
        if (!bench.quick && Files.isRegularFile(analysis)) {
            report += "\n" + Files.readString(analysis);
        }
        Files.writeString(out, report);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static boolean selected(String only, String section) {
        return only.isEmpty() || List.of(only.split(",")).contains(section);
    }

    void result(String section, String what, String measured, String target, String verdict) {
        Result r = new Result(section, what, measured, target, verdict);
        results.add(r);
        System.out.printf("  %-14s %-58s %-22s %-18s %s%n", section, what, measured, target, verdict);
    }

    /**
     * The first row of a section: the load average when it starts, so a reader sees which rows
     * ran under load (the machine is shared; the header has the load at start and end).
     */
    void section(String section) {
        result(section, "load average (1/5/15 min) at section start", Machine.loadAverage(), "-", "info");
    }

    void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    /** A fresh, empty folder under the work folder. */
    Path fresh(String name) throws IOException {
        Path dir = work.resolve(name);
        Files.deleteIfExists(dir.resolve("model_registry.db-wal"));
        Files.deleteIfExists(dir.resolve("model_registry.db-shm"));
        deleteTree(dir);
        return Files.createDirectories(dir);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The PostgreSQL server to also measure, or null. */
    static String postgresUrl() {
        String url = System.getenv("REGISTRY_BENCH_POSTGRES_URL");
        return url == null || url.isBlank() ? null : url;
    }

    /** Creates a fresh schema on the configured PostgreSQL server; returns a URL that uses it. */
    static String freshPostgresSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(postgresUrl(), System.getenv("REGISTRY_BENCH_POSTGRES_USER"),
                System.getenv("REGISTRY_BENCH_POSTGRES_PASSWORD")); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        }
        String url = postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropPostgresSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(postgresUrl(), System.getenv("REGISTRY_BENCH_POSTGRES_USER"),
                System.getenv("REGISTRY_BENCH_POSTGRES_PASSWORD")); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    static ModelRegistry openPostgres(String url) {
        return ModelRegistryJdbc.open(url, System.getenv("REGISTRY_BENCH_POSTGRES_USER"),
                System.getenv("REGISTRY_BENCH_POSTGRES_PASSWORD"), ScoringWeights.DEFAULTS, Path.of("data/models"));
    }

    static ModelRegistry openSqlite(Path dir) {
        return ModelRegistrySQLite.open(dir);
    }

    /**
     * Bulk-loads {@code models} models of {@code versionsPerModel} versions into an existing
     * registry file by JDBC, as a fixture: no journal, no fsync, a large page cache, and the
     * secondary indexes (those with their own {@code CREATE INDEX}, read from
     * {@code sqlite_master}, so schema changes are followed) dropped for the load and created
     * again afterwards, which sorts each once instead of inserting a million random keys into
     * some twenty b-trees. The triggers stay, so the derived tables are filled as by the
     * registry; the unique indexes check their rule when they are created again.
     */
    static void bulkLoadSqlite(Path dir, String sensorPrefix, int models, int versionsPerModel, long seed)
            throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("model_registry.db").toAbsolutePath() + "?foreign_keys=true&busy_timeout=10000";
        try (Connection c = DriverManager.getConnection(url)) {
            List<String> indexes = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                // building a fixture: durability is not measured here, a failed build is deleted and redone
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA cache_size=-1000000");
                s.execute("PRAGMA temp_store=MEMORY");
                try (var rows = s.executeQuery("select name, sql from sqlite_master where type = 'index' and sql is not null")) {
                    while (rows.next()) {
                        indexes.add(rows.getString(2));
                        indexes.add(rows.getString(1));
                    }
                }
                for (int i = 1; i < indexes.size(); i += 2) {
                    s.execute("drop index \"" + indexes.get(i) + "\"");
                }
            }
            c.setAutoCommit(false);
            Workload workload = new Workload(seed);
            Random random = workload.random();
            Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
            long counter = seed * 1_000_003L;
            try (BulkLoader loader = new BulkLoader(c)) {
                for (int m = 0; m < models; m++) {
                    List<BulkLoader.Row> rows = new ArrayList<>(versionsPerModel);
                    int best = 0;
                    for (int v = 0; v < versionsPerModel; v++) {
                        String id = String.format("%08x", (int) (counter++ * 0x9E3779B1L));
                        double score = random.nextDouble();
                        rows.add(workload.row(id, t0.plusSeconds((long) m * versionsPerModel + v), score));
                        if (score >= rows.get(best).score()) {
                            best = v;
                        }
                    }
                    loader.model(sensorPrefix + m, "telemanom", rows, best, t0);
                }
            }
            try (Statement s = c.createStatement()) {
                for (int i = 0; i < indexes.size(); i += 2) {
                    s.execute(indexes.get(i));
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
            }
        }
    }

    private static void quietLogging() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (var handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("org.jboss.logging.provider", "jdk");
    }
}
