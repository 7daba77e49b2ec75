package dev.modelregistry.bench;

import dev.modelregistry.app.ModelRegistry;
import java.nio.file.Path;

/**
 * The cost of one registration into a model that already has 10, 1,000 and 10,000 versions
 * (bulk-loaded by JDBC), measured through {@code registerModel}, interleaved so that machine
 * noise hits every size alike; median per size.
 */
final class ScalingBench {

    private static final int[] SIZES = {10, 1_000, 10_000};

    private final Bench bench;

    ScalingBench(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int measured = bench.quick ? 50 : 200;
        System.out.println("== registration cost by model size (" + measured + " registrations per size)");
        Path dir = bench.fresh("scaling");
        Bench.openSqlite(dir).close(); // the real schema, by Liquibase
        for (int s = 0; s < SIZES.length; s++) {
            Bench.bulkLoadSqlite(dir, "SCALE" + SIZES[s] + "-", 1, SIZES[s], 11 + s);
        }
        Samples[] samples = new Samples[SIZES.length];
        try (ModelRegistry registry = Bench.openSqlite(dir)) {
            Workload workload = new Workload(3);
            for (int i = 0; i < 300; i++) {
                registry.registerModel(workload.next("WARMUP-" + (i % 5)).registration());
            }
            for (int s = 0; s < SIZES.length; s++) {
                samples[s] = new Samples();
            }
            for (int i = 0; i < measured; i++) {
                for (int s = 0; s < SIZES.length; s++) {
                    var registration = workload.next("SCALE" + SIZES[s] + "-0").registration();
                    long t0 = System.nanoTime();
                    registry.registerModel(registration);
                    samples[s].add(System.nanoTime() - t0);
                }
            }
        }
        for (int s = 0; s < SIZES.length; s++) {
            bench.result("scaling", String.format("registerModel into a model with %,d versions (median)", SIZES[s]),
                    Samples.micros(samples[s].median()), "-", "info");
        }
        double ratio = (double) samples[2].median() / samples[0].median();
        bench.result("scaling", "cost at 10,000 versions / cost at 10", String.format("%.2fx", ratio), "<= 1.5x",
                Bench.verdict(ratio <= 1.5));
    }
}
