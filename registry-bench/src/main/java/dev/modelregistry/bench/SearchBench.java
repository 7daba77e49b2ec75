package dev.modelregistry.bench;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.VersionQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * {@code searchVersions} on the cached large registry of {@link LookupBench}: a page of 100
 * (newest first unless the row says otherwise) with each filter alone, p50 and p99 over 200 calls
 * after 100 of warm-up, the filter's value drawn anew for each call. The ranges on the key the
 * page is not ordered by (a score range newest first, a creation range best first) are the cases
 * of the plan rule (README, "Searching versions"): a range of 10% and one of 1% of the versions
 * (the rule's worst case: sorting the range and walking the order cost about the same).
 */
final class SearchBench {

    private final Bench bench;

    SearchBench(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        LookupBench lookup = new LookupBench(bench);
        Path dir = lookup.fixture();
        int models = lookup.models();
        List<String> hashes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("model_registry.db").toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select data_hash from versions where rowid % 997 = 0 limit 1000")) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        Random random = new Random(9);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        long span = (long) models * 10;
        try (ModelRegistry registry = Bench.openSqlite(dir)) {
            measure(registry, "sensor", b -> b.sensorId("S" + random.nextInt(models)));
            measure(registry, "model type", b -> b.modelType("telemanom"));
            measure(registry, "tag", b -> b.tag("anomaly"));
            measure(registry, "score range", b -> {
                double low = random.nextDouble() * 0.9;
                return b.minScore(low).maxScore(low + 0.1);
            });
            measure(registry, "score range of 1%", b -> {
                double low = random.nextDouble() * 0.99;
                return b.minScore(low).maxScore(low + 0.01);
            });
            measure(registry, "score range, by score", b -> {
                double low = random.nextDouble() * 0.9;
                return b.minScore(low).maxScore(low + 0.1).orderBy(VersionQuery.Order.SCORE);
            });
            measure(registry, "creation time range", b -> {
                Instant from = t0.plusSeconds((long) (random.nextDouble() * span));
                return b.createdAfter(from).createdBefore(from.plusSeconds(3_600));
            });
            measure(registry, "creation time range, by score", b -> {
                Instant from = t0.plusSeconds((long) (random.nextDouble() * span));
                return b.createdAfter(from).createdBefore(from.plusSeconds(3_600)).orderBy(VersionQuery.Order.SCORE);
            });
            measure(registry, "data hash", b -> b.dataHash(hashes.get(random.nextInt(hashes.size()))));
            measure(registry, "data source", b -> b.dataSource("source-" + random.nextInt(20)));
            measure(registry, "training period overlapping a month", b -> {
                LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365));
                return b.dataFrom(from).dataTo(from.plusDays(30));
            });
            measure(registry, "active only", b -> b.activeOnly(true));
            measure(registry, "active only, by score", b -> b.activeOnly(true).orderBy(VersionQuery.Order.SCORE));
        }
    }

    private void measure(ModelRegistry registry, String filter, Function<VersionQuery.Builder, VersionQuery.Builder> query) {
        Samples samples = new Samples();
        int items = 0;
        for (int i = 0; i < 300; i++) {
            VersionQuery q = query.apply(VersionQuery.builder()).pageSize(100).build();
            long s = System.nanoTime();
            items = registry.searchVersions(q).items().size();
            if (i >= 100) {
                samples.add(System.nanoTime() - s);
            }
        }
        bench.result("search", "searchVersions, page of 100, by " + filter + " (" + items + " items) p50 / p99",
                Samples.micros(samples.quantile(0.5)) + " / " + Samples.micros(samples.quantile(0.99)), "p99 < 5 ms",
                Bench.verdict(samples.quantile(0.99) < 5_000_000));
    }
}
