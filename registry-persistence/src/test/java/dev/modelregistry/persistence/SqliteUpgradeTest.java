package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.persistence.schema.SchemaMigrator;

import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.SensorId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite database built by release 1.0 alone and filled with data survives the upgrade to the
 * latest release: every row is still there, foreign keys are consistent, and the domain works
 * on the upgraded data.
 */
class SqliteUpgradeTest {

    @TempDir
    Path registryDir;

    @Test
    void aPopulatedRelease10DatabaseIsUpgradedWithoutLosingARow() throws SQLException {
        SQLiteDataSource release10 = new SQLiteDataSource();
        release10.setUrl(RegistryDatabase.sqliteUrl(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        SchemaMigrator.update(release10, "changelog/releases/1.0.xml");
        try (Connection connection = release10.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(columns(sql, "models")).doesNotContain("lock_version");
            for (int m = 0; m < 3; m++) {
                String sensor = "S" + m;
                sql.executeUpdate("insert into models values ('telemanom_" + sensor + "', '" + sensor
                        + "', 'telemanom', 'v" + m + "1', '2025-01-01T00:00:00.000000Z', '2025-01-02T00:00:00.000000Z')");
                for (int v = 0; v < 3; v++) {
                    String versionId = "v" + m + v;
                    sql.executeUpdate("insert into versions values ('" + versionId + "', 'telemanom_" + sensor + "', '"
                            + sensor + "', 'telemanom', '2025-01-01T00:00:0" + v + ".123456Z', '{\"epochs\": 10}',"
                            + " '{\"loss\": NaN}', '{\"validation_performed\": true, \"anomaly_rate\": 0.05}', 1024, 12.5,"
                            + " 'hash" + v + "', 'md5', 'data/models/telemanom/" + sensor + "', 'legacy', '[\"a\"]', "
                            + (v == 1 ? 1 : 0) + ", 0." + (5 + v) + ")");
                    sql.executeUpdate("insert into data_lineage (version_id, data_hash, data_source, num_samples,"
                            + " created_at) values ('" + versionId + "', 'hash" + v + "', 'nasa', 100, '2025-01-01T00:00:00.000000Z')");
                }
            }
        }
        List<String> before = snapshot(release10);

        try (RegistryDatabase upgraded = RegistryDatabase.openSqlite(registryDir)) {
            assertThat(snapshot(release10)).isEqualTo(before);
            try (Connection connection = release10.getConnection(); Statement sql = connection.createStatement()) {
                assertThat(columns(sql, "models")).contains("best_score", "activation_count", "lock_version");
                try (ResultSet problems = sql.executeQuery("PRAGMA foreign_key_check")) {
                    assertThat(problems.next()).as("PRAGMA foreign_key_check is clean").isFalse();
                }
                try (ResultSet best = sql.executeQuery("select best_score from models where model_id = 'telemanom_S0'")) {
                    best.next();
                    assertThat(best.getDouble(1)).isEqualTo(0.7);
                }
            }
            ModelId modelId = new ModelId("telemanom_S0");
            upgraded.unitOfWork().run(() -> {
                Model model = upgraded.repository().findById(modelId).orElseThrow();
                assertThat(model.versions()).hasSize(3);
                assertThat(model.activeVersionId().orElseThrow().value()).isEqualTo("v01");
                assertThat(model.findVersion(dev.modelregistry.domain.model.VersionId.of("v02")).orElseThrow()
                        .trainingMetrics().asMap().get("loss")).isEqualTo(Double.NaN);
                model.register(new RandomVersionIdGenerator().nextId(), aSpec(metricsWithAnomalyRate(0.01)), SCORING,
                        Instant.parse("2025-02-01T00:00:00Z"));
            });
            assertThat(upgraded.readModels().versions().newestFirst(SensorId.of("S0"), Fixtures.TELEMANOM, false)).hasSize(4);
            assertThat(upgraded.readModels().activeVersions().activeVersionId(SensorId.of("S0"), Fixtures.TELEMANOM).orElseThrow().value()).isNotEqualTo("v01");
        }
    }

    private static List<String> columns(Statement sql, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }

    /** Every row of the three 1.0 tables, release-1.0 columns only, as text. */
    private static List<String> snapshot(SQLiteDataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String query : List.of(
                    "select model_id, sensor_id, model_type, active_version, created_at, updated_at from models order by 1",
                    "select version_id, model_id, sensor_id, model_type, created_at, training_config, training_metrics,"
                            + " validation_metrics, model_size_bytes, training_time_seconds, data_hash, model_hash,"
                            + " model_path, description, tags, is_active, performance_score from versions order by 1",
                    "select id, version_id, data_hash, data_source, data_start_date, data_end_date, num_samples,"
                            + " created_at from data_lineage order by 1")) {
                try (ResultSet result = sql.executeQuery(query)) {
                    int width = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= width; i++) {
                            row.append(result.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        assertThat(rows).hasSize(3 + 9 + 9);
        return rows;
    }
}
