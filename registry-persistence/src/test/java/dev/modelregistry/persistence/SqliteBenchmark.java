package dev.modelregistry.persistence;

import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.SensorId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * On-demand numbers (not asserted anywhere): single-thread registrations per second on SQLite,
 * one unit of work (transaction, durable commit) each, and the active-version lookup latency.
 * <pre>
 * mvn -B -q install -DskipTests -pl registry-persistence -am
 * mvn -B -q -pl registry-persistence exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.modelregistry.persistence.SqliteBenchmark [-Dexec.args="5000 50 100000"]
 * </pre>
 * Arguments: registrations, models, lookups.
 */
public final class SqliteBenchmark {

    public static void main(String[] args) throws Exception {
        int registrations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int models = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path dir = Files.createTempDirectory("registry-benchmark");
        try (RegistryDatabase database = RegistryDatabase.openSqlite(dir)) {
            for (int i = 0; i < Math.min(200, registrations); i++) { // warm-up
                ConcurrentRegistrar.registerOne(database, "warmup" + (i % models));
            }
            long start = System.nanoTime();
            for (int i = 0; i < registrations; i++) {
                ConcurrentRegistrar.registerOne(database, "sensor" + (i % models));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("SQLite single-thread registrations: %d in %.2f s = %.0f/s (one transaction each)%n",
                    registrations, seconds, registrations / seconds);

            long[] nanos = new long[lookups];
            for (int i = 0; i < lookups; i++) {
                SensorId sensor = SensorId.of("sensor" + (i % models));
                long t0 = System.nanoTime();
                database.readModels().activeVersions().activeVersionId(sensor, Fixtures.TELEMANOM).orElseThrow();
                nanos[i] = System.nanoTime() - t0;
            }
            long[] measured = Arrays.copyOfRange(nanos, lookups / 5, lookups); // first 20% are warm-up
            Arrays.sort(measured);
            System.out.printf("active-version lookup (outside a unit of work): p50 %.1f us, p99 %.1f us over %d lookups%n",
                    measured[measured.length / 2] / 1e3, measured[(int) (measured.length * 0.99)] / 1e3, measured.length);
        }
    }
}
