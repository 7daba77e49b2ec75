package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.persistence.query.ReadConnections;
import dev.modelregistry.persistence.query.VersionSearchReadModel;
import dev.modelregistry.persistence.query.VersionSearchReadModel.Criteria;
import dev.modelregistry.persistence.query.VersionSearchReadModel.Plan;
import dev.modelregistry.persistence.query.VersionSearchReadModel.Position;
import dev.modelregistry.persistence.query.VersionSearchReadModel.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plan rule of {@link VersionSearchReadModel} (README, "Searching versions"): a range on the
 * key the page is not ordered by is read by a bounded walk of the order's index, by sorting the
 * range, or by walking on, chosen by the data (SQLite; PostgreSQL's planner chooses itself);
 * every plan pages to exactly the versions a plain filter and sort give, on both engines. One database per class: 600 versions whose scores and creation times are
 * independent, then the 30 newest, all scoring 1.0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VersionSearchPlansContract {

    private static final double TOP = 1.0;
    private List<ModelVersion> all;
    private int sensors;

    protected abstract RegistryDatabase database();

    /** The rule chooses on SQLite only. */
    private void assumeTheRuleChooses() {
        versions();
        assumeTrue(database().reads().dialect() == ReadConnections.SqlDialect.SQLITE, "PostgreSQL's planner chooses");
    }

    private VersionSearchReadModel search() {
        return new VersionSearchReadModel(database().reads());
    }

    private synchronized List<ModelVersion> versions() {
        if (all == null) {
            all = new ArrayList<>();
            Random random = new Random(5);
            for (int m = 0; m < 40; m++) {
                List<Integer> times = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    times.add(random.nextInt(100_000));
                }
                times.sort(Comparator.naturalOrder());
                all.addAll(saved(times, () -> 0.015 + 0.005 * random.nextInt(18)));
            }
            List<Integer> newest = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                newest.add(200_000 + i);
            }
            all.addAll(saved(newest, () -> 0.01)); // anomaly rate 0.01 scores 1.0
        }
        return all;
    }

    private List<ModelVersion> saved(List<Integer> times, java.util.function.DoubleSupplier rates) {
        return database().unitOfWork().execute(() -> {
            Model model = Fixtures.aModel("plans-" + (sensors++), "telemanom");
            List<ModelVersion> versions = new ArrayList<>();
            for (int time : times) {
                versions.add(register(model, rates.getAsDouble(), time));
            }
            database().repository().save(model);
            return versions;
        });
    }

    private static Criteria criteria(Double minScore, Double maxScore, Instant from, Instant before, boolean byScore,
                                     boolean descending) {
        return new Criteria(null, null, null, minScore, maxScore, from, before, null, null, null, null, false, byScore,
                descending);
    }

    private static Criteria scoreRange(double min, double max, boolean descending) {
        return criteria(min, max, null, null, false, descending);
    }

    /** The matching versions in the criteria's order, computed in Java from what the aggregate registered. */
    private List<String> expected(Criteria c) {
        Predicate<ModelVersion> matches = v -> (c.minScore() == null || v.performanceScore() >= c.minScore())
                && (c.maxScore() == null || v.performanceScore() <= c.maxScore())
                && (c.createdFrom() == null || !v.createdAt().isBefore(c.createdFrom()))
                && (c.createdBefore() == null || v.createdAt().isBefore(c.createdBefore()));
        Comparator<ModelVersion> order = c.byScore() ? Comparator.comparingDouble(ModelVersion::performanceScore)
                : Comparator.comparing(ModelVersion::createdAt);
        order = order.thenComparing(v -> v.id().value());
        return versions().stream().filter(matches).sorted(c.descending() ? order.reversed() : order)
                .map(v -> v.id().value()).toList();
    }

    /** Every page of {@code pageSize} by this plan (null: the chosen one), concatenated. */
    private List<String> paged(Criteria criteria, int pageSize, Plan plan) {
        List<String> ids = new ArrayList<>();
        Position after = null;
        while (true) {
            List<Row> page = plan == null ? search().page(criteria, after, pageSize)
                    : search().page(criteria, after, pageSize, plan);
            page.forEach(row -> ids.add(row.versionId()));
            if (page.size() < pageSize) {
                return ids;
            }
            after = page.get(page.size() - 1).position();
        }
    }

    private List<Criteria> rangesAgainstTheOrder() {
        Instant from = at(20_000);
        Instant before = at(70_000);
        return List.of(scoreRange(0.9, 0.95, true), scoreRange(0.9, 0.95, false), scoreRange(0.8, TOP, true),
                scoreRange(0.85, 0.85 + 1e-9, true), scoreRange(0.9, 0.9, false), criteria(0.9, null, null, null, false, true),
                criteria(null, 0.9, null, null, false, false), criteria(null, null, from, before, true, true),
                criteria(null, null, from, before, true, false), criteria(null, null, null, at(50_000), true, true),
                criteria(0.85, 0.95, from, before, false, true), criteria(0.85, 0.95, from, before, true, false));
    }

    @Test
    void everyPlanPagesToExactlyTheVersionsAPlainFilterAndSortGive() {
        versions();
        for (Criteria criteria : rangesAgainstTheOrder()) {
            List<String> expected = expected(criteria);
            for (int pageSize : new int[] {1, 3, 50}) {
                assertThat(paged(criteria, pageSize, null)).as("chosen, %s, page %d", criteria, pageSize)
                        .isEqualTo(expected);
                assertThat(paged(criteria, pageSize, Plan.WALK)).as("walk, %s", criteria).isEqualTo(expected);
                assertThat(paged(criteria, pageSize, Plan.SORT_RANGE)).as("sort, %s", criteria).isEqualTo(expected);
            }
        }
    }

    @Test
    void aBoundedWalkGivesTheFirstMatchesOfThePageAndNeverAVersionOutOfOrder() {
        versions();
        for (Criteria criteria : rangesAgainstTheOrder()) {
            List<String> expected = expected(criteria);
            List<Row> page = search().page(criteria, null, 7, Plan.BOUNDED_WALK);
            assertThat(expected).as("%s", criteria)
                    .startsWith(page.stream().map(Row::versionId).toArray(String[]::new));
        }
    }

    @Test
    void aRangeThatManyVersionsNearThePositionMatchIsReadByABoundedWalkOfTheOrdersIndex() {
        assumeTheRuleChooses();
        Criteria half = scoreRange(0.8, TOP, true);

        assertThat(search().plan(half, null, 5)).isEqualTo(Plan.BOUNDED_WALK);
        assertThat(search().page(half, null, 5)).extracting(Row::versionId).isEqualTo(expected(half).subList(0, 5));
    }

    @Test
    void aRangeThatFewVersionsMatchIsReadFromItsOwnIndexAndSorted() {
        assumeTheRuleChooses();
        double one = versions().get(3).performanceScore();
        Criteria narrow = scoreRange(one, one, true);
        assertThat(expected(narrow)).isNotEmpty().hasSizeLessThan(60);

        assertThat(search().plan(narrow, null, 5)).isEqualTo(Plan.SORT_RANGE);
        Criteria fewInAWhile = criteria(null, null, at(50_000), at(51_000), true, true);
        assertThat(expected(fewInAWhile)).isNotEmpty().hasSizeLessThan(20);
        assertThat(search().plan(fewInAWhile, null, 5)).isEqualTo(Plan.SORT_RANGE);
    }

    @Test
    void aRangeThatManyVersionsMatchButNoneNearThePositionIsWalkedOn() {
        assumeTheRuleChooses();
        Criteria belowTheNewest = scoreRange(0.8, 0.95, true); // the 30 newest score 1.0

        assertThat(search().plan(belowTheNewest, null, 1)).isEqualTo(Plan.WALK);
        assertThat(search().page(belowTheNewest, null, 1)).extracting(Row::versionId)
                .containsExactly(expected(belowTheNewest).get(0));
    }

    @Test
    void aDrivingFilterIsWalkedInItsOwnIndexWhateverTheRanges() {
        versions();
        ModelVersion any = versions().get(17);
        Criteria sensorAndScores = new Criteria(any.sensorId().value(), null, null, 0.8, 0.9, null, null, null, null,
                null, null, false, false, true);

        assertThat(search().plan(sensorAndScores, null, 5)).isEqualTo(Plan.WALK);
    }

    @Test
    void versionsRegisteredBetweenPagesNeverMakeAnyPlanSkipOrRepeatOne() {
        versions();
        Criteria criteria = scoreRange(0.85, 0.95, true);
        for (Plan plan : new Plan[] {null, Plan.WALK, Plan.SORT_RANGE}) {
            List<String> before = expected(criteria);
            List<String> seen = new ArrayList<>();
            Position after = null;
            int round = 0;
            while (true) {
                List<Row> page = plan == null ? search().page(criteria, after, 4) : search().page(criteria, after, 4, plan);
                page.forEach(row -> seen.add(row.versionId()));
                if (page.size() < 4) {
                    break;
                }
                after = page.get(page.size() - 1).position();
                int x = 97 * sensors + round++;
                // one among the versions still to come, one newer than the position (never below the 30 newest)
                all.addAll(saved(List.of(x % 100_000, 150_000 + x), () -> 0.04));
            }
            assertThat(seen).as("plan %s", plan).doesNotHaveDuplicates().containsAll(before);
        }
    }
}
