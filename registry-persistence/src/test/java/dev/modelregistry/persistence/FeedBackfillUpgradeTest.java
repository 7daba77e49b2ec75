package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.persistence.feed.FeedChange;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A database of release 1.1 with history rows gets its change-feed cursors on upgrade, in a
 * deterministic order (time, then model id, then the model's sequence number), and the counter
 * continues after them: the next change gets the next cursor. On SQLite and PostgreSQL.
 */
class FeedBackfillUpgradeTest {

    @TempDir
    Path registryDir;

    @Test
    void aPopulatedRelease11SqliteDatabaseGetsCursorsByTimeModelAndSequence() throws SQLException {
        SQLiteDataSource release11 = new SQLiteDataSource();
        release11.setUrl(RegistryDatabase.sqliteUrl(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        fillRelease11(release11);
        checkUpgrade(() -> RegistryDatabase.openSqlite(registryDir));
    }

    @Test
    void aPopulatedRelease11PostgresDatabaseGetsCursorsByTimeModelAndSequence() throws SQLException {
        try (PostgresTarget server = PostgresTarget.start()) {
            PGSimpleDataSource release11 = new PGSimpleDataSource();
            release11.setURL(server.url());
            release11.setUser(server.user());
            release11.setPassword(server.password());
            fillRelease11(release11);
            checkUpgrade(server::open);
        }
    }

    private static void fillRelease11(DataSource dataSource) throws SQLException {
        SchemaMigrator.update(dataSource, "changelog/releases/1.0.xml");
        SchemaMigrator.update(dataSource, "changelog/releases/1.1.xml");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String sensor : List.of("A", "B", "C")) {
                sql.executeUpdate("insert into models (model_id, sensor_id, model_type, active_version, created_at,"
                        + " updated_at, activation_count) values ('telemanom_" + sensor + "', '" + sensor
                        + "', 'telemanom', null, '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z', 2)");
            }
            // C#1 first by time; A#1 and B#1 at the same instant (model id decides); then B#2, A#2, C#2
            history(sql, "C", 1, "c1", null, "2025-01-01T00:00:01.000000Z");
            history(sql, "B", 1, "b1", null, "2025-01-01T00:00:02.000000Z");
            history(sql, "A", 1, "a1", null, "2025-01-01T00:00:02.000000Z");
            history(sql, "B", 2, "b2", "b1", "2025-01-01T00:00:03.000000Z");
            history(sql, "A", 2, "a2", "a1", "2025-01-01T00:00:04.000000Z");
            history(sql, "C", 2, "c2", "c1", "2025-01-01T00:00:05.000000Z");
        }
    }

    private static void history(Statement sql, String sensor, int sequence, String version, String previous,
                                String at) throws SQLException {
        sql.executeUpdate("insert into activation_history (change_id, model_id, sequence_no, version_id,"
                + " previous_version_id, reason, score, previous_score, changed_at) values ('" + sensor + sequence
                + "', 'telemanom_" + sensor + "', " + sequence + ", '" + version + "', "
                + (previous == null ? "null" : "'" + previous + "'") + ", '" + (previous == null ? "REGISTERED" : "PROMOTED")
                + "', 0.5, null, '" + at + "')");
    }

    private static void checkUpgrade(Supplier<RegistryDatabase> open) {
        try (RegistryDatabase upgraded = open.get()) {
            List<FeedChange> changes = upgraded.feed().changesSince(0, 100);
            assertThat(changes).extracting(FeedChange::cursor).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(changes).extracting(FeedChange::versionId).containsExactly("c1", "a1", "b1", "b2", "a2", "c2");
            assertThat(changes.get(0).at()).isEqualTo(Instant.parse("2025-01-01T00:00:01Z"));
            assertThat(upgraded.feed().lastCursor()).isEqualTo(6);

            ConcurrentRegistrar.registerOne(upgraded, "D"); // a new model: its first version is one change
            List<FeedChange> next = upgraded.feed().changesSince(6, 10);
            assertThat(next).extracting(FeedChange::cursor).containsExactly(7L);
            assertThat(next).extracting(FeedChange::sensorId).containsExactly("D");
        }
    }
}
