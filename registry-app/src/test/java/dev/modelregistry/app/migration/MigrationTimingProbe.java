package dev.modelregistry.app.migration;

import dev.modelregistry.app.migration.legacy.LegacyRegistryGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

public class MigrationTimingProbe {
    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("mig");
        Path legacy = tmp.resolve("data/models/registry");
        int models = Integer.parseInt(args[0]);
        int per = Integer.parseInt(args[1]);
        new LegacyRegistryGenerator(3).generate(legacy, models, per);
        long t0 = System.nanoTime();
        MigrationReport report = new LegacyMigration(DatabaseMigrationTarget.sqlite(), Clock.systemUTC(), new MigrationListener() {
            long start = System.nanoTime();
            public void phase(String name) { System.out.printf("%8.3f s phase %s%n", (System.nanoTime() - t0) / 1e9, name); }
        }).migrate(new MigrationRequest(legacy, legacy.resolveSibling("registry_sqlite"), legacy.getParent(), ZoneId.of("UTC"), false, false));
        System.out.printf("%8.3f s done %s imported=%d mismatches=%d%n", (System.nanoTime() - t0) / 1e9, report.outcome(), report.imported(), report.mismatches().size());
    }
}
