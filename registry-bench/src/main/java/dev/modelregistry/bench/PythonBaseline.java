package dev.modelregistry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.ModelRegistration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Python {@code ModelRegistrySQLite.register_model} algorithm, replayed with plain JDBC so
 * the baseline is measured on the same machine in the same run: the Python DDL, sqlite3's
 * defaults (rollback journal {@code DELETE}, {@code synchronous=FULL}), one transaction per
 * registration: read the model and the best score, insert the version (configs and metrics
 * serialized to JSON), insert the lineage row, update the model, move the {@code is_active}
 * flags, commit. It keeps one connection open (the Python code opened one per call), which only
 * flatters the baseline.
 */
final class PythonBaseline implements AutoCloseable {

    static final String[] DDL = {
            "CREATE TABLE IF NOT EXISTS models (model_id TEXT PRIMARY KEY, sensor_id TEXT NOT NULL,"
                    + " model_type TEXT NOT NULL, active_version TEXT, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,"
                    + " updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, UNIQUE(sensor_id, model_type))",
            "CREATE TABLE IF NOT EXISTS versions (version_id TEXT PRIMARY KEY, model_id TEXT NOT NULL,"
                    + " sensor_id TEXT NOT NULL, model_type TEXT NOT NULL, created_at TEXT NOT NULL,"
                    + " training_config TEXT NOT NULL, training_metrics TEXT NOT NULL, validation_metrics TEXT NOT NULL,"
                    + " model_size_bytes INTEGER NOT NULL, training_time_seconds REAL NOT NULL, data_hash TEXT NOT NULL,"
                    + " model_hash TEXT NOT NULL, model_path TEXT NOT NULL, description TEXT DEFAULT '',"
                    + " tags TEXT DEFAULT '', is_active INTEGER DEFAULT 1, performance_score REAL DEFAULT 0.0,"
                    + " FOREIGN KEY (model_id) REFERENCES models(model_id) ON DELETE CASCADE)",
            "CREATE INDEX IF NOT EXISTS idx_versions_model_id ON versions(model_id)",
            "CREATE INDEX IF NOT EXISTS idx_versions_sensor_id ON versions(sensor_id)",
            "CREATE INDEX IF NOT EXISTS idx_versions_is_active ON versions(is_active)",
            "CREATE INDEX IF NOT EXISTS idx_versions_performance ON versions(performance_score)",
            "CREATE TABLE IF NOT EXISTS data_lineage (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id TEXT NOT NULL,"
                    + " data_hash TEXT NOT NULL, data_source TEXT, data_start_date TEXT, data_end_date TEXT,"
                    + " num_samples INTEGER, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,"
                    + " FOREIGN KEY (version_id) REFERENCES versions(version_id) ON DELETE CASCADE)"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final PreparedStatement findModel;
    private final PreparedStatement insertModel;
    private final PreparedStatement bestScore;
    private final PreparedStatement insertVersion;
    private final PreparedStatement insertLineage;
    private final PreparedStatement deactivate;
    private final PreparedStatement activateModel;
    private final PreparedStatement touchModel;

    PythonBaseline(Path file) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=DELETE");
            s.execute("PRAGMA synchronous=FULL");
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
        connection.setAutoCommit(false);
        findModel = connection.prepareStatement("SELECT * FROM models WHERE model_id = ?");
        insertModel = connection.prepareStatement("INSERT INTO models (model_id, sensor_id, model_type) VALUES (?, ?, ?)");
        bestScore = connection.prepareStatement("SELECT MAX(performance_score) FROM versions WHERE model_id = ?");
        insertVersion = connection.prepareStatement("INSERT INTO versions (version_id, model_id, sensor_id, model_type,"
                + " created_at, training_config, training_metrics, validation_metrics, model_size_bytes,"
                + " training_time_seconds, data_hash, model_hash, model_path, description, tags, is_active,"
                + " performance_score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        insertLineage = connection.prepareStatement("INSERT INTO data_lineage (version_id, data_hash, data_source,"
                + " data_start_date, data_end_date, num_samples) VALUES (?,?,?,?,?,?)");
        deactivate = connection.prepareStatement("UPDATE versions SET is_active = 0 WHERE model_id = ? AND version_id != ?");
        activateModel = connection.prepareStatement(
                "UPDATE models SET active_version = ?, updated_at = CURRENT_TIMESTAMP WHERE model_id = ?");
        touchModel = connection.prepareStatement("UPDATE models SET updated_at = CURRENT_TIMESTAMP WHERE model_id = ?");
    }

    /** One registration in one committed transaction; returns the new version id. */
    String register(ModelRegistration r, double score) throws Exception {
        String modelId = r.modelType() + "_" + r.sensorId();
        String versionId = String.format("%08x", ThreadLocalRandom.current().nextInt());
        try {
            findModel.setString(1, modelId);
            boolean exists;
            try (ResultSet rows = findModel.executeQuery()) {
                exists = rows.next();
            }
            if (!exists) {
                insertModel.setString(1, modelId);
                insertModel.setString(2, r.sensorId());
                insertModel.setString(3, r.modelType());
                insertModel.executeUpdate();
            }
            bestScore.setString(1, modelId);
            double best;
            try (ResultSet rows = bestScore.executeQuery()) {
                rows.next();
                best = rows.getObject(1) == null ? Double.NEGATIVE_INFINITY : rows.getDouble(1);
            }
            boolean wins = score > best;
            insertVersion.setString(1, versionId);
            insertVersion.setString(2, modelId);
            insertVersion.setString(3, r.sensorId());
            insertVersion.setString(4, r.modelType());
            insertVersion.setString(5, LocalDateTime.now().toString());
            insertVersion.setString(6, JSON.writeValueAsString(r.trainingConfig()));
            insertVersion.setString(7, JSON.writeValueAsString(r.trainingMetrics()));
            insertVersion.setString(8, JSON.writeValueAsString(r.validationMetrics()));
            insertVersion.setLong(9, 0);
            insertVersion.setDouble(10, r.trainingTimeSeconds());
            insertVersion.setString(11, r.dataHash());
            insertVersion.setString(12, "");
            insertVersion.setString(13, "data/models/" + r.modelType() + "/" + r.sensorId());
            insertVersion.setString(14, r.description());
            insertVersion.setString(15, JSON.writeValueAsString(r.tags()));
            insertVersion.setInt(16, wins ? 1 : 0);
            insertVersion.setDouble(17, score);
            insertVersion.executeUpdate();
            insertLineage.setString(1, versionId);
            insertLineage.setString(2, r.dataHash());
            insertLineage.setString(3, r.dataSource());
            insertLineage.setString(4, r.dataStartDate());
            insertLineage.setString(5, r.dataEndDate());
            insertLineage.setObject(6, r.numSamples());
            insertLineage.executeUpdate();
            if (wins) {
                deactivate.setString(1, modelId);
                deactivate.setString(2, versionId);
                deactivate.executeUpdate();
                activateModel.setString(1, versionId);
                activateModel.setString(2, modelId);
                activateModel.executeUpdate();
            } else {
                touchModel.setString(1, modelId);
                touchModel.executeUpdate();
            }
            connection.commit();
            return versionId;
        } catch (Exception e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
