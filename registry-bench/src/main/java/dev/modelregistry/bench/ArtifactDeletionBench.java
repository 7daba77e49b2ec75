package dev.modelregistry.bench;

import dev.modelregistry.app.DeletionReport;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * On demand (not part of {@code ./bench}): what {@code deleteVersion(id, true, deleteArtifacts)}
 * costs in a SQLite registry whose versions have N distinct model paths, all existing folders.
 * With artifacts, the deletion reads the distinct paths once and canonicalises each (one
 * {@code lstat} per path, folders resolved once).
 * <pre>
 * mvn -B -q -pl registry-bench -am package -DskipTests
 * java -cp registry-bench/target/registry-bench.jar dev.modelregistry.bench.ArtifactDeletionBench [100000]
 * </pre>
 */
public final class ArtifactDeletionBench {

    private static final int VERSIONS_PER_MODEL = 100;
    private static final int TRIALS = 7;

    private ArtifactDeletionBench() {
    }

    public static void main(String[] args) throws Exception {
        int paths = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Files.createTempDirectory("artifact-deletion-bench").resolve("models");
        Path registryDir = root.resolve("registry_sqlite");
        ModelRegistrySQLite.open(registryDir).close();
        load(registryDir, root, paths);

        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir)) {
            double[] without = new double[TRIALS];
            double[] with = new double[TRIALS];
            for (int trial = 0; trial < TRIALS; trial++) {
                without[trial] = deleteOne(registry, root, "plain-" + trial, false);
                with[trial] = deleteOne(registry, root, "artifact-" + trial, true);
            }
            System.out.printf("| distinct model paths | delete, no artifacts (median ms) | delete with artifacts (median ms) |%n");
            System.out.printf("| --- | --- | --- |%n");
            System.out.printf("| %,d | %.1f | %.1f |%n", paths, median(without), median(with));
        }
    }

    private static double deleteOne(ModelRegistry registry, Path root, String name, boolean artifacts) throws Exception {
        Path folder = Files.createDirectories(root.resolve("target").resolve(name));
        Files.writeString(folder.resolve("weights.bin"), name);
        String id = registry.registerModel(ModelRegistration.builder().sensorId("bench").modelType("telemanom")
                .modelPath(folder).trainingConfig(Map.of("epochs", 1)).trainingMetrics(Map.of("loss", 0.1))
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", 0.05))
                .trainingTimeSeconds(1.0).dataHash("bench").build());
        long start = System.nanoTime();
        DeletionReport report = registry.deleteVersion(id, true, artifacts);
        double ms = (System.nanoTime() - start) / 1e6;
        if (artifacts && !report.artifact().orElseThrow().removed()) {
            throw new IllegalStateException("not removed: " + report.artifact());
        }
        return ms;
    }

    /** {@code paths} versions, each at its own existing folder {@code root/telemanom/s<m>/v<k>}. */
    private static void load(Path registryDir, Path root, int paths) throws Exception {
        String url = "jdbc:sqlite:" + registryDir.resolve("model_registry.db").toAbsolutePath() + "?foreign_keys=true";
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous=OFF");
            }
            c.setAutoCommit(false);
            Workload workload = new Workload(7);
            Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
            try (BulkLoader loader = new BulkLoader(c)) {
                for (int m = 0; m * VERSIONS_PER_MODEL < paths; m++) {
                    List<BulkLoader.Row> rows = new ArrayList<>();
                    for (int v = 0; v < VERSIONS_PER_MODEL && m * VERSIONS_PER_MODEL + v < paths; v++) {
                        Path folder = Files.createDirectories(root.resolve("telemanom/s" + m + "/v" + v));
                        BulkLoader.Row row = workload.row(String.format("%08x", m * VERSIONS_PER_MODEL + v),
                                t0.plusSeconds(m * VERSIONS_PER_MODEL + v), 0.5);
                        rows.add(new BulkLoader.Row(row.versionId(), row.createdAt(), row.trainingConfig(),
                                row.trainingMetrics(), row.validationMetrics(), row.sizeBytes(), row.trainingSeconds(),
                                row.dataHash(), row.modelHash(), folder.toString(), row.description(), row.tags(),
                                row.score()));
                    }
                    loader.model("s" + m, "telemanom", rows, 0, t0);
                }
            }
            c.commit();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
