package dev.modelregistry.persistence.adoption;

import dev.modelregistry.persistence.RegistryDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Databases written by (or to the recipe of) the Python ModelRegistrySQLite, and ways to look into them. */
public final class PythonRegistries {

    static final String FIXTURE = "/fixtures/python-sqlite-registry/data/models/registry_sqlite/model_registry.db";

    /** The Python registry's DDL, as in the shared fixture (sqlite3 .schema). */
    static final List<String> PYTHON_DDL = List.of("""
            CREATE TABLE models (
                model_id TEXT PRIMARY KEY,
                sensor_id TEXT NOT NULL,
                model_type TEXT NOT NULL,
                active_version TEXT,
                created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                UNIQUE(sensor_id, model_type)
            )""", """
            CREATE TABLE versions (
                version_id TEXT PRIMARY KEY,
                model_id TEXT NOT NULL,
                sensor_id TEXT NOT NULL,
                model_type TEXT NOT NULL,
                created_at TEXT NOT NULL,
                training_config TEXT NOT NULL,
                training_metrics TEXT NOT NULL,
                validation_metrics TEXT NOT NULL,
                model_size_bytes INTEGER NOT NULL,
                training_time_seconds REAL NOT NULL,
                data_hash TEXT NOT NULL,
                model_hash TEXT NOT NULL,
                model_path TEXT NOT NULL,
                description TEXT DEFAULT '',
                tags TEXT DEFAULT '',
                is_active INTEGER DEFAULT 1,
                performance_score REAL DEFAULT 0.0,
                FOREIGN KEY (model_id) REFERENCES models(model_id) ON DELETE CASCADE
            )""",
            "CREATE INDEX idx_versions_model_id ON versions(model_id)",
            "CREATE INDEX idx_versions_sensor_id ON versions(sensor_id)",
            "CREATE INDEX idx_versions_is_active ON versions(is_active)",
            "CREATE INDEX idx_versions_performance ON versions(performance_score)", """
            CREATE TABLE data_lineage (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                version_id TEXT NOT NULL,
                data_hash TEXT NOT NULL,
                data_source TEXT,
                data_start_date TEXT,
                data_end_date TEXT,
                num_samples INTEGER,
                created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                FOREIGN KEY (version_id) REFERENCES versions(version_id) ON DELETE CASCADE
            )""");

    private PythonRegistries() {
    }

    /** Copies the shared fixture's database into {@code registryDir}; returns the file. */
    public static Path copyFixture(Path registryDir) throws IOException {
        Files.createDirectories(registryDir);
        Path file = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        try (InputStream in = PythonRegistries.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** An empty database file with the Python tables, plus whatever {@code statements} add (foreign keys off, as in Python). */
    static Path pythonDatabase(Path registryDir, List<String> ddl, String... statements) throws SQLException, IOException {
        Files.createDirectories(registryDir);
        Path file = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement()) {
            for (String statement : ddl) {
                sql.executeUpdate(statement);
            }
            for (String statement : statements) {
                sql.executeUpdate(statement);
            }
        }
        return file;
    }

    /** A versions row the way the Python registry inserted it. */
    static String version(String versionId, String modelId, String createdAt, int active, double score) {
        String sensor = modelId.substring(modelId.indexOf('_') + 1);
        String type = modelId.substring(0, modelId.indexOf('_'));
        return "INSERT INTO versions VALUES ('" + versionId + "', '" + modelId + "', '" + sensor + "', '" + type + "', '"
                + createdAt + "', '{\"epochs\": 10}', '{\"loss\": 0.1}', '{\"validation_performed\": true, \"r2_score\": 0.9}',"
                + " 1024, 12.5, 'hash-" + versionId + "', 'md5-" + versionId + "', '/data/models/" + type + "/" + sensor
                + "', '', '[\"a\"]', " + active + ", " + score + ")";
    }

    static String model(String modelId, String activeVersion, String createdAt, String updatedAt) {
        String sensor = modelId.substring(modelId.indexOf('_') + 1);
        String type = modelId.substring(0, modelId.indexOf('_'));
        return "INSERT INTO models (model_id, sensor_id, model_type, active_version, created_at, updated_at) VALUES ('" + modelId + "', '" + sensor + "', '" + type + "', "
                + (activeVersion == null ? "NULL" : "'" + activeVersion + "'") + ", '" + createdAt + "', '" + updatedAt + "')";
    }

    static String lineage(String versionId, String createdAt) {
        return "INSERT INTO data_lineage (version_id, data_hash, data_source, num_samples, created_at) VALUES ('"
                + versionId + "', 'hash-" + versionId + "', 'nasa', 100, '" + createdAt + "')";
    }

    static Connection readOnly(Path file) throws SQLException {
        return PythonRegistryAdoption.openReadOnly(file);
    }

    static long count(Path file, String query) throws SQLException {
        try (Connection connection = readOnly(file); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static List<List<String>> rows(Path file, String query) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (Connection connection = readOnly(file); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            int width = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
        }
        return result;
    }

    /** Every row of every table (the schema too), as text, in a stable order. */
    static List<String> dump(Path file) throws SQLException {
        List<String> dump = new ArrayList<>();
        for (List<String> table : rows(file, "SELECT name, sql FROM sqlite_master ORDER BY type, name")) {
            dump.add("schema " + table);
        }
        for (List<String> table : rows(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            for (List<String> row : rows(file, "SELECT * FROM \"" + table.get(0) + "\" ORDER BY 1, 2")) {
                dump.add(table.get(0) + " " + row);
            }
        }
        return dump;
    }

    static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
