package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A populated database of release 1.1, or of release 1.2 before the kept statistics, gets its
 * models rows counted on upgrade (models with many versions, one, none; several types), and
 * the triggers keep the counts from then on. On SQLite and PostgreSQL.
 */
class StatisticsBackfillUpgradeTest {

    @TempDir
    Path registryDir;

    @ParameterizedTest(name = "release {0}")
    @ValueSource(strings = {"1.1", "1.2"})
    void aPopulatedSqliteDatabaseOfAnOlderReleaseHasItsStatisticsCountedOnUpgrade(String release) throws SQLException {
        SQLiteDataSource older = new SQLiteDataSource();
        older.setUrl(RegistryDatabase.sqliteUrl(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        fill(older, release);
        checkUpgrade(() -> RegistryDatabase.openSqlite(registryDir), older);
    }

    @ParameterizedTest(name = "release {0}")
    @ValueSource(strings = {"1.1", "1.2"})
    void aPopulatedPostgresDatabaseOfAnOlderReleaseHasItsStatisticsCountedOnUpgrade(String release) throws SQLException {
        try (PostgresTarget server = PostgresTarget.start()) {
            PGSimpleDataSource older = new PGSimpleDataSource();
            older.setURL(server.url());
            older.setUser(server.user());
            older.setPassword(server.password());
            fill(older, release);
            checkUpgrade(server::open, older);
        }
    }

    private static void fill(DataSource dataSource, String release) throws SQLException {
        SchemaMigrator.update(dataSource, "older-releases/master-" + release + ".xml");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            model(sql, "telemanom_A", "A", "telemanom", "a3");
            version(sql, "a1", "telemanom_A", "A", "telemanom", "2025-01-01T00:00:01.000000Z", false, 0.25);
            version(sql, "a2", "telemanom_A", "A", "telemanom", "2025-01-01T00:00:02.000000Z", false, 0.5);
            version(sql, "a3", "telemanom_A", "A", "telemanom", "2025-01-01T00:00:03.000000Z", true, 0.875);
            model(sql, "transformer_A", "A", "transformer", "t1");
            version(sql, "t1", "transformer_A", "A", "transformer", "2025-01-01T00:00:09.000000Z", true, 0.125);
            model(sql, "telemanom_B", "B", "telemanom", null); // its last version was deleted
        }
    }

    private static void model(Statement sql, String modelId, String sensor, String type, String active) throws SQLException {
        sql.executeUpdate("insert into models (model_id, sensor_id, model_type, active_version, created_at, updated_at)"
                + " values ('" + modelId + "', '" + sensor + "', '" + type + "', " + (active == null ? "null" : "'" + active + "'")
                + ", '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z')");
    }

    private static void version(Statement sql, String versionId, String modelId, String sensor, String type, String at,
                                boolean active, double score) throws SQLException {
        sql.executeUpdate("insert into versions (version_id, model_id, sensor_id, model_type, created_at, is_active,"
                + " performance_score) values ('" + versionId + "', '" + modelId + "', '" + sensor + "', '" + type + "', '"
                + at + "', " + (active ? "TRUE" : "FALSE") + ", " + score + ")");
    }

    private static void checkUpgrade(Supplier<RegistryDatabase> open, DataSource tables) throws SQLException {
        try (RegistryDatabase upgraded = open.get(); Connection connection = tables.getConnection()) {
            RegistryStatistics statistics = upgraded.readModels().statistics().statistics();
            assertThat(statistics.totalModels()).isEqualTo(3);
            assertThat(statistics.totalVersions()).isEqualTo(4);
            assertThat(statistics.activeVersions()).isEqualTo(2);
            assertThat(statistics.modelsByType()).containsExactlyInAnyOrderEntriesOf(Map.of("telemanom", 2L, "transformer", 1L));
            assertThat(statistics.versionsByType()).containsExactlyInAnyOrderEntriesOf(Map.of("telemanom", 3L, "transformer", 1L));
            assertThat(statistics.averageScore()).contains((0.25 + 0.5 + 0.875 + 0.125) / 4); // exact: eighths add exactly
            StatisticsByScan.assertKeptCountsMatch(statistics, connection);

            ConcurrentRegistrar.registerOne(upgraded, "B");
            StatisticsByScan.assertKeptCountsMatch(upgraded.readModels().statistics().statistics(), connection);
        }
    }
}
