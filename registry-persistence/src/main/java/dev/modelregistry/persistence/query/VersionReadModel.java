package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Versions in plain SQL: one version's details (with its lineage, its aliases, since when it
 * is active and when it was archived) in one query of key lookups, its lineage, and the listings
 * (a model's versions newest first, a sensor's, those scored at least a bound: without the
 * archived versions, R15, but where asked). Listings read only the columns they show, never the JSON columns.
 * Orders are total (ties broken by id), as the aggregate's queries order them.
 */
public final class VersionReadModel {

    /**
     * The details' columns: version ({@code v}), lineage ({@code l}) and, while the version is
     * active, since when, kept on its model's row ({@code m.active_since}, changelog
     * 1.2-active-since), and since when it is held ({@code m.held_since}, changelog 1.3-holds):
     * every row is read by its key, the history is never searched.
     */
    static final String DETAILS_COLUMNS = "SELECT v.version_id, v.model_id, v.sensor_id, v.model_type, v.created_at,"
            + " v.training_config, v.training_metrics, v.validation_metrics, v.model_size_bytes,"
            + " v.training_time_seconds, v.data_hash, v.model_hash, v.model_path, v.description, v.tags,"
            + " v.is_active, v.performance_score, l.version_id, l.data_hash, l.data_source, l.data_start_date,"
            + " l.data_end_date, l.num_samples, l.created_at, CASE WHEN v.is_active THEN m.active_since END, v.tag_values,"
            + " CASE WHEN v.is_active THEN m.held_since END, v.archived_at";

    private static final String DETAILS_FROM = " FROM versions v JOIN models m ON m.model_id = v.model_id"
            + " LEFT JOIN data_lineage l ON l.version_id = v.version_id WHERE v.version_id = ?";

    private static final String LINEAGE_SQL = "SELECT l.version_id, l.data_hash, l.data_source, l.data_start_date,"
            + " l.data_end_date, l.num_samples, l.created_at FROM data_lineage l WHERE l.version_id = ?";

    private static final String LINE_COLUMNS = "SELECT v.version_id, v.model_id, v.created_at, v.performance_score,"
            + " v.is_active, v.model_path, v.archived_at FROM versions v";

    /** Leaves out the archived versions (R15); the listings read each version's row anyway, so it costs no lookup. */
    private static final String NOT_ARCHIVED = " AND v.archived_at IS NULL";

    /** By the pair's columns (the unique index): exactly this pair's model, never another pair deriving the same id (R1). */
    private static final String OF_PAIR_WHERE = LINE_COLUMNS + " JOIN models m ON m.model_id = v.model_id"
            + " WHERE m.sensor_id = ? AND m.model_type = ?";

    private static final String OF_PAIR_ORDER = " ORDER BY v.created_at DESC, v.version_id DESC";

    private static final String OF_SENSOR_SQL = LINE_COLUMNS + " JOIN models m ON m.model_id = v.model_id"
            + " WHERE m.sensor_id = ?" + NOT_ARCHIVED + " ORDER BY m.model_id, v.created_at DESC, v.version_id DESC";

    private static final String SENSOR_KNOWN_SQL = "SELECT 1 FROM models WHERE sensor_id = ? LIMIT 1";

    private static final String SCORED_SQL = LINE_COLUMNS + " WHERE v.performance_score >= ?" + NOT_ARCHIVED
            + " ORDER BY v.performance_score DESC, v.created_at DESC, v.version_id";

    private final ReadConnections connections;
    private final Columns columns;
    private final String detailsColumns;
    private final String detailsSql;

    VersionReadModel(ReadConnections connections) {
        this.connections = connections;
        this.columns = new Columns(connections);
        this.detailsColumns = DETAILS_COLUMNS + ", " + connections.dialect().aliasesOfVersion("v.version_id");
        this.detailsSql = detailsColumns + DETAILS_FROM;
    }

    /**
     * The details' columns ({@link #DETAILS_COLUMNS}) and last the version's aliases, as one
     * comma-separated text (alias names hold no comma) from the {@code model_aliases} index on
     * {@code version_id}: what {@link #single} reads.
     */
    String detailsColumns() {
        return detailsColumns;
    }

    /** The version's details, lineage and (when active) since when; empty when no such version exists. */
    public Optional<VersionRow> details(VersionId versionId) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(detailsSql);
            statement.setString(1, versionId.value());
            return single(statement);
        });
    }

    /** Reads at most one row of {@link #detailsColumns()}. */
    Optional<VersionRow> single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(details(row)) : Optional.empty();
        }
    }

    private VersionRow details(ResultSet row) throws SQLException {
        String lineageVersionId = columns.text(row, 18);
        LineageRow lineage = lineageVersionId == null ? null : lineage(lineageVersionId, row, 18);
        return new VersionRow(columns.text(row, 1), columns.text(row, 2), columns.text(row, 3), columns.text(row, 4),
                columns.instant(row, 5), columns.attributes(row, 6), columns.attributes(row, 7),
                columns.attributes(row, 8), row.getLong(9), Columns.nullableDouble(row, 10), columns.text(row, 11),
                columns.text(row, 12), columns.text(row, 13), columns.text(row, 14), columns.tags(row, 15, 26),
                row.getBoolean(16), row.getDouble(17), lineage, columns.instant(row, 25), aliases(columns.text(row, 29)),
                columns.instant(row, 27), columns.instant(row, 28));
    }

    /** The aliases of the comma-separated text, in name order; none for SQL null. */
    private static List<String> aliases(String commaSeparated) {
        return commaSeparated == null ? List.of() : Stream.of(commaSeparated.split(",")).sorted().toList();
    }

    /** The lineage columns from {@code from} on, whose first, the version id, was read already. */
    private LineageRow lineage(String versionId, ResultSet row, int from) throws SQLException {
        return new LineageRow(versionId, columns.text(row, from + 1), columns.text(row, from + 2),
                columns.text(row, from + 3), columns.text(row, from + 4), Columns.nullableLong(row, from + 5),
                columns.instant(row, from + 6));
    }

    /** The version's lineage; empty when the version does not exist or has none. */
    public Optional<LineageRow> lineage(VersionId versionId) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(LINEAGE_SQL);
            statement.setString(1, versionId.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(lineage(columns.text(row, 1), row, 1)) : Optional.empty();
            }
        });
    }

    /**
     * The versions of exactly this pair's model, newest first, the archived ones (R15) only with
     * {@code includeArchived}; empty when there is no such model.
     */
    public List<VersionLine> newestFirst(SensorId sensorId, ModelType modelType, boolean includeArchived) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(OF_PAIR_WHERE + (includeArchived ? "" : NOT_ARCHIVED)
                    + OF_PAIR_ORDER);
            statement.setString(1, sensorId.value());
            statement.setString(2, modelType.value());
            return lines(statement);
        });
    }

    /**
     * The versions of every model of the sensor that are not archived, by model id, each model's
     * newest first; empty when no model has this sensor (a sensor whose models have no such
     * versions gives an empty list).
     */
    public Optional<List<VersionLine>> ofSensor(SensorId sensorId) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(OF_SENSOR_SQL);
            statement.setString(1, sensorId.value());
            List<VersionLine> lines = lines(statement);
            if (!lines.isEmpty()) {
                return Optional.of(lines);
            }
            PreparedStatement known = connection.prepare(SENSOR_KNOWN_SQL);
            known.setString(1, sensorId.value());
            try (ResultSet row = known.executeQuery()) {
                return row.next() ? Optional.of(lines) : Optional.empty();
            }
        });
    }

    /** Versions scored at least {@code minimumScore} that are not archived, best first (then newest first, then by id). */
    public List<VersionLine> scoredAtLeast(double minimumScore) {
        return connections.read(connection -> {
            PreparedStatement statement = connection.prepare(SCORED_SQL);
            statement.setDouble(1, minimumScore);
            return lines(statement);
        });
    }

    private List<VersionLine> lines(PreparedStatement statement) throws SQLException {
        List<VersionLine> lines = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                lines.add(new VersionLine(row.getString(1), row.getString(2), columns.instant(row, 3),
                        row.getDouble(4), row.getBoolean(5), row.getString(6), columns.instant(row, 7)));
            }
        }
        return lines;
    }
}
