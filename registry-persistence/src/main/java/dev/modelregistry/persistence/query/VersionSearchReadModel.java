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
 * registry tables (the same statement shape on SQLite and PostgreSQL). Paging is by keyset: a
 * page starts strictly after the sort key and version id of the previous page's last row, so
 * rows inserted meanwhile never shift a later page (nothing skipped, nothing repeated). The
 * statement is built from the filters present; every value is a bind parameter.
 *
 * <p>Tags are matched through {@code version_tags}, which triggers keep equal to the tags and
 * sort keys of every version (changelog releases 1.2-search and 1.2-search-keys): a tag search
 * reads that table in order by (tag, sort key, version id), a search by data source likewise
 * reads {@code version_sources} (one row per source and version of {@code data_lineage}, same
 * release); the period, and a source beside a tag, through {@code data_lineage}. Indexes of
 * those releases serve each filter and both orders.
 */
public final class VersionSearchReadModel {

    private static final String COLUMNS = "SELECT v.version_id, v.model_id, v.created_at, v.performance_score,"
            + " v.is_active, v.model_path FROM ";

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
     * never matching.
     */
    public record Criteria(String sensorId, String modelType, String tag, Double minScore, Double maxScore,
                           Instant createdFrom, Instant createdBefore, String dataHash, String dataSource,
                           LocalDate dataFrom, LocalDate dataTo, boolean activeOnly, boolean byScore,
                           boolean descending) {

        boolean filtersPeriod() {
            return dataFrom != null || dataTo != null;
        }
    }

    /** Where the previous page ended: its last row's sort keys and version id. */
    public record Position(Instant createdAt, double score, String versionId) {
    }

    /** One matching version. */
    public record Row(String versionId, String modelId, Instant createdAt, double score, boolean active,
                      String modelPath) {

        /** This row as the position a next page starts after. */
        public Position position() {
            return new Position(createdAt, score, versionId);
        }
    }

    /**
     * At most {@code limit} matching versions in the criteria's order (ties by version id, in
     * the same direction), starting strictly after {@code after} when given.
     */
    public List<Row> page(Criteria criteria, Position after, int limit) {
        Statement statement = statement(criteria, after, limit);
        return reads.read(connection -> {
            PreparedStatement prepared = connection.prepare(statement.sql());
            for (int i = 0; i < statement.values().size(); i++) {
                prepared.setObject(i + 1, statement.values().get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = prepared.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), createdAt(result), result.getDouble(4),
                            result.getBoolean(5), result.getString(6)));
                }
            }
            return rows;
        });
    }

    /** The statement text and its values in parameter order (for tests and query plans too). */
    record Statement(String sql, List<Object> values) {
    }

    Statement statement(Criteria criteria, Position after, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> values = new ArrayList<>();
        condition(where, values, "v.sensor_id = ?", criteria.sensorId());
        condition(where, values, "v.model_type = ?", criteria.modelType());
        condition(where, values, "v.performance_score >= ?", criteria.minScore());
        condition(where, values, "v.performance_score <= ?", criteria.maxScore());
        condition(where, values, "v.created_at >= ?", instant(criteria.createdFrom()));
        condition(where, values, "v.created_at < ?", instant(criteria.createdBefore()));
        condition(where, values, "v.data_hash = ?", criteria.dataHash());
        if (criteria.activeOnly()) {
            and(where).append("v.is_active");
        }
        condition(where, values, "t.tag = ?", criteria.tag());
        boolean bySource = criteria.tag() == null && criteria.dataSource() != null;
        condition(where, values, "s.data_source = ?", bySource ? criteria.dataSource() : null);
        if ((criteria.dataSource() != null && !bySource) || criteria.filtersPeriod()) {
            StringBuilder lineage = new StringBuilder("l.version_id = v.version_id");
            condition(lineage, values, "l.data_source = ?", criteria.dataSource());
            if (criteria.filtersPeriod()) {
                lineage.append(" AND (l.data_start_date IS NOT NULL OR l.data_end_date IS NOT NULL)");
                condition(lineage, values, "(l.data_start_date IS NULL OR substr(l.data_start_date, 1, 10) <= ?)",
                        date(criteria.dataTo()));
                condition(lineage, values, "(l.data_end_date IS NULL OR substr(l.data_end_date, 1, 10) >= ?)",
                        date(criteria.dataFrom()));
            }
            and(where).append("EXISTS (SELECT 1 FROM data_lineage l WHERE ").append(lineage).append(')');
        }
        // A tag drives from version_tags, else a data source from version_sources: their copies of
        // the sort keys order and page the filter by one index.
        String keys = criteria.tag() != null ? "t." : bySource ? "s." : "v.";
        String from = criteria.tag() != null ? "version_tags t JOIN versions v ON v.version_id = t.version_id"
                : bySource ? "version_sources s JOIN versions v ON v.version_id = s.version_id" : "versions v";
        String key = keys + (criteria.byScore() ? "performance_score" : "created_at");
        String direction = criteria.descending() ? " DESC" : " ASC";
        if (after != null) {
            and(where).append('(').append(key).append(", ").append(keys).append("version_id) ").append(criteria.descending() ? '<' : '>')
                    .append(" (?, ?)");
            values.add(criteria.byScore() ? (Object) after.score() : instant(after.createdAt()));
            values.add(after.versionId());
        }
        values.add(limit);
        String sql = COLUMNS + from + (where.isEmpty() ? "" : " WHERE " + where) + " ORDER BY " + key + direction
                + ", " + keys + "version_id" + direction + " LIMIT ?";
        return new Statement(sql, values);
    }

    private static void condition(StringBuilder where, List<Object> values, String sql, Object value) {
        if (value != null) {
            and(where).append(sql);
            values.add(value);
        }
    }

    private static StringBuilder and(StringBuilder where) {
        return where.isEmpty() ? where : where.append(" AND ");
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

    private Instant createdAt(ResultSet result) throws SQLException {
        return reads.dialect() == ReadConnections.SqlDialect.SQLITE ? UtcText.parse(result.getString(3))
                : result.getObject(3, OffsetDateTime.class).toInstant();
    }
}
