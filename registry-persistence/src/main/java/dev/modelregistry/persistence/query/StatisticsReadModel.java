package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.RegistryStatistics;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's statistics in plain SQL, each figure from an index rather than the table: models
 * per type ({@code idx_models_type}), versions per type ({@code idx_versions_type}; totals are
 * the sums of the groups), the newest creation time (one lookup in {@code idx_versions_created}),
 * the active versions (the entries {@code is_active = TRUE} of {@code idx_versions_is_active})
 * and the mean score ({@code idx_versions_performance}). All in one read on one connection.
 */
public final class StatisticsReadModel {

    private static final String MODELS_BY_TYPE_SQL =
            "SELECT model_type, COUNT(*) FROM models GROUP BY model_type ORDER BY model_type";
    private static final String VERSIONS_BY_TYPE_SQL =
            "SELECT model_type, COUNT(*) FROM versions GROUP BY model_type ORDER BY model_type";
    private static final String NEWEST_SQL = "SELECT MAX(created_at) FROM versions";
    /** An equality, so that SQLite searches the index for the active entries instead of scanning it. */
    private static final String ACTIVE_SQL = "SELECT COUNT(*) FROM versions WHERE is_active = TRUE";
    private static final String AVERAGE_SQL = "SELECT AVG(performance_score) FROM versions";

    private final ReadConnections connections;
    private final Columns columns;

    StatisticsReadModel(ReadConnections connections) {
        this.connections = connections;
        this.columns = new Columns(connections.dialect());
    }

    /** Counts over the whole registry. */
    public RegistryStatistics statistics() {
        return connections.read(connection -> {
            Map<String, Long> modelsByType = new LinkedHashMap<>();
            try (ResultSet row = connection.prepare(MODELS_BY_TYPE_SQL).executeQuery()) {
                while (row.next()) {
                    modelsByType.put(row.getString(1), row.getLong(2));
                }
            }
            Map<String, Long> versionsByType = new LinkedHashMap<>();
            try (ResultSet row = connection.prepare(VERSIONS_BY_TYPE_SQL).executeQuery()) {
                while (row.next()) {
                    versionsByType.put(row.getString(1), row.getLong(2));
                }
            }
            Instant newest;
            try (ResultSet row = connection.prepare(NEWEST_SQL).executeQuery()) {
                row.next();
                newest = columns.instant(row, 1);
            }
            long totalVersions = versionsByType.values().stream().mapToLong(Long::longValue).sum();
            long active = count(connection.prepare(ACTIVE_SQL));
            Double average = totalVersions == 0 ? null : average(connection.prepare(AVERAGE_SQL));
            return new RegistryStatistics(modelsByType.values().stream().mapToLong(Long::longValue).sum(),
                    totalVersions, active, modelsByType, versionsByType, Optional.ofNullable(average),
                    Optional.ofNullable(newest));
        });
    }

    private static long count(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Double average(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return Columns.nullableDouble(row, 1);
        }
    }
}
