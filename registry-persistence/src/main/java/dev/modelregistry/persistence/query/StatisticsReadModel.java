package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.RegistryStatistics;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's statistics in plain SQL from one row per model: the models row carries its
 * version count and score sum ({@code version_count}, {@code score_sum}, kept by the triggers of
 * {@code changelog/releases/1.2-stats.xml}), so models and versions per type and the mean score
 * are one pass over the models in {@code idx_models_type}, never over the versions, except those
 * of a model whose figures a large deletion marked stale ({@code stats_stale}, 1.2-stats-once:
 * until a registry transaction recounts it, its versions are counted here, so the figures are
 * always exact); the active
 * versions are the {@code is_active = TRUE} entries of {@code idx_versions_is_active} (one per
 * model with versions) and the newest creation time is one lookup in {@code idx_versions_created_score};
 * the archived versions (counted among the versions too) are the entries of their partial index
 * (changelog 1.3-archive).
 * One statement, so every figure comes from the same snapshot.
 */
public final class StatisticsReadModel {

    /** The active count is an equality, so that SQLite searches the index for the active entries instead of scanning it. */
    private static final String STATISTICS_SQL = "SELECT model_type, COUNT(*),"
            + " SUM(CASE WHEN stats_stale THEN (SELECT COUNT(*) FROM versions v WHERE v.model_id = models.model_id)"
            + " ELSE version_count END),"
            + " SUM(CASE WHEN stats_stale THEN (SELECT SUM(v.performance_score) FROM versions v"
            + " WHERE v.model_id = models.model_id) ELSE score_sum END),"
            + " (SELECT COUNT(*) FROM versions WHERE is_active = TRUE), (SELECT MAX(created_at) FROM versions),"
            + " (SELECT COUNT(*) FROM versions WHERE archived_at IS NOT NULL)"
            + " FROM models GROUP BY model_type ORDER BY model_type";

    private final ReadConnections connections;
    private final Columns columns;

    StatisticsReadModel(ReadConnections connections) {
        this.connections = connections;
        this.columns = new Columns(connections);
    }

    /**
     * Counts over the whole registry. The mean score is the sum of the models' score sums over
     * the number of versions: the mean of all versions' scores up to the rounding of the additions.
     */
    public RegistryStatistics statistics() {
        return connections.read(connection -> {
            Map<String, Long> modelsByType = new LinkedHashMap<>();
            Map<String, Long> versionsByType = new LinkedHashMap<>();
            long totalModels = 0;
            long totalVersions = 0;
            long active = 0;
            double scoreSum = 0;
            Instant newest = null;
            long archived = 0;
            try (ResultSet row = connection.prepare(STATISTICS_SQL).executeQuery()) {
                while (row.next()) {
                    long models = row.getLong(2);
                    long versions = row.getLong(3);
                    modelsByType.put(row.getString(1), models);
                    if (versions > 0) {
                        versionsByType.put(row.getString(1), versions);
                    }
                    totalModels += models;
                    totalVersions += versions;
                    scoreSum += row.getDouble(4);
                    active = row.getLong(5);
                    newest = columns.instant(row, 6);
                    archived = row.getLong(7);
                }
            }
            Optional<Double> average = totalVersions == 0 ? Optional.empty() : Optional.of(scoreSum / totalVersions);
            return new RegistryStatistics(totalModels, totalVersions, active, modelsByType, versionsByType, average,
                    Optional.ofNullable(newest), archived);
        });
    }
}
