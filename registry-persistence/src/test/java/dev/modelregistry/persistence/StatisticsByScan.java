package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelregistry.domain.model.RegistryStatistics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's statistics counted from every row of the versions table (what the statistics
 * read model answered before the models rows kept counts), to check the kept counts against.
 */
public final class StatisticsByScan {

    private StatisticsByScan() {
    }

    /** Counted over the tables of {@code connection}'s database. */
    public static RegistryStatistics of(Connection connection) throws SQLException {
        Map<String, Long> modelsByType = groups(connection, "SELECT model_type, COUNT(*) FROM models GROUP BY model_type ORDER BY model_type");
        Map<String, Long> versionsByType = groups(connection, "SELECT model_type, COUNT(*) FROM versions GROUP BY model_type ORDER BY model_type");
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT (SELECT COUNT(*) FROM versions WHERE is_active = TRUE),"
                     + " (SELECT AVG(performance_score) FROM versions), (SELECT MAX(created_at) FROM versions),"
                     + " (SELECT COUNT(*) FROM versions WHERE archived_at IS NOT NULL)")) {
            row.next();
            long active = row.getLong(1);
            double average = row.getDouble(2);
            Optional<Double> averageScore = row.wasNull() ? Optional.empty() : Optional.of(average);
            Object newest = row.getObject(3);
            Optional<Instant> newestAt = newest == null ? Optional.empty() : Optional.of(newest instanceof String text
                    ? Instant.parse(text) : row.getObject(3, OffsetDateTime.class).toInstant());
            return new RegistryStatistics(modelsByType.values().stream().mapToLong(Long::longValue).sum(),
                    versionsByType.values().stream().mapToLong(Long::longValue).sum(), active, modelsByType,
                    versionsByType, averageScore, newestAt, row.getLong(4));
        }
    }

    /**
     * {@code kept} equals the statistics counted over {@code connection}'s tables: every count
     * exactly, the mean score up to the rounding of additions (relative 1e-12), and every models
     * row counts exactly the versions it has.
     */
    public static void assertKeptCountsMatch(RegistryStatistics kept, Connection connection) throws SQLException {
        RegistryStatistics scanned = of(connection);
        assertThat(kept).usingRecursiveComparison().ignoringFields("averageScore").isEqualTo(scanned);
        assertThat(kept.averageScore().isPresent()).as("a mean score").isEqualTo(scanned.averageScore().isPresent());
        scanned.averageScore().ifPresent(expected -> assertThat(kept.averageScore().orElseThrow())
                .isCloseTo(expected, within(Math.abs(expected) * 1e-12)));
        assertThat(groups(connection, "SELECT m.model_id, m.version_count FROM models m"
                + " WHERE m.version_count <> (SELECT COUNT(*) FROM versions v WHERE v.model_id = m.model_id)"))
                .as("models rows whose version_count is not their number of versions").isEmpty();
    }

    private static Map<String, Long> groups(Connection connection, String query) throws SQLException {
        Map<String, Long> groups = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            while (row.next()) {
                groups.put(row.getString(1), row.getLong(2));
            }
        }
        return groups;
    }
}
