package dev.modelregistry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.migration.legacy.LegacyModel;
import dev.modelregistry.app.migration.legacy.LegacyRegistry;
import dev.modelregistry.app.migration.legacy.LegacyRegistryGenerator;
import dev.modelregistry.app.migration.legacy.LegacyRegistryReader;
import dev.modelregistry.app.migration.legacy.LegacyVersion;
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
 * Migration of generated legacy registries in a child JVM with {@code -Xmx256m}: wall time
 * including JVM start, versions per second, peak heap (from the GC log: the largest heap
 * occupancy before a collection or at exit). The CLI jar ({@code registry-app/target/registry.jar
 * migrate}) when it is built, else {@link MigrateMain} on this jar's classpath. The floor is the
 * same rows inserted by a plain JDBC batch (one transaction, WAL, synchronous=FULL) into the same
 * Liquibase schema, in this JVM.
 */
final class MigrationBench {

    private static final Pattern BEFORE_GC = Pattern.compile("\\) (\\d+)M->(\\d+)M\\(\\d+M\\)");
    private static final Pattern EXIT_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Bench bench;

    MigrationBench(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int[][] sizes = bench.quick ? new int[][] {{100, 10}, {500, 10}} : new int[][] {{500, 10}, {5_000, 10}};
                Path cliJar = Path.of("registry-app/target/registry.jar");
        boolean cli = Files.isRegularFile(cliJar);
        System.out.println("== migration (3 child JVM runs for 5,000, 1 for 50,000; -Xmx256m, "
                + (cli ? "java -jar " + cliJar + " migrate" : "MigrateMain: the CLI jar is not built") + ")");
        if (!cli) {
            bench.note("migration ran through MigrateMain (LegacyMigration + DatabaseMigrationTarget.sqlite(), what"
                    + " `registry migrate` calls) because registry-app/target/registry.jar does not exist");
        }
        for (int[] size : sizes) {
            int versions = size[0] * size[1];
            int runs = bench.quick || versions >= 50_000 ? 1 : 3;
            Path legacy = legacyRegistry(size[0], size[1]);
            double[] walls = new double[runs];
            long peakMb = 0;
            for (int r = 0; r < runs; r++) {
                Path target = bench.fresh("migration-" + versions + "-target");
                cleanBackups(legacy.getParent());
                Path gcLog = bench.work.resolve("migration-" + versions + "-gc.log");
                Files.deleteIfExists(gcLog);
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-Xlog:gc,gc+heap+exit:file=" + gcLog));
                if (cli) {
                    command.addAll(List.of("-jar", cliJar.toString(), "migrate", "--old-path", legacy.toString(),
                            "--new-path", target.toString()));
                } else {
                    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                            legacy.toString(), target.toString()));
                }
                Path output = bench.work.resolve("migration-" + versions + "-output.txt");
                long t0 = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                int exit = process.waitFor();
                walls[r] = (System.nanoTime() - t0) / 1e9;
                long stored = countVersions(target);
                if (exit != 0 || stored != versions) {
                    throw new IllegalStateException("migration of " + versions + " versions failed (exit " + exit
                            + ", " + stored + " versions stored): see " + output);
                }
                peakMb = Math.max(peakMb, peakHeapMb(gcLog));
            }
            cleanBackups(legacy.getParent());
            double wall = Samples.median(walls);
            Floor floor = floor(legacy, versions);
            String name = String.format("%,d versions", versions);
            bench.result("migration", name + ": wall time incl. JVM start (median)", String.format("%.2f s", wall),
                    versions >= 50_000 ? "< 10 s" : "-", versions >= 50_000 ? Bench.verdict(wall < 10) : "info");
            bench.result("migration", name + ": versions per second", String.format("%,.0f /s", versions / wall), "-", "info");
            bench.result("migration", name + ": peak heap used (-Xmx256m, GC log)", peakMb + " MB", "<= 256 MB",
                    Bench.verdict(peakMb <= 256));
            bench.result("migration", name + ": floor, plain JDBC batch insert of the same rows",
                    String.format("%.2f s", floor.insertSeconds()), "-", "floor");
            bench.result("migration", name + ": floor incl. reading the legacy files in a warm JVM",
                    String.format("%.2f s", floor.readSeconds() + floor.insertSeconds()), "-", "floor");
            double ratio = wall / floor.insertSeconds();
            bench.result("migration", name + ": migration wall / JDBC insert floor", String.format("%.1fx", ratio),
                    "<= 3x", Bench.verdict(ratio <= 3));
        }
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

    static long peakHeapMb(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher before = BEFORE_GC.matcher(line);
            if (before.find()) {
                peak = Math.max(peak, Long.parseLong(before.group(1)));
            }
            Matcher exit = EXIT_USED.matcher(line);
            if (exit.find()) {
                peak = Math.max(peak, Long.parseLong(exit.group(1)) / 1024);
            }
        }
        return peak;
    }

    record Floor(double readSeconds, double insertSeconds) {
    }

    /** The same rows by plain JDBC batch into a fresh Liquibase schema; median of 3. */
    private Floor floor(Path legacyDir, int versions) throws Exception {
        long r0 = System.nanoTime();
        LegacyRegistry legacy = new LegacyRegistryReader(ZoneId.systemDefault(),
                LegacyRegistryReader.defaultModelsRoot(legacyDir)).read(legacyDir);
        double readSeconds = (System.nanoTime() - r0) / 1e9;
        double[] inserts = new double[3];
        for (int run = 0; run < inserts.length; run++) {
            Path dir = bench.fresh("migration-" + versions + "-floor");
            Bench.openSqlite(dir).close();
            String url = "jdbc:sqlite:" + dir.resolve("model_registry.db").toAbsolutePath()
                    + "?foreign_keys=true&journal_mode=WAL&synchronous=FULL&busy_timeout=10000";
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                Instant now = Instant.now();
                try (BulkLoader loader = new BulkLoader(c)) {
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
