package dev.modelregistry.persistence.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The statistics of the models a large deletion marked stale ({@code models.stats_stale},
 * changelog 1.2-stats-once) counted again, once per model, before a write transaction commits:
 * one statement that finds the marked models in {@code idx_models_stats_stale} (which holds
 * only them, so a transaction without a large deletion finds nothing), counts and sums each one's
 * versions and clears its mark. The sum is counted, never kept by subtraction.
 */
final class StaleStatistics {

    static final String RECOUNT = "UPDATE models SET"
            + " version_count = (SELECT COUNT(*) FROM versions v WHERE v.model_id = models.model_id),"
            + " score_sum = (SELECT COALESCE(SUM(v.performance_score), 0) FROM versions v WHERE v.model_id = models.model_id),"
            + " stats_stale = FALSE WHERE stats_stale";

    private StaleStatistics() {
    }

    /** Recounts the marked models on the transaction's connection; returns how many there were. */
    static int recount(Connection connection) throws SQLException {
        try (PreparedStatement recount = connection.prepareStatement(RECOUNT)) {
            return recount.executeUpdate();
        }
    }
}
