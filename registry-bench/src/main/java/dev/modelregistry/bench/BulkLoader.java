package dev.modelregistry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Plain JDBC batch inserts into the real (Liquibase-created) schema, keeping the aggregate's
 * invariants: exactly one active version per model (the best score; ties to the newest),
 * {@code models.best_score}, {@code active_score}, {@code active_since} (the history row's time),
 * {@code activation_count} = 1, one activation history row and one lineage row per version.
 * Used to build large registries fast (the fixtures' lineage rows spread the versions over 20 data
 * sources and training periods, so that searches have something to find), and as the floor the
 * migration is compared against ({@link #asMigrated}: lineage rows as the migration writes them,
 * the data hash only). The caller owns the transaction.
 */
final class BulkLoader implements AutoCloseable {

    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int BATCH = 1000;

    /** One version row as the migration would write it. */
    record Row(String versionId, Instant createdAt, String trainingConfig, String trainingMetrics,
               String validationMetrics, Long sizeBytes, Double trainingSeconds, String dataHash, String modelHash,
               String modelPath, String description, String tags, double score) {
    }

    private final boolean sqlite;
    private final boolean spreadSources;
    private final PreparedStatement models;
    private final PreparedStatement versions;
    private final PreparedStatement lineage;
    private final PreparedStatement history;
    private int pending;

    /** A fixture loader: lineage rows with a data source and a training period. */
    BulkLoader(Connection connection) throws SQLException {
        this(connection, true);
    }

    /**
     * The rows a migration of legacy files writes: a legacy version has a data hash but no data
     * source, training period or sample count, so its lineage row holds the hash only (and
     * {@code version_sources} stays empty).
     */
    static BulkLoader asMigrated(Connection connection) throws SQLException {
        return new BulkLoader(connection, false);
    }

    private BulkLoader(Connection connection, boolean spreadSources) throws SQLException {
        this.spreadSources = spreadSources;
        sqlite = connection.getMetaData().getURL().startsWith("jdbc:sqlite:");
        models = connection.prepareStatement("insert into models (model_id, sensor_id, model_type, active_version,"
                + " created_at, updated_at, best_score, active_score, active_since, activation_count, lock_version)"
                + " values (?,?,?,?,?,?,?,?,?,1,0)");
        versions = connection.prepareStatement("insert into versions (version_id, model_id, sensor_id, model_type,"
                + " created_at, training_config, training_metrics, validation_metrics, model_size_bytes,"
                + " training_time_seconds, data_hash, model_hash, model_path, description, tags, is_active,"
                + " performance_score) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        lineage = connection.prepareStatement("insert into data_lineage (version_id, data_hash, data_source,"
                + " data_start_date, data_end_date, num_samples, created_at) values (?,?,?,?,?,?,?)");
        history = connection.prepareStatement("insert into activation_history (change_id, model_id, sequence_no,"
                + " version_id, previous_version_id, reason, score, previous_score, changed_at)"
                + " values (?,?,1,?,null,?,?,null,?)");
    }

    /** Inserts a model and its versions; {@code active} is the index of the active row. */
    void model(String sensorId, String modelType, List<Row> rows, int active, Instant at) throws SQLException {
        String modelId = modelType + "_" + sensorId;
        Row winner = rows.isEmpty() ? null : rows.get(active);
        double best = rows.stream().mapToDouble(Row::score).max().orElse(Double.NaN);
        models.setString(1, modelId);
        models.setString(2, sensorId);
        models.setString(3, modelType);
        models.setString(4, winner == null ? null : winner.versionId());
        setInstant(models, 5, at);
        setInstant(models, 6, at);
        if (rows.isEmpty()) {
            models.setObject(7, null);
            models.setObject(8, null);
            models.setObject(9, null);
        } else {
            models.setDouble(7, best);
            models.setDouble(8, winner.score());
            setInstant(models, 9, at); // the time of the history row below
        }
        models.addBatch();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            versions.setString(1, row.versionId());
            versions.setString(2, modelId);
            versions.setString(3, sensorId);
            versions.setString(4, modelType);
            setInstant(versions, 5, row.createdAt());
            versions.setString(6, row.trainingConfig());
            versions.setString(7, row.trainingMetrics());
            versions.setString(8, row.validationMetrics());
            versions.setObject(9, row.sizeBytes());
            versions.setObject(10, row.trainingSeconds());
            versions.setString(11, row.dataHash());
            versions.setString(12, row.modelHash());
            versions.setString(13, row.modelPath());
            versions.setString(14, row.description());
            versions.setString(15, row.tags());
            versions.setBoolean(16, i == active);
            versions.setDouble(17, row.score());
            versions.addBatch();
            if (row.dataHash() != null) {
                lineage.setString(1, row.versionId());
                lineage.setString(2, row.dataHash());
                if (spreadSources) {
                    // 20 data sources, training periods of 60 days starting on one of 365 days of 2024
                    int spread = Math.floorMod(row.versionId().hashCode(), 20 * 365);
                    java.time.LocalDate start = java.time.LocalDate.of(2024, 1, 1).plusDays(spread % 365);
                    lineage.setString(3, "source-" + spread / 365);
                    lineage.setString(4, start.toString());
                    lineage.setString(5, start.plusDays(60).toString());
                    lineage.setInt(6, 10_000);
                } else {
                    lineage.setObject(3, null);
                    lineage.setObject(4, null);
                    lineage.setObject(5, null);
                    lineage.setObject(6, null);
                }
                setInstant(lineage, 7, at);
                lineage.addBatch();
            }
        }
        if (winner != null) {
            history.setString(1, UUID.randomUUID().toString());
            history.setString(2, modelId);
            history.setString(3, winner.versionId());
            history.setString(4, "MIGRATED");
            history.setDouble(5, winner.score());
            setInstant(history, 6, at);
            history.addBatch();
        }
        pending += rows.size() + 1;
        if (pending >= BATCH) {
            flush();
        }
    }

    /** Sends the queued batches (parents first). */
    void flush() throws SQLException {
        models.executeBatch();
        versions.executeBatch();
        lineage.executeBatch();
        history.executeBatch();
        pending = 0;
    }

    private void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        if (sqlite) {
            statement.setString(index, UTC_TEXT.format(micros));
        } else {
            statement.setObject(index, micros.atOffset(ZoneOffset.UTC));
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
        models.close();
        versions.close();
        lineage.close();
        history.close();
    }
}
