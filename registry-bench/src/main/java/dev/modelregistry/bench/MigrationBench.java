package dev.modelregistry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.migration.legacy.LegacyModel;
import dev.modelregistry.app.migration.legacy.LegacyRegistry;
import dev.modelregistry.app.migration.legacy.LegacyRegistryGenerator;
import dev.modelregistry.app.migration.legacy.LegacyRegistryReader;
import dev.modelregistry.app.migration.legacy.LegacyVersion;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.jpa.BulkInserts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migration of generated legacy registries (the generator's models x 10 versions) in child JVMs
 * with {@code -Xmx256m}, in both forms a user runs it: {@code ./registry migrate} (the launcher
 * at the repository root, with its JVM flags and class-data-sharing archive) and
 * {@code java -jar registry-cli/target/registry.jar migrate}; wall time from process start to
 * exit, versions per second, peak heap (from the GC log: the largest heap occupancy before a
 * collection or at exit). The runs of the two forms alternate, so both see the same load. One
 * untimed {@code ./registry migrate} of the smaller registry goes first: it pays what only the
 * first run after a build pays (writing the launcher's archive when there is none). The floor
 * is the same rows inserted by a plain JDBC batch (one transaction) into the same Liquibase
 * schema, in this JVM, on a connection set up as the migration's import connection: the
 * registry's URL ({@link RegistryDatabase#sqliteUrl}: WAL, synchronous=FULL, foreign keys) and
 * the import's page cache ({@link BulkInserts#enlargeSqliteCache}, 128 MiB). With SQLite's
 * default cache of about 2 MB the floor grew faster than the rows (5,000 versions 0.67 s,
 * 50,000 10.8 s: the twenty-odd b-trees of 50,000 random version ids no longer fit, so every
 * insert evicted and re-read pages), which measured the cache, not what the import must do.
 * The lineage rows are the migration's too ({@link BulkLoader#asMigrated}: the data hash only;
 * the fixtures' data sources would fill {@code version_sources}, which a migration leaves empty).
 */
final class MigrationBench {

    private static final Pattern BEFORE_GC = Pattern.compile("\\) (\\d+)M->(\\d+)M\\(\\d+M\\)");
    private static final Pattern EXIT_USED = Pattern.compile("(?:heap|generation)\\s+total \\d+K, used (\\d+)K");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("registry-cli/target/registry.jar");
    private static final Path LAUNCHER = Path.of("registry");
    /** The size the migration's targets (in its rows) are set for: 5,000 models x 10 versions. */
    private static final int TARGET_VERSIONS = 50_000;
    /** A form whose first run of the large size takes longer than this runs once, not three times (the time budget). */
    private static final double REPEAT_BELOW_SECONDS = 20;

    /** How the migration is started. */
    enum Form {
        LAUNCHER("./registry migrate"), JAR("java -jar registry.jar migrate");

        final String label;

        Form(String label) {
            this.label = label;
        }
    }

    private final Bench bench;

    MigrationBench(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int[][] sizes = bench.quick ? new int[][] {{100, 10}, {500, 10}} : new int[][] {{500, 10}, {5_000, 10}};
        if (!Files.isRegularFile(JAR) || !Files.isExecutable(LAUNCHER)) {
            bench.note("migration skipped: " + JAR + " is not built or ./registry is missing (run ./bench from the repository root)");
            return;
        }
        System.out.println("== migration (-Xmx256m; ./registry migrate and java -jar " + JAR + " migrate, alternating;"
                + " 50,000 versions median of 3 each unless a first run takes over " + REPEAT_BELOW_SECONDS
                + " s, other sizes once each)");
        Path warmupLegacy = legacyRegistry(sizes[0][0], sizes[0][1]);
        migrate(Form.LAUNCHER, warmupLegacy, sizes[0][0] * sizes[0][1], "warmup");
        for (int s = 0; s < sizes.length; s++) {
            int versions = sizes[s][0] * sizes[s][1];
            boolean large = versions == TARGET_VERSIONS;
            Path legacy = legacyRegistry(sizes[s][0], sizes[s][1]);
            List<Double> launcher = new ArrayList<>();
            List<Double> jar = new ArrayList<>();
            long peakMb = 0;
            for (int r = 0; r < (large ? 3 : 1); r++) {
                if (r == 0 || launcher.get(0) < REPEAT_BELOW_SECONDS) {
                    Run run = migrate(Form.LAUNCHER, legacy, versions, "run" + r);
                    launcher.add(run.seconds());
                    peakMb = Math.max(peakMb, run.peakMb());
                }
                if (r == 0 || jar.get(0) < REPEAT_BELOW_SECONDS) {
                    Run run = migrate(Form.JAR, legacy, versions, "run" + r);
                    jar.add(run.seconds());
                    peakMb = Math.max(peakMb, run.peakMb());
                }
            }
            double wallLauncher = median(launcher);
            double wallJar = median(jar);
            Floor floor = floor(legacy, versions);
            String name = String.format("%,d versions", versions);
            bench.result("migration", name + ": " + Form.LAUNCHER.label + ", wall incl. JVM start (" + runs(launcher) + ")",
                    String.format("%.2f s", wallLauncher), large ? "< 10 s" : "-", large ? Bench.verdict(wallLauncher < 10) : "info");
            bench.result("migration", name + ": " + Form.JAR.label + ", wall incl. JVM start (" + runs(jar) + ")",
                    String.format("%.2f s", wallJar), large ? "< 12 s" : "-", large ? Bench.verdict(wallJar < 12) : "info");
            bench.result("migration", name + ": versions per second (" + Form.LAUNCHER.label + ")",
                    String.format("%,.0f /s", versions / wallLauncher), "-", "info");
            bench.result("migration", name + ": peak heap used, both forms (-Xmx256m, GC log)", peakMb + " MB",
                    large ? "<= 256 MB" : "-", large ? Bench.verdict(peakMb <= 256) : "info");
            bench.result("migration", name + ": floor, plain JDBC batch insert of the same rows",
                    String.format("%.2f s", floor.insertSeconds()), "-", "floor");
            bench.result("migration", name + ": floor incl. reading the legacy files in a warm JVM",
                    String.format("%.2f s", floor.readSeconds() + floor.insertSeconds()), "-", "floor");
            double ratio = wallLauncher / floor.insertSeconds();
            bench.result("migration", name + ": " + Form.LAUNCHER.label + " wall / JDBC insert floor",
                    String.format("%.1fx", ratio), large ? "<= 3x" : "-", large ? Bench.verdict(ratio <= 3) : "info");
            bench.result("migration", name + ": " + Form.JAR.label + " wall / JDBC insert floor",
                    String.format("%.1fx", wallJar / floor.insertSeconds()), "-", "info");
        }
    }

    /** One migration run: wall seconds from process start to exit, peak heap. */
    record Run(double seconds, long peakMb) {
    }

    /** Migrates {@code legacy} into a fresh folder in a child process; checks the exit code and the stored count. */
    private Run migrate(Form form, Path legacy, int versions, String label) throws Exception {
        String tag = "migration-" + versions + "-" + form.name().toLowerCase(java.util.Locale.ROOT) + "-" + label;
        Path target = bench.fresh("migration-" + versions + "-target");
        cleanBackups(legacy.getParent());
        Path gcLog = bench.work.resolve(tag + "-gc.log").toAbsolutePath();
        Files.deleteIfExists(gcLog);
        String heap = "-Xmx256m";
        String gc = "-Xlog:gc,gc+heap+exit:file=" + gcLog;
        List<String> migrate = List.of("migrate", "--old-path", legacy.toString(), "--new-path", target.toString());
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command);
        if (form == Form.LAUNCHER) {
            command.add(LAUNCHER.toAbsolutePath().toString());
            builder.environment().put("REGISTRY_JAVA_OPTS", heap + " " + gc);
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, gc, "-jar",
                    JAR.toString()));
        }
        command.addAll(migrate);
        Path output = bench.work.resolve(tag + "-output.txt");
        long t0 = System.nanoTime();
        Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long stored = countVersions(target);
        if (exit != 0 || stored != versions) {
            throw new IllegalStateException(form.label + " of " + versions + " versions failed (exit " + exit + ", "
                    + stored + " versions stored): see " + output);
        }
        cleanBackups(legacy.getParent());
        System.out.printf("  %s, %,d versions (%s): %.2f s%n", form.label, versions, label, seconds);
        return new Run(seconds, peakHeapMb(gcLog));
    }

    private static double median(List<Double> walls) {
        return Samples.median(walls.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String runs(List<Double> walls) {
        return walls.size() == 1 ? "1 run" : "median of " + walls.size();
    }

    /** A generated legacy registry of models x versions, cached (generation is deterministic). */
    private Path legacyRegistry(int models, int versionsPerModel) throws IOException {
        Path parent = bench.work.resolve("legacy-" + models * versionsPerModel);
        Path legacy = parent.resolve("registry");
        if (!Files.exists(parent.resolve("complete"))) {
            Bench.deleteTree(parent);
            new LegacyRegistryGenerator(42).generate(legacy, models, versionsPerModel);
            Files.writeString(parent.resolve("complete"), "generated\n");
        }
        return legacy;
    }

    private static void cleanBackups(Path parent) throws IOException {
        try (var entries = Files.list(parent)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith("registry_backup_")).toList()) {
                Bench.deleteTree(p);
            }
        }
    }

    static long countVersions(Path registryDir) throws Exception {
        Path db = registryDir.resolve("model_registry.db");
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select count(*) from versions")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The largest occupancy before a collection, or at exit (G1's heap, or the serial collector's generations summed). */
    static long peakHeapMb(Path gcLog) throws IOException {
        long peak = 0;
        long exitKb = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher before = BEFORE_GC.matcher(line);
            if (before.find()) {
                peak = Math.max(peak, Long.parseLong(before.group(1)));
            }
            Matcher exit = EXIT_USED.matcher(line);
            if (exit.find()) {
                exitKb += Long.parseLong(exit.group(1));
            }
        }
        return Math.max(peak, exitKb / 1024);
    }

    record Floor(double readSeconds, double insertSeconds) {
    }

    /** The same rows by plain JDBC batch into a fresh Liquibase schema, on the import's connection settings; median of 3. */
    private Floor floor(Path legacyDir, int versions) throws Exception {
        long r0 = System.nanoTime();
        LegacyRegistry legacy = new LegacyRegistryReader(ZoneId.systemDefault(),
                LegacyRegistryReader.defaultModelsRoot(legacyDir)).read(legacyDir);
        double readSeconds = (System.nanoTime() - r0) / 1e9;
        double[] inserts = new double[3];
        for (int run = 0; run < inserts.length; run++) {
            Path dir = bench.fresh("migration-" + versions + "-floor");
            Bench.openSqlite(dir).close();
            String url = RegistryDatabase.sqliteUrl(dir.resolve(RegistryDatabase.SQLITE_FILE_NAME));
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url)) {
                BulkInserts.enlargeSqliteCache(c);
                c.setAutoCommit(false);
                Instant now = Instant.now();
                try (BulkLoader loader = BulkLoader.asMigrated(c)) {
                    for (LegacyModel model : legacy.models()) {
                        List<BulkLoader.Row> rows = new ArrayList<>();
                        int active = 0;
                        for (LegacyVersion v : model.versions()) {
                            if (v.versionId().equals(model.activeVersion())) {
                                active = rows.size();
                            }
                            rows.add(new BulkLoader.Row(v.versionId(), v.createdAt(), JSON.writeValueAsString(v.trainingConfig()),
                                    JSON.writeValueAsString(v.trainingMetrics()), JSON.writeValueAsString(v.validationMetrics()),
                                    v.modelSizeBytes(), v.trainingTimeSeconds(), v.dataHash(), v.modelHash(), v.modelPath(),
                                    v.description(), v.tags() == null ? null : JSON.writeValueAsString(v.tags()),
                                    v.performanceScore()));
                        }
                        loader.model(model.sensorId(), model.modelType(), rows, active, now);
                    }
                }
                c.commit();
            }
            inserts[run] = (System.nanoTime() - t0) / 1e9;
            if (countVersions(dir) != versions) {
                throw new IllegalStateException("the JDBC floor stored the wrong number of versions");
            }
        }
        return new Floor(readSeconds, Samples.median(inserts));
    }
}
