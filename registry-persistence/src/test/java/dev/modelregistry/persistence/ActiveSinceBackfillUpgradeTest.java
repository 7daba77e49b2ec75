package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.persistence.adoption.PythonRegistries;
import dev.modelregistry.persistence.query.VersionRow;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A populated database of release 1.2 before {@code models.active_since} gets it from its
 * history on upgrade: the latest entry naming the active version (a model promoted back to an
 * earlier version takes the later entry), none for a model without versions or whose history
 * does not name its active version; registrations keep it from then on. On SQLite and PostgreSQL.
 * A database of the Python registry (the fixture with every defect of its README) gets it once
 * adopted: after the repairs, which give every model with an active version a first history entry.
 */
class ActiveSinceBackfillUpgradeTest {

    @TempDir
    Path registryDir;

    @Test
    void aPopulatedSqliteDatabaseGetsActiveSinceFromItsHistoryOnUpgrade() throws SQLException {
        SQLiteDataSource older = new SQLiteDataSource();
        older.setUrl(RegistryDatabase.sqliteUrl(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        fill(older, true);
        checkUpgrade(() -> RegistryDatabase.openSqlite(registryDir), older);
    }

    @Test
    void aPopulatedPostgresDatabaseGetsActiveSinceFromItsHistoryOnUpgrade() throws SQLException {
        try (PostgresTarget server = PostgresTarget.start()) {
            PGSimpleDataSource older = new PGSimpleDataSource();
            older.setURL(server.url());
            older.setUser(server.user());
            older.setPassword(server.password());
            fill(older, false);
            checkUpgrade(server::open, older);
        }
    }

    @Test
    void anAdoptedPythonDatabaseKnowsSinceWhenEveryActiveVersionIsActive() throws Exception {
        Path file = PythonRegistries.copyFixture(registryDir);
        RegistryDatabase.openSqlite(registryDir).close(); // adopts it
        SQLiteDataSource adopted = new SQLiteDataSource();
        adopted.setUrl(RegistryDatabase.sqliteUrl(file));

        try (Connection connection = adopted.getConnection()) {
            ActiveSinceByHistory.assertEveryModelAgrees(connection);
            assertThat(ActiveSinceByHistory.modelsActiveSinceKnown(connection))
                    .isEqualTo(ActiveSinceByHistory.modelsWithAnActiveVersion(connection)).isPositive();
        }
    }

    private static void fill(DataSource dataSource, boolean sqlite) throws SQLException {
        SchemaMigrator.update(dataSource, "older-releases/master-1.2-active-flag.xml");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // A: a1 registered, a2 won, a1 promoted back: active since the promotion (entry 3), not entry 1
            model(sql, sqlite, "telemanom_A", "A", "a1", 3);
            version(sql, sqlite, "a1", "telemanom_A", "A", 1);
            version(sql, sqlite, "a2", "telemanom_A", "A", 2);
            history(sql, sqlite, "telemanom_A", 1, "a1", null, "REGISTERED", 1);
            history(sql, sqlite, "telemanom_A", 2, "a2", "a1", "REGISTERED", 2);
            history(sql, sqlite, "telemanom_A", 3, "a1", "a2", "PROMOTED", 3);
            // B: an active version its history does not name (taken over without an entry for it)
            model(sql, sqlite, "telemanom_B", "B", "b1", 0);
            version(sql, sqlite, "b1", "telemanom_B", "B", 4);
            // C: its last version was deleted
            model(sql, sqlite, "telemanom_C", "C", null, 2);
            history(sql, sqlite, "telemanom_C", 1, "c1", null, "REGISTERED", 5);
            history(sql, sqlite, "telemanom_C", 2, null, "c1", "LAST_VERSION_DELETED", 6);
        }
    }

    private static String at(boolean sqlite, int second) {
        String text = "2025-01-01T00:00:0" + second + ".250000Z";
        return sqlite ? "'" + text + "'" : "TIMESTAMP WITH TIME ZONE '" + text + "'";
    }

    private static String text(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static void model(Statement sql, boolean sqlite, String modelId, String sensor, String active, int changes)
            throws SQLException {
        sql.executeUpdate("insert into models (model_id, sensor_id, model_type, active_version, created_at, updated_at,"
                + " activation_count) values ('" + modelId + "', '" + sensor + "', 'telemanom', " + text(active) + ", "
                + at(sqlite, 0) + ", " + at(sqlite, 0) + ", " + changes + ")");
    }

    private static void version(Statement sql, boolean sqlite, String versionId, String modelId, String sensor, int second)
            throws SQLException {
        sql.executeUpdate("insert into versions (version_id, model_id, sensor_id, model_type, created_at, is_active,"
                + " performance_score) values ('" + versionId + "', '" + modelId + "', '" + sensor + "', 'telemanom', "
                + at(sqlite, second) + ", FALSE, 0.5)");
    }

    private static void history(Statement sql, boolean sqlite, String modelId, int sequenceNo, String versionId,
                                String previousId, String reason, int second) throws SQLException {
        sql.executeUpdate("insert into activation_history (change_id, model_id, sequence_no, version_id,"
                + " previous_version_id, reason, changed_at) values ('" + modelId + "-" + sequenceNo + "', '" + modelId
                + "', " + sequenceNo + ", " + text(versionId) + ", " + text(previousId) + ", '" + reason + "', "
                + at(sqlite, second) + ")");
    }

    private static Optional<Instant> activeSince(RegistryDatabase database, String sensor) {
        return database.readModels().activeVersions().activeVersion(SensorId.of(sensor), ModelType.of("telemanom"))
                .map(VersionRow::activeSince);
    }

    private static void checkUpgrade(Supplier<RegistryDatabase> open, DataSource tables) throws SQLException {
        try (RegistryDatabase upgraded = open.get(); Connection connection = tables.getConnection()) {
            assertThat(activeSince(upgraded, "A")).contains(Instant.parse("2025-01-01T00:00:03.250000Z"));
            assertThat(upgraded.readModels().activeVersions().activeVersion(SensorId.of("B"), ModelType.of("telemanom")))
                    .map(VersionRow::versionId).contains("b1");
            assertThat(activeSince(upgraded, "B")).isEmpty();
            ActiveSinceByHistory.assertEveryModelAgrees(connection);
            assertThat(ActiveSinceByHistory.modelsActiveSinceKnown(connection)).isEqualTo(1);

            ConcurrentRegistrar.registerOne(upgraded, "C");
            ActiveSinceByHistory.assertEveryModelAgrees(connection);
            assertThat(ActiveSinceByHistory.modelsActiveSinceKnown(connection)).isEqualTo(2);
        }
    }
}
