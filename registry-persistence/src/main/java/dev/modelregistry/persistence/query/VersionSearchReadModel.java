package dev.modelregistry.persistence.query;

import dev.modelregistry.persistence.format.UtcText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches versions by any combination of filters, one page at a time, in plain SQL over the
 * registry tables (the same statements on SQLite and PostgreSQL, SQLite's also naming the index
 * with {@code INDEXED BY}: SQLite has no statistics to choose by). Paging is by keyset: a page starts strictly after the sort key and
 * version id of the previous page's last row, so rows inserted meanwhile never shift a later page
 * (nothing skipped, nothing repeated). Every value is a bind parameter.
 *
 * <p>The plan (README, "Searching versions"): one filter drives, the first present of tag,
 * data source, sensor, data hash, active only, model type; its index has the filter as prefix and
 * then (sort key, version id), so a page walks about a page of index entries ({@code version_tags}
 * and {@code version_sources} carry copies of the sort keys for this; a sensor's and a data
 * hash's versions are few and sorted when ordered by score). The other filters are checked on the
 * way. Without a driving filter the order key's index is walked, its own range bounding the walk.
 * A range on the <em>other</em> key (a score range in creation order, a creation range in score
 * order) fights the order; {@link #page(Criteria, Position, int)} then chooses by the data:
 * <ol>
 *   <li>walk the order key's index for at most {@value #WALK_BOUND_PER_ROW} entries per row asked,
 *       the range checked from the index ({@link Plan#BOUNDED_WALK}); a full page ends there;</li>
 *   <li>otherwise count the range's entries in its own index, up to what walking on would cost at
 *       the density just seen ({@code limit x bound / rows found}, at most {@value #COUNT_CAP});
 *       fewer: read the range from its index and sort it ({@link Plan#SORT_RANGE}); else walk on
 *       ({@link Plan#WALK}).</li>
 * </ol>
 * Either way a page reads at most a few times the entries of the cheaper plan; the answer is the
 * same whichever plan runs. On PostgreSQL the choice is its planner's (it has statistics): the
 * statement of {@link Plan#WALK}, without the index named.
 */
public final class VersionSearchReadModel {

    /** The archived versions by id (changelog 1.3-archive): a partial index holding only them. */
    private static final String ARCHIVED_INDEX = "idx_versions_archived_id";

    /** Entries per row asked that the bounded walk reads at most. */
    static final int WALK_BOUND_PER_ROW = 20;
    /** The most index entries counted to choose between sorting a range and walking the order. */
    static final int COUNT_CAP = 50_000;

    private static final String COLUMNS = "v.version_id, v.model_id, v.created_at, v.performance_score,"
            + " v.is_active, v.model_path, v.archived_at";

    private final ReadConnections reads;

    public VersionSearchReadModel(ReadConnections reads) {
        this.reads = reads;
    }

    /**
     * What to search for. Every filter is optional ({@code null}: any); all given filters must
     * hold. Ranges: scores {@code minScore <= score <= maxScore}; creation
     * {@code createdFrom <= created_at < createdBefore}; the training-data period
     * (calendar dates, the first ten characters of {@code data_start_date}/{@code data_end_date})
     * overlaps {@code [dataFrom, dataTo]} inclusively: start on or before {@code dataTo} and end
     * on or after {@code dataFrom}, a missing start or end being open, a version without either
     * never matching. {@code tag} is a tag key; with {@code tagValue} the key must have exactly
     * that value (a key without a value never matches one). Archived versions (R15) only with
     * {@code includeArchived}.
     */
    public record Criteria(String sensorId, String modelType, String tag, Double minScore, Double maxScore,
                           Instant createdFrom, Instant createdBefore, String dataHash, String dataSource,
                           LocalDate dataFrom, LocalDate dataTo, boolean activeOnly, boolean byScore,
                           boolean descending, String tagValue, boolean includeArchived) {

        public Criteria {
            if (tagValue != null && tag == null) {
                throw new IllegalArgumentException("a tag value needs its tag key");
            }
        }

        /** Without archived versions. */
        public Criteria(String sensorId, String modelType, String tag, Double minScore, Double maxScore,
                        Instant createdFrom, Instant createdBefore, String dataHash, String dataSource,
                        LocalDate dataFrom, LocalDate dataTo, boolean activeOnly, boolean byScore, boolean descending,
                        String tagValue) {
            this(sensorId, modelType, tag, minScore, maxScore, createdFrom, createdBefore, dataHash, dataSource,
                    dataFrom, dataTo, activeOnly, byScore, descending, tagValue, false);
        }

        /** Without a tag value and archived versions. */
        public Criteria(String sensorId, String modelType, String tag, Double minScore, Double maxScore,
                        Instant createdFrom, Instant createdBefore, String dataHash, String dataSource,
                        LocalDate dataFrom, LocalDate dataTo, boolean activeOnly, boolean byScore, boolean descending) {
            this(sensorId, modelType, tag, minScore, maxScore, createdFrom, createdBefore, dataHash, dataSource,
                    dataFrom, dataTo, activeOnly, byScore, descending, null);
        }

        boolean filtersPeriod() {
            return dataFrom != null || dataTo != null;
        }

        boolean filtersScore() {
            return minScore != null || maxScore != null;
        }

        boolean filtersCreation() {
            return createdFrom != null || createdBefore != null;
        }

        /** The filter whose index drives the page. */
        Driver driver() {
            if (tagValue != null) {
                return Driver.TAG_VALUE;
            }
            if (tag != null) {
                return Driver.TAG;
            }
            if (dataSource != null) {
                return Driver.SOURCE;
            }
            if (sensorId != null) {
                return Driver.SENSOR;
            }
            if (dataHash != null) {
                return Driver.HASH;
            }
            if (activeOnly) {
                return Driver.ACTIVE;
            }
            return modelType != null ? Driver.TYPE : Driver.ORDER;
        }

        /** No filter drives, and a range on the key the page is not ordered by fights the order. */
        boolean rangesTheOtherKey() {
            return driver() == Driver.ORDER && (byScore ? filtersCreation() : filtersScore());
        }
    }

    /** Where the previous page ended: its last row's sort keys and version id. */
    public record Position(Instant createdAt, double score, String versionId) {
    }

    /** One matching version; {@code archivedAt} null when it is not archived. */
    public record Row(String versionId, String modelId, Instant createdAt, double score, boolean active,
                      String modelPath, Instant archivedAt) {

        /** This row as the position a next page starts after. */
        public Position position() {
            return new Position(createdAt, score, versionId);
        }
    }

    /** How a page is read (see the class comment for the rule choosing it). */
    public enum Plan {
        /** Walk the driving filter's index (or the order key's) in order, checking the other filters. */
        WALK,
        /** As {@link #WALK} over the order key's index, reading at most {@value #WALK_BOUND_PER_ROW} entries per row asked: may give fewer rows than match. */
        BOUNDED_WALK,
        /** Read the range on the other key from its own index, sort the matches by the order key. */
        SORT_RANGE
    }

    /** The index a page walks: the filter's (both orders) or the order key's. */
    enum Driver {
        TAG("idx_version_tags_created", "idx_version_tags_score"),
        TAG_VALUE("idx_version_tags_value_created", "idx_version_tags_value_score"),
        SOURCE("idx_version_sources_created", "idx_version_sources_score"),
        SENSOR("idx_versions_sensor_created", "idx_versions_sensor_created"),
        HASH("idx_versions_hash_created", "idx_versions_hash_created"),
        ACTIVE("idx_versions_active_created", "idx_versions_active_score"),
        TYPE("idx_versions_type_created", "idx_versions_type_score"),
        ORDER("idx_versions_created_score", "idx_versions_score_created");

        private final String byCreation;
        private final String byScore;

        Driver(String byCreation, String byScore) {
            this.byCreation = byCreation;
            this.byScore = byScore;
        }

        String index(boolean score) {
            return score ? byScore : byCreation;
        }
    }

    /**
     * At most {@code limit} matching versions in the criteria's order (ties by version id, in
     * the same direction), starting strictly after {@code after} when given; the plan chosen by
     * the rule of the class comment.
     */
    public List<Row> page(Criteria criteria, Position after, int limit) {
        return reads.read(connection -> choose(connection, criteria, after, limit).rows());
    }

    /** The same page read by this plan (tests compare the plans; {@link Plan#BOUNDED_WALK} may stop short). */
    public List<Row> page(Criteria criteria, Position after, int limit, Plan plan) {
        return reads.read(connection -> rows(connection, statement(criteria, after, limit, plan)));
    }

    /** The plan {@link #page(Criteria, Position, int)} chooses for this page now (PostgreSQL: always {@link Plan#WALK}). */
    public Plan plan(Criteria criteria, Position after, int limit) {
        return reads.read(connection -> choose(connection, criteria, after, limit).plan());
    }

    private record Choice(Plan plan, List<Row> rows) {
    }

    private Choice choose(ReadConnection connection, Criteria criteria, Position after, int limit) throws SQLException {
        if (!criteria.rangesTheOtherKey() || reads.dialect() != ReadConnections.SqlDialect.SQLITE) {
            return new Choice(Plan.WALK, rows(connection, statement(criteria, after, limit, Plan.WALK)));
        }
        List<Row> bounded = rows(connection, statement(criteria, after, limit, Plan.BOUNDED_WALK));
        if (bounded.size() == limit) {
            return new Choice(Plan.BOUNDED_WALK, bounded);
        }
        long walkCost = (long) limit * WALK_BOUND_PER_ROW * limit / Math.max(1, bounded.size());
        int cap = (int) Math.min(COUNT_CAP, walkCost);
        Plan plan = count(connection, rangeCount(criteria, cap)) < cap ? Plan.SORT_RANGE : Plan.WALK;
        return new Choice(plan, rows(connection, statement(criteria, after, limit, plan)));
    }

    private List<Row> rows(ReadConnection connection, Statement statement) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet result = bound(connection, statement).executeQuery()) {
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getString(2), reads.dialect().instant(result, 3),
                        result.getDouble(4), result.getBoolean(5), result.getString(6),
                        reads.dialect().instant(result, 7)));
            }
        }
        return rows;
    }

    private static long count(ReadConnection connection, Statement statement) throws SQLException {
        try (ResultSet result = bound(connection, statement).executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static PreparedStatement bound(ReadConnection connection, Statement statement) throws SQLException {
        PreparedStatement prepared = connection.prepare(statement.sql());
        for (int i = 0; i < statement.values().size(); i++) {
            prepared.setObject(i + 1, statement.values().get(i));
        }
        return prepared;
    }

    /** The statement text and its values in parameter order (for tests and query plans too). */
    record Statement(String sql, List<Object> values) {
    }

    /** A WHERE clause being built, with its values in parameter order. */
    private final class Where {
        final StringBuilder sql = new StringBuilder();
        final List<Object> values = new ArrayList<>();

        Where add(String condition, Object value) {
            if (value != null) {
                and().append(condition);
                values.add(value);
            }
            return this;
        }

        StringBuilder and() {
            return sql.isEmpty() ? sql : sql.append(" AND ");
        }

        /** The score and creation ranges on the rows of {@code alias}. */
        Where ranges(Criteria criteria, String alias, boolean score, boolean creation) {
            if (score) {
                add(alias + "performance_score >= ?", criteria.minScore());
                add(alias + "performance_score <= ?", criteria.maxScore());
            }
            if (creation) {
                add(alias + "created_at >= ?", instant(criteria.createdFrom()));
                add(alias + "created_at < ?", instant(criteria.createdBefore()));
            }
            return this;
        }

        /** Strictly after {@code after} in the criteria's order, by the keys of {@code alias}. */
        Where after(Criteria criteria, String alias, Position after) {
            if (after != null) {
                and().append('(').append(alias).append(key(criteria)).append(", ").append(alias).append("version_id) ")
                        .append(criteria.descending() ? '<' : '>').append(" (?, ?)");
                values.add(criteria.byScore() ? (Object) after.score() : instant(after.createdAt()));
                values.add(after.versionId());
            }
            return this;
        }

        String clause() {
            return sql.isEmpty() ? "" : " WHERE " + sql;
        }
    }

    Statement statement(Criteria criteria, Position after, int limit, Plan plan) {
        return switch (plan) {
            case WALK -> walk(criteria, after, limit, false);
            case BOUNDED_WALK -> walk(criteria, after, limit, true);
            case SORT_RANGE -> sortRange(criteria, after, limit);
        };
    }

    /** The driving index walked in order; {@code bounded}: no further than {@link #WALK_BOUND_PER_ROW} entries per row. */
    private Statement walk(Criteria criteria, Position after, int limit, boolean bounded) {
        Driver driver = criteria.driver();
        String index = driver.index(criteria.byScore());
        Where where = filters(criteria, "v.");
        String keys = switch (driver) {
            case TAG, TAG_VALUE -> "t.";
            case SOURCE -> "s.";
            default -> "v.";
        };
        where.add("t.tag = ?", criteria.tag());
        where.add("t.tag_value = ?", criteria.tagValue());
        where.add("s.data_source = ?", driver == Driver.SOURCE ? criteria.dataSource() : null);
        where.after(criteria, keys, after);
        if (bounded) {
            // The last entry of the walk's first (limit x bound): the order key's range and the
            // keyset only, so the bound is where that many entries of the index end.
            Where entries = new Where().ranges(criteria, "b.", criteria.byScore(), !criteria.byScore())
                    .after(criteria, "b.", after);
            where.and().append("(v.").append(key(criteria)).append(", v.version_id) ")
                    .append(criteria.descending() ? ">=" : "<=").append(" (SELECT b.").append(key(criteria))
                    .append(", b.version_id FROM versions b").append(hint(index)).append(entries.clause())
                    .append(orderBy(criteria, "b.")).append(" LIMIT 1 OFFSET ?)");
            where.values.addAll(entries.values);
            where.values.add(limit * WALK_BOUND_PER_ROW - 1);
        }
        String from = switch (driver) {
            case TAG, TAG_VALUE -> "version_tags t" + hint(index) + " CROSS JOIN versions v";
            case SOURCE -> "version_sources s" + hint(index) + " CROSS JOIN versions v";
            default -> "versions v" + hint(index);
        };
        if (driver == Driver.TAG || driver == Driver.TAG_VALUE || driver == Driver.SOURCE) {
            where.and().append("v.version_id = ").append(keys).append("version_id");
        }
        where.values.add(limit);
        return new Statement("SELECT " + COLUMNS + " FROM " + from + where.clause() + orderBy(criteria, keys) + " LIMIT ?",
                where.values);
    }

    /** The range on the other key from its own index, the matches sorted by the order key, then their rows. */
    private Statement sortRange(Criteria criteria, Position after, int limit) {
        Where where = filters(criteria, "k.").after(criteria, "k.", after);
        String hint = hint(Driver.ORDER.index(!criteria.byScore()));
        where.values.add(limit);
        return new Statement("SELECT " + COLUMNS + " FROM (SELECT k.version_id, k.created_at, k.performance_score"
                + " FROM versions k" + hint + where.clause() + orderBy(criteria, "k.") + " LIMIT ?) w"
                + " CROSS JOIN versions v WHERE v.version_id = w.version_id" + orderBy(criteria, "w."), where.values);
    }

    /** How many entries the range on the other key holds in its own index, counting no further than {@code cap}. */
    Statement rangeCount(Criteria criteria, int cap) {
        Where where = new Where().ranges(criteria, "k.", !criteria.byScore(), criteria.byScore());
        where.values.add(cap);
        return new Statement("SELECT COUNT(*) FROM (SELECT 1 FROM versions k"
                + hint(Driver.ORDER.index(!criteria.byScore())) + where.clause() + " LIMIT ?) c",
                where.values);
    }

    /**
     * Every filter but the tag and a driving data source, on the versions of {@code alias}. The
     * archived versions (R15) are left out by their row's {@code archived_at} where the row is read
     * anyway ({@code v.}), and by a probe of their partial index where only the order key's
     * covering index is ({@code k.}, {@link Plan#SORT_RANGE}), so that plan still reads no row.
     */
    private Where filters(Criteria criteria, String alias) {
        Where where = new Where();
        if (!criteria.includeArchived() && alias.equals("v.")) {
            where.and().append("v.archived_at IS NULL");
        } else if (!criteria.includeArchived()) {
            where.and().append("NOT EXISTS (SELECT 1 FROM versions a").append(hint(ARCHIVED_INDEX))
                    .append(" WHERE a.version_id = ").append(alias).append("version_id AND a.archived_at IS NOT NULL)");
        }
        where.add(alias + "sensor_id = ?", criteria.sensorId());
        where.add(alias + "model_type = ?", criteria.modelType());
        where.ranges(criteria, alias, true, true);
        where.add(alias + "data_hash = ?", criteria.dataHash());
        if (criteria.activeOnly()) {
            where.and().append(alias).append("is_active");
        }
        boolean sourceDrives = criteria.driver() == Driver.SOURCE;
        if ((criteria.dataSource() != null && !sourceDrives) || criteria.filtersPeriod()) {
            Where lineage = new Where();
            lineage.and().append("l.version_id = ").append(alias).append("version_id");
            lineage.add("l.data_source = ?", sourceDrives ? null : criteria.dataSource());
            if (criteria.filtersPeriod()) {
                lineage.and().append("(l.data_start_date IS NOT NULL OR l.data_end_date IS NOT NULL)");
                lineage.add("(l.data_start_date IS NULL OR substr(l.data_start_date, 1, 10) <= ?)", date(criteria.dataTo()));
                lineage.add("(l.data_end_date IS NULL OR substr(l.data_end_date, 1, 10) >= ?)", date(criteria.dataFrom()));
            }
            where.and().append("EXISTS (SELECT 1 FROM data_lineage l").append(lineage.clause()).append(')');
            where.values.addAll(lineage.values);
        }
        return where;
    }

    private static String key(Criteria criteria) {
        return criteria.byScore() ? "performance_score" : "created_at";
    }

    private static String orderBy(Criteria criteria, String alias) {
        String direction = criteria.descending() ? " DESC" : " ASC";
        return " ORDER BY " + alias + key(criteria) + direction + ", " + alias + "version_id" + direction;
    }

    /** SQLite: {@code INDEXED BY} the index the plan reads (PostgreSQL plans by its statistics). */
    private String hint(String index) {
        return reads.dialect().indexedBy(index);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Instants as each engine stores them: fixed-width UTC text on SQLite, timestamp with time zone on PostgreSQL. */
    private Object instant(Instant instant) {
        if (instant == null) {
            return null;
        }
        return reads.dialect() == ReadConnections.SqlDialect.SQLITE ? UtcText.format(instant)
                : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
