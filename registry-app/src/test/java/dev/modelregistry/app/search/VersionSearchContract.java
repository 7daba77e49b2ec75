package dev.modelregistry.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.DataLineageDetails;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.app.VersionPage;
import dev.modelregistry.app.VersionQuery;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.InvalidIdentifierException;
import dev.modelregistry.domain.InvalidLineageException;
import dev.modelregistry.domain.InvalidPageTokenException;
import dev.modelregistry.domain.InvalidQueryException;
import dev.modelregistry.domain.InvalidVersionDataException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelRegistry#searchVersions} on a real database: every answer is checked against an
 * oracle computed in Java from the full details of every version (listModels, listVersions,
 * getModelMetadata, getDataLineage), paged with small pages so that keyset paging is exercised.
 */
public abstract class VersionSearchContract {

    static final List<String> TAGS = List.of("anomaly", "prod", "a'b\"c", "100%", "1000", "x_y", "xay", "датчик 7",
            "'; DROP TABLE versions; --", "\\");
    static final List<String> SOURCES = List.of("nasa_smap", "nasa_msl", "nasa_%", "nasa__");
    static final List<String> HASHES = List.of("h1", "h2", "h_", "h%");
    static final String[][] PERIODS = {
            {"2024-01-01", "2024-03-01"}, {"2024-02-15", "2024-02-20"}, {"2023-06-01", "2023-12-31"},
            {"2024-03-01T10:00:00", "2024-04-30T23:59:59"}, {"2024-05-01T00:00:00+02:00", "2024-05-31T22:00:00-05:00"},
            {null, "2024-01-15"}, {"2024-04-01", null}, {null, null}};

    protected ModelRegistry registry;
    private final Random random = new Random(11);
    private int registered;
    private List<Known> known;

    /** A fresh, empty registry of the engine under test. */
    protected abstract ModelRegistry open() throws Exception;

    /** Drops what {@link #open()} created. */
    protected void dispose() throws Exception {
    }

    @BeforeEach
    void openRegistry() throws Exception {
        registry = open();
    }

    @AfterEach
    void closeRegistry() throws Exception {
        registry.close();
        dispose();
    }

    // ---- the data ------------------------------------------------------------------------

    private String registerOne(String sensor, String type) {
        int n = registered++;
        known = null;
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(3) == 0) {
                tags.add(tag);
            }
        }
        String[] period = PERIODS[random.nextInt(PERIODS.length)];
        String source = random.nextInt(5) == 0 ? null : SOURCES.get(random.nextInt(SOURCES.size()));
        double r2 = 0.5 + 0.1 * random.nextInt(5); // few distinct scores: ties in score order
        return registry.registerModel(ModelRegistration.builder().sensorId(sensor).modelType(type)
                .modelPath(Path.of("search/" + sensor + "/" + type + "/" + n))
                .validationMetrics(Map.of("validation_performed", true, "r2_score", r2, "mape", 10.0))
                .dataHash(HASHES.get(random.nextInt(HASHES.size()))).dataSource(source)
                .dataStartDate(period[0]).dataEndDate(period[1]).tags(tags).build());
    }

    private void registerMany(int count) {
        String[] sensors = {"s1", "s2", "s_3", "s%4"};
        String[] types = {"telemanom", "transformer"};
        for (int i = 0; i < count; i++) {
            registerOne(sensors[random.nextInt(sensors.length)], types[random.nextInt(types.length)]);
        }
    }

    /** Every version with its details and lineage, read through the ordinary lookups. */
    private List<Known> everything() {
        if (known != null) {
            return known;
        }
        List<Known> all = new ArrayList<>();
        for (ModelSummary model : registry.listModels()) {
            for (VersionSummary v : registry.listVersions(model.sensorId(), model.modelType())) {
                all.add(new Known(v, registry.getModelMetadata(v.versionId()).orElseThrow(),
                        registry.getDataLineage(v.versionId())));
            }
        }
        known = all;
        return all;
    }

    record Known(VersionSummary summary, ModelVersionDetails details, Optional<DataLineageDetails> lineage) {
    }

    /** The oracle: the query's filters and order applied in Java. */
    private List<VersionSummary> expected(VersionQuery q) {
        List<Predicate<Known>> tests = new ArrayList<>();
        q.sensorId().ifPresent(s -> tests.add(k -> k.details().sensorId().equals(s)));
        q.modelType().ifPresent(t -> tests.add(k -> k.details().modelType().equals(t)));
        q.tag().ifPresent(t -> tests.add(k -> k.details().tags().contains(t)));
        q.tagValue().ifPresent(v -> tests.add(k -> v.equals(k.details().tagValues().get(q.tag().orElseThrow()))));
        q.minScore().ifPresent(m -> tests.add(k -> k.summary().performanceScore() >= m));
        q.maxScore().ifPresent(m -> tests.add(k -> k.summary().performanceScore() <= m));
        q.createdAfter().ifPresent(a -> tests.add(k -> !k.summary().createdAt().isBefore(a)));
        q.createdBefore().ifPresent(b -> tests.add(k -> k.summary().createdAt().isBefore(b)));
        q.dataHash().ifPresent(h -> tests.add(k -> h.equals(k.details().dataHash())));
        q.dataSource().ifPresent(s -> tests.add(k -> k.lineage().map(l -> s.equals(l.dataSource())).orElse(false)));
        if (q.dataFrom().isPresent() || q.dataTo().isPresent()) {
            tests.add(k -> k.lineage().map(l -> overlaps(l, q.dataFrom().orElse(null), q.dataTo().orElse(null)))
                    .orElse(false));
        }
        if (q.activeOnly()) {
            tests.add(k -> k.summary().isActive());
        }
        Comparator<VersionSummary> order = q.order() == VersionQuery.Order.SCORE
                ? Comparator.comparingDouble(VersionSummary::performanceScore)
                : Comparator.comparing(VersionSummary::createdAt);
        order = order.thenComparing(VersionSummary::versionId);
        if (q.descending()) {
            order = order.reversed();
        }
        return everything().stream().filter(k -> tests.stream().allMatch(t -> t.test(k))).map(Known::summary)
                .sorted(order).toList();
    }

    private static boolean overlaps(DataLineageDetails lineage, LocalDate from, LocalDate to) {
        String start = lineage.dataStartDate() == null ? null : lineage.dataStartDate().substring(0, 10);
        String end = lineage.dataEndDate() == null ? null : lineage.dataEndDate().substring(0, 10);
        if (start == null && end == null) {
            return false;
        }
        return (start == null || to == null || start.compareTo(to.toString()) <= 0)
                && (end == null || from == null || end.compareTo(from.toString()) >= 0);
    }

    /** Every page of the query, followed to the end. */
    private List<VersionSummary> allPages(VersionQuery query) {
        List<VersionSummary> all = new ArrayList<>();
        VersionPage page = registry.searchVersions(query);
        all.addAll(page.items());
        while (page.nextPageToken().isPresent()) {
            assertThat(page.items()).hasSize(query.pageSize());
            page = registry.searchVersions(query.withPageToken(page.nextPageToken().get()));
            all.addAll(page.items());
        }
        return all;
    }

    private void assertAnswers(VersionQuery.Builder query) {
        VersionQuery q = query.pageSize(7).build();
        assertThat(allPages(q)).as("%s", q).isEqualTo(expected(q));
    }

    // ---- filters ---------------------------------------------------------------------------

    @Test
    void eachFilterAloneSelectsExactlyTheMatchingVersionsInEitherOrder() {
        registerMany(60);
        Instant middle = everything().stream().map(k -> k.summary().createdAt()).sorted().toList().get(30);
        List<VersionQuery.Builder> filters = new ArrayList<>(List.of(
                VersionQuery.builder(),
                VersionQuery.builder().sensorId("s1"),
                VersionQuery.builder().sensorId("s%4"),
                VersionQuery.builder().modelType("transformer"),
                VersionQuery.builder().minScore(0.7 * 0.7 + 0.9 * 0.3),
                VersionQuery.builder().maxScore(0.63),
                VersionQuery.builder().createdAfter(middle),
                VersionQuery.builder().createdBefore(middle),
                VersionQuery.builder().activeOnly(true),
                VersionQuery.builder().dataFrom(LocalDate.parse("2024-03-01")),
                VersionQuery.builder().dataTo(LocalDate.parse("2024-01-15")),
                VersionQuery.builder().dataFrom(LocalDate.parse("2024-02-16")).dataTo(LocalDate.parse("2024-02-16")),
                VersionQuery.builder().dataFrom(LocalDate.parse("2024-05-31")).dataTo(LocalDate.parse("2024-06-30"))));
        TAGS.forEach(tag -> filters.add(VersionQuery.builder().tag(tag)));
        SOURCES.forEach(source -> filters.add(VersionQuery.builder().dataSource(source)));
        HASHES.forEach(hash -> filters.add(VersionQuery.builder().dataHash(hash)));
        for (VersionQuery.Builder filter : filters) {
            for (VersionQuery.Order order : VersionQuery.Order.values()) {
                assertAnswers(filter.orderBy(order).descending());
                assertAnswers(filter.orderBy(order).ascending());
            }
        }
    }

    @Test
    void editedKeyValueTagsAreFoundByKeyAndByKeyAndValueAndRegisteredTagsStillByKey() {
        registerMany(60);
        List<String> values = List.of("prod", "shadow", "", "Größe 🚀", "a=b", "100%");
        for (Known k : everything()) {
            String id = k.summary().versionId();
            int pick = random.nextInt(values.size() + 1);
            if (pick < values.size()) {
                registry.setVersionTag(id, "stage", values.get(pick));
            }
            if (random.nextInt(3) == 0) {
                registry.setVersionTag(id, "prod", "yes"); // a registered key given a value, or a new key
            }
            if (random.nextInt(4) == 0) {
                registry.removeVersionTag(id, "anomaly");
            }
        }
        known = null;
        Instant middle = everything().stream().map(k -> k.summary().createdAt()).sorted().toList().get(30);
        List<VersionQuery.Builder> filters = new ArrayList<>();
        values.forEach(value -> filters.add(VersionQuery.builder().tag("stage", value)));
        filters.add(VersionQuery.builder().tag("stage"));
        filters.add(VersionQuery.builder().tag("stage", "nobody-has-this"));
        filters.add(VersionQuery.builder().tag("prod"));
        filters.add(VersionQuery.builder().tag("prod", "yes"));
        filters.add(VersionQuery.builder().tag("anomaly"));
        filters.add(VersionQuery.builder().tag("anomaly", ""));
        filters.add(VersionQuery.builder().tag("stage", "prod").sensorId("s1").minScore(0.6));
        filters.add(VersionQuery.builder().tag("stage", "shadow").createdAfter(middle).activeOnly(false));
        filters.add(VersionQuery.builder().tag("stage", "").dataSource("nasa_smap"));
        for (VersionQuery.Builder filter : filters) {
            for (VersionQuery.Order order : VersionQuery.Order.values()) {
                assertAnswers(filter.orderBy(order).descending());
                assertAnswers(filter.orderBy(order).ascending());
            }
        }
        assertThat(expected(VersionQuery.builder().tag("stage", "prod").build())).isNotEmpty();
    }

    @Test
    void aTagValueQueryIsCheckedLikeATagValue() {
        assertThatThrownBy(() -> VersionQuery.builder().tag("stage", "bell\u0007").build())
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("tags.stage");
        assertThatThrownBy(() -> VersionQuery.builder().tag(null, "prod").build())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("tag");
        assertThat(VersionQuery.builder().tag("stage", "prod").tag("stage").build().tagValue()).isEmpty();
    }

    @Test
    void combinedFiltersMustAllHold() {
        registerMany(60);
        for (int i = 0; i < 40; i++) {
            VersionQuery.Builder q = VersionQuery.builder();
            if (random.nextBoolean()) {
                q.sensorId(random.nextBoolean() ? "s1" : "s2");
            }
            if (random.nextBoolean()) {
                q.modelType("telemanom");
            }
            if (random.nextBoolean()) {
                q.tag(TAGS.get(random.nextInt(TAGS.size())));
            }
            if (random.nextBoolean()) {
                q.minScore(0.6);
            }
            if (random.nextBoolean()) {
                q.maxScore(0.8);
            }
            if (random.nextBoolean()) {
                q.dataSource(SOURCES.get(random.nextInt(SOURCES.size())));
            }
            if (random.nextBoolean()) {
                q.dataFrom(LocalDate.parse("2024-02-01")).dataTo(LocalDate.parse("2024-03-31"));
            }
            if (random.nextInt(3) == 0) {
                q.dataHash(HASHES.get(random.nextInt(HASHES.size())));
            }
            if (random.nextInt(3) == 0) {
                q.activeOnly(true);
            }
            q.orderBy(random.nextBoolean() ? VersionQuery.Order.SCORE : VersionQuery.Order.CREATED);
            if (random.nextBoolean()) {
                q.ascending();
            }
            assertAnswers(q);
        }
    }

    @Test
    void theTrainingDataQuestionIsOneCallByHashOrBySourceAndPeriod() {
        registerMany(30);
        String hashed = registry.registerModel(ModelRegistration.builder().sensorId("s9").modelType("telemanom")
                .validationMetrics(Map.of("validation_performed", true, "r2_score", 0.9))
                .dataHash("sha256:feedface").dataSource("plant_7").dataStartDate("2025-01-01")
                .dataEndDate("2025-01-31").build());

        assertThat(registry.searchVersions(VersionQuery.builder().dataHash("sha256:feedface").build()).items())
                .extracting(VersionSummary::versionId).containsExactly(hashed);
        assertThat(registry.searchVersions(VersionQuery.builder().dataSource("plant_7")
                .dataFrom(LocalDate.parse("2025-01-31")).dataTo(LocalDate.parse("2025-02-28")).build()).items())
                .extracting(VersionSummary::versionId).containsExactly(hashed);
        assertThat(registry.searchVersions(VersionQuery.builder().dataSource("plant_7")
                .dataFrom(LocalDate.parse("2025-02-01")).build()).items()).isEmpty();
    }

    @Test
    void hostileFilterValuesAreMatchedLiterallyNeverAsPatterns() {
        String percent = registry.registerModel(tagged("s1", List.of("100%")));
        String digits = registry.registerModel(tagged("s1", List.of("1000")));
        String underscore = registry.registerModel(tagged("s1", List.of("x_y")));
        registry.registerModel(tagged("s1", List.of("xay", "a'b\"c", "датчик 7")));

        assertThat(ids(VersionQuery.builder().tag("100%"))).containsExactly(percent);
        assertThat(ids(VersionQuery.builder().tag("1000"))).containsExactly(digits);
        assertThat(ids(VersionQuery.builder().tag("x_y"))).containsExactly(underscore);
        assertThat(ids(VersionQuery.builder().tag("%"))).isEmpty();
        assertThat(ids(VersionQuery.builder().tag("_"))).isEmpty();
        assertThat(ids(VersionQuery.builder().tag("a'b\"c"))).hasSize(1);
        assertThat(ids(VersionQuery.builder().tag("датчик 7"))).hasSize(1);
        assertThat(ids(VersionQuery.builder().tag("'; DROP TABLE versions; --"))).isEmpty();
        assertThat(ids(VersionQuery.builder().dataSource("' OR '1'='1"))).isEmpty();
        assertThat(ids(VersionQuery.builder())).hasSize(4);
    }

    private static ModelRegistration tagged(String sensor, List<String> tags) {
        return ModelRegistration.builder().sensorId(sensor).modelType("telemanom")
                .validationMetrics(Map.of("validation_performed", true, "r2_score", 0.9)).dataHash("h").tags(tags)
                .build();
    }

    private List<String> ids(VersionQuery.Builder query) {
        return registry.searchVersions(query.build()).items().stream().map(VersionSummary::versionId).toList();
    }

    @Test
    void tagsFollowTheVersionsTheyBelongTo() {
        String kept = registry.registerModel(tagged("s1", List.of("gone-soon", "kept")));
        String removed = registry.registerModel(tagged("s1", List.of("gone-soon")));
        registry.promoteVersion(kept);
        registry.deleteVersion(removed, true, false);

        assertThat(ids(VersionQuery.builder().tag("gone-soon"))).containsExactly(kept);
        assertThat(ids(VersionQuery.builder().tag("kept"))).containsExactly(kept);
    }

    // ---- paging ---------------------------------------------------------------------------

    @Test
    void pagingThroughEverythingGivesTheUnpagedListingForEveryPageSize() {
        registerMany(45);
        for (VersionQuery.Order order : VersionQuery.Order.values()) {
            VersionQuery whole = VersionQuery.builder().orderBy(order).pageSize(1000).build();
            VersionPage one = registry.searchVersions(whole);
            assertThat(one.nextPageToken()).isEmpty();
            assertThat(one.items()).hasSize(45);
            for (int size : new int[] {1, 2, 44, 45, 46}) {
                assertThat(allPages(whole.toBuilder().pageSize(size).build())).isEqualTo(one.items());
            }
        }
    }

    @Test
    void aFullLastPageSaysThereIsNoNextPageOnlyWhenNothingFollows() {
        registerMany(4);
        VersionPage first = registry.searchVersions(VersionQuery.builder().pageSize(2).build());
        assertThat(first.nextPageToken()).isPresent();
        VersionPage second = registry.searchVersions(VersionQuery.builder().pageSize(2)
                .pageToken(first.nextPageToken().get()).build());
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextPageToken()).isEmpty();
    }

    @Test
    void versionsInsertedBetweenPagesNeverMakeAPageSkipOrRepeatOne() {
        registerMany(40);
        for (VersionQuery.Order order : VersionQuery.Order.values()) {
            for (boolean descending : new boolean[] {true, false}) {
                VersionQuery.Builder builder = VersionQuery.builder().orderBy(order).pageSize(6);
                VersionQuery query = (descending ? builder.descending() : builder.ascending()).build();
                Set<String> before = new HashSet<>(expected(query).stream().map(VersionSummary::versionId).toList());
                List<String> seen = new ArrayList<>();
                VersionPage page = registry.searchVersions(query);
                while (true) {
                    page.items().forEach(v -> seen.add(v.versionId()));
                    registerMany(3); // scores land before and after the position; newer ones after in ascending order
                    if (page.nextPageToken().isEmpty()) {
                        break;
                    }
                    page = registry.searchVersions(query.withPageToken(page.nextPageToken().get()));
                }
                assertThat(seen).doesNotHaveDuplicates().containsAll(before);
                Set<String> seenOnes = new HashSet<>(seen);
                assertThat(seen).as("in the query's order").isEqualTo(expected(query).stream()
                        .map(VersionSummary::versionId).filter(seenOnes::contains).toList());
            }
        }
    }

    @Test
    void aWriterRegisteringWhileAReaderPagesNeverMakesTheReaderSkipOrRepeatAVersion() throws Exception {
        registerMany(60);
        VersionQuery query = VersionQuery.builder().orderBy(VersionQuery.Order.SCORE).pageSize(5).build();
        Set<String> before = new HashSet<>(expected(query).stream().map(VersionSummary::versionId).toList());
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = writer.submit(() -> {
                while (!done.get()) {
                    registerOne("s1", "telemanom");
                }
            });
            List<String> seen = new ArrayList<>();
            VersionPage page = registry.searchVersions(query);
            page.items().forEach(v -> seen.add(v.versionId()));
            while (page.nextPageToken().isPresent()) {
                page = registry.searchVersions(query.withPageToken(page.nextPageToken().get()));
                page.items().forEach(v -> seen.add(v.versionId()));
            }
            done.set(true);
            writing.get(60, TimeUnit.SECONDS);
            assertThat(seen).doesNotHaveDuplicates().containsAll(before);
        } finally {
            done.set(true);
            writer.shutdown();
        }
    }

    // ---- refusals -------------------------------------------------------------------------

    @Test
    void aPageTokenFromAnotherQueryIsRefused() {
        registerMany(6);
        String token = registry.searchVersions(VersionQuery.builder().pageSize(2).build()).nextPageToken().orElseThrow();

        for (VersionQuery.Builder other : List.of(VersionQuery.builder().sensorId("s1"),
                VersionQuery.builder().orderBy(VersionQuery.Order.SCORE), VersionQuery.builder().ascending(),
                VersionQuery.builder().activeOnly(true), VersionQuery.builder().tag("prod"))) {
            assertThatThrownBy(() -> registry.searchVersions(other.pageSize(2).pageToken(token).build()))
                    .isInstanceOf(InvalidPageTokenException.class)
                    .hasMessageContaining("page_token").hasMessageContaining("other filters or another order");
        }
        assertThat(registry.searchVersions(VersionQuery.builder().pageSize(3).pageToken(token).build()).items())
                .as("another page size continues the same search").hasSize(3);
    }

    @Test
    void aGarbageOrAlteredPageTokenIsRefused() {
        registerMany(6);
        String token = registry.searchVersions(VersionQuery.builder().pageSize(2).build()).nextPageToken().orElseThrow();
        String json = new String(Base64.getUrlDecoder().decode(token));
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replaceFirst("\"s\":[^,]*", "\"s\":0.123").getBytes());
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : List.of("", "garbage", "!!!", token.substring(0, token.length() / 2), flipped, moved,
                "x".repeat(5000), Base64.getUrlEncoder().encodeToString("{\"q\":1}".getBytes()),
                Base64.getUrlEncoder().encodeToString("[]".getBytes()))) {
            assertThatThrownBy(() -> registry.searchVersions(VersionQuery.builder().pageToken(bad).build()))
                    .as(bad).isInstanceOf(InvalidPageTokenException.class)
                    .hasMessageContaining("is not a page token");
        }
    }

    @Test
    void aPageSizeOutsideOneToOneThousandIsRefusedNamingTheValue() {
        for (int size : new int[] {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> VersionQuery.builder().pageSize(size).build())
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessage("search page_size must be 1 to 1000: " + size);
        }
        assertThat(registry.searchVersions(VersionQuery.builder().pageSize(1000).build()).items()).isEmpty();
        assertThat(registry.searchVersions(VersionQuery.builder().pageSize(1).build()).items()).isEmpty();
    }

    @Test
    void filterValuesAreCheckedLikeEveryOtherInput() {
        assertThatThrownBy(() -> VersionQuery.builder().sensorId(" s1").build())
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> VersionQuery.builder().modelType("a\u200Bb").build())
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> VersionQuery.builder().tag("t".repeat(257)).build())
                .isInstanceOf(InvalidVersionDataException.class);
        assertThatThrownBy(() -> VersionQuery.builder().dataHash("has space").build())
                .isInstanceOf(InvalidLineageException.class).hasMessageContaining("data_hash");
        assertThatThrownBy(() -> VersionQuery.builder().dataSource("nul\u0000").build())
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("data_source");
        assertThatThrownBy(() -> VersionQuery.builder().minScore(Double.NaN).build())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("min_score");
        assertThatThrownBy(() -> VersionQuery.builder().maxScore(Double.POSITIVE_INFINITY).build())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("max_score");
        assertThatThrownBy(() -> VersionQuery.builder().minScore(0.9).maxScore(0.1).build())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("min_score");
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        assertThatThrownBy(() -> VersionQuery.builder().createdAfter(now).createdBefore(now).build())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("created_after");
        assertThatThrownBy(() -> VersionQuery.builder().dataFrom(LocalDate.parse("2024-02-01"))
                .dataTo(LocalDate.parse("2024-01-01")).build())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("data_from");
    }

}
