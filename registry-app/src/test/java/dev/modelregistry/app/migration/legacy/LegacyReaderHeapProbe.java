package dev.modelregistry.app.migration.legacy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the heap a full {@link LegacyRegistryReader#read(Path)} of a big generated registry
 * keeps, and the time it takes. Run it under the migration's heap budget:
 * <pre>java -Xmx256m -cp ... LegacyReaderHeapProbe DIR [MODELS VERSIONS_PER_MODEL]</pre>
 * (generates DIR first if it does not exist; default 5,000 models x 10 versions = 50,000).
 */
public final class LegacyReaderHeapProbe {

    private LegacyReaderHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int models = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int perModel = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        if (!Files.exists(dir)) {
            long g0 = System.nanoTime();
            new LegacyRegistryGenerator(42).generate(dir, models, perModel);
            System.out.printf("generated %d versions in %d ms%n", models * perModel, (System.nanoTime() - g0) / 1_000_000);
        }
        LegacyRegistryReader reader = new LegacyRegistryReader(ZoneOffset.UTC, LegacyRegistryReader.defaultModelsRoot(dir));

        // streaming first: nothing retained
        long s0 = System.nanoTime();
        AtomicLong streamed = new AtomicLong();
        int streamProblems = reader.forEachVersion(dir, v -> streamed.incrementAndGet()).size();
        long streamMs = (System.nanoTime() - s0) / 1_000_000;

        long before = usedAfterGc();
        long t0 = System.nanoTime();
        LegacyRegistry registry = reader.read(dir);
        long readMs = (System.nanoTime() - t0) / 1_000_000;
        long after = usedAfterGc();
        long retained = after - before;
        int versions = registry.versionCount();
        System.out.printf("streamed %d versions (%d problems) in %d ms%n", streamed.get(), streamProblems, streamMs);
        System.out.printf("read %d models, %d versions, %d problems in %d ms%n",
                registry.models().size(), versions, registry.problems().size(), readMs);
        System.out.printf("retained heap %.1f MB (%d bytes per version), max heap %d MB%n",
                retained / 1048576.0, versions == 0 ? 0 : retained / versions,
                Runtime.getRuntime().maxMemory() / 1048576);
        System.out.println("RETAINED_BYTES=" + retained + " VERSIONS=" + versions
                + " PROBLEMS=" + registry.problems().size());
        java.lang.ref.Reference.reachabilityFence(registry);
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
