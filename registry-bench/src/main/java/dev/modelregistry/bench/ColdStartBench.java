package dev.modelregistry.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A cold CLI read: {@code registry stats} on the shipped example (the legacy registry of
 * {@code data/models/registry}, migrated the way {@code ./registry migrate} does, into the work
 * folder), from process start to exit, best of 5, through {@code ./registry} (the launcher, with
 * its class-data-sharing archive) and through {@code java -jar registry-cli/target/registry.jar};
 * against the Python registry's cold read in the same run: {@code python3} running
 * {@code python_open_stats.py} (what {@code ModelRegistrySQLite(path).get_registry_stats()} does)
 * on a copy of the same rows in the Python layout. The runs of the three are interleaved, so
 * each sees the same load.
 */
final class ColdStartBench {

    private static final Path JAR = Path.of("registry-cli/target/registry.jar");
    private static final int ROUNDS = 5;

    private final Bench bench;

    ColdStartBench(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        System.out.println("== cold CLI read: registry stats on the shipped example, process start to exit");
        if (!Files.isRegularFile(JAR)) {
            bench.note("coldstart skipped: " + JAR + " is not built (run ./registry once, or mvn package)");
            return;
        }
        Path example = exampleRegistry();
        Path python = pythonCopy(example);
        Path script = bench.work.resolve("python_open_stats.py");
        try (InputStream in = ColdStartBench.class.getResourceAsStream("/python_open_stats.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> launcher = List.of(Path.of("registry").toAbsolutePath().toString(), "stats", "--registry",
                example.toString());
        List<String> jar = List.of(java(), "-jar", JAR.toString(), "stats", "--registry", example.toString());
        List<String> py = List.of("python3", script.toString(), python.toString());

        boolean archiveWritten = !launcherArchiveExists();
        double first = timed(launcher, "versions");
        if (archiveWritten) {
            bench.result("coldstart", "./registry stats, first run after a build (writes the CDS archive)",
                    seconds(first), "-", "info");
        }
        timed(jar, "versions");
        timed(py, "versions 12");
        double[] ours = new double[ROUNDS];
        double[] plain = new double[ROUNDS];
        double[] baseline = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            ours[i] = timed(launcher, "versions");
            plain[i] = timed(jar, "versions");
            baseline[i] = timed(py, "versions 12");
        }
        double bestOurs = min(ours);
        double bestPlain = min(plain);
        double bestPython = min(baseline);
        bench.result("coldstart", "Python ModelRegistrySQLite open + get_registry_stats (python3, best of 5)",
                seconds(bestPython), "-", "baseline");
        bench.result("coldstart", "./registry stats (best of 5)", seconds(bestOurs), "<= 0.6 s",
                Bench.verdict(bestOurs <= 0.6));
        bench.result("coldstart", "./registry stats / Python open+stats (best of 5 each)",
                String.format("%.1fx", bestOurs / bestPython), "<= 4x", Bench.verdict(bestOurs / bestPython <= 4));
        bench.result("coldstart", "java -jar registry.jar stats (best of 5)", seconds(bestPlain), "-", "info");
        bench.result("coldstart", "java -jar registry.jar stats / Python open+stats",
                String.format("%.1fx", bestPlain / bestPython), "-", "info");
        bench.note(String.format("coldstart medians of 5: ./registry %.2f s, java -jar %.2f s, Python %.2f s",
                Samples.median(ours), Samples.median(plain), Samples.median(baseline)));
    }

    /** The shipped example, migrated into the work folder (the legacy folder is copied first). */
    private Path exampleRegistry() throws Exception {
        Path root = bench.work.resolve("example");
        Path target = root.resolve("registry_sqlite");
        Bench.deleteTree(root); // migrated anew each run: a kept copy could have an older schema
        Path legacy = root.resolve("registry");
        copyTree(Path.of("data/models/registry"), legacy);
        Path log = bench.work.resolve("example-migrate.txt");
        Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "migrate", "--old-path", legacy.toString(),
                "--new-path", target.toString(), "--models-root", "data/models")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("migrating the shipped example failed: see " + log);
        }
        return target;
    }

    /** The example's rows in the Python registry's layout (its DDL), for the Python run. */
    private Path pythonCopy(Path example) throws Exception {
        Path dir = bench.fresh("example-python");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("model_registry.db").toAbsolutePath());
             Statement s = c.createStatement()) {
            for (String ddl : PythonBaseline.DDL) {
                s.execute(ddl);
            }
            s.execute("attach database '" + example.resolve("model_registry.db").toAbsolutePath() + "' as java");
            s.execute("insert into models select model_id, sensor_id, model_type, active_version, created_at, updated_at"
                    + " from java.models");
            s.execute("insert into versions select version_id, model_id, sensor_id, model_type, created_at,"
                    + " training_config, training_metrics, validation_metrics, model_size_bytes, training_time_seconds,"
                    + " data_hash, model_hash, model_path, description, tags, is_active, performance_score from java.versions");
            s.execute("insert into data_lineage (version_id, data_hash, data_source, data_start_date, data_end_date,"
                    + " num_samples, created_at) select version_id, data_hash, data_source, data_start_date, data_end_date,"
                    + " num_samples, created_at from java.data_lineage");
            s.execute("detach database java");
        }
        return dir;
    }

    /** Seconds from process start to exit; the output must contain {@code expected}. */
    private double timed(List<String> command, String expected) throws Exception {
        Path output = bench.work.resolve("coldstart-output.txt");
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String text = Files.readString(output);
        if (process.exitValue() != 0 || !text.contains(expected)) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + text);
        }
        return seconds;
    }

    private static boolean launcherArchiveExists() throws IOException {
        try (Stream<Path> files = Files.list(JAR.getParent())) {
            return files.anyMatch(p -> p.getFileName().toString().matches("registry-\\d+\\.jsa")
                    && p.toFile().lastModified() >= JAR.toFile().lastModified());
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElseThrow();
    }

    private static String seconds(double s) {
        return String.format("%.2f s", s);
    }
}
