package dev.modelregistry.persistence;

import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** Empty databases of release 1.1 (changelogs 1.0 and 1.1 only), for the upgrade tests to fill and then open. */
final class Release11Databases {

    private Release11Databases() {
    }

    /** The registry folder's SQLite file at release 1.1. */
    static DataSource sqlite(Path registryDir) {
        SQLiteDataSource release11 = new SQLiteDataSource();
        release11.setUrl(RegistryDatabase.sqliteUrl(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        return migrated(release11);
    }

    /** The server's schema at release 1.1. */
    static DataSource postgres(PostgresTarget server) {
        PGSimpleDataSource release11 = new PGSimpleDataSource();
        release11.setURL(server.url());
        release11.setUser(server.user());
        release11.setPassword(server.password());
        return migrated(release11);
    }

    /**
     * Fills a release 1.1 database with model telemanom_A (sensor A) and its history of two
     * entries, a registration of a1 and a promotion of a2 (its versions since deleted).
     */
    static void withHistory(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("insert into models (model_id, sensor_id, model_type, active_version, created_at,"
                    + " updated_at, activation_count) values ('telemanom_A', 'A', 'telemanom', null,"
                    + " '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z', 2)");
            sql.executeUpdate("insert into activation_history (change_id, model_id, sequence_no, version_id,"
                    + " previous_version_id, reason, score, previous_score, changed_at) values ('A1', 'telemanom_A', 1,"
                    + " 'a1', null, 'REGISTERED', 0.5, null, '2025-01-01T00:00:01.000000Z')");
            sql.executeUpdate("insert into activation_history (change_id, model_id, sequence_no, version_id,"
                    + " previous_version_id, reason, score, previous_score, changed_at) values ('A2', 'telemanom_A', 2,"
                    + " 'a2', 'a1', 'PROMOTED', 0.4, 0.5, '2025-01-01T00:00:02.000000Z')");
        }
    }

    private static DataSource migrated(DataSource dataSource) {
        SchemaMigrator.update(dataSource, "changelog/releases/1.0.xml");
        SchemaMigrator.update(dataSource, "changelog/releases/1.1.xml");
        return dataSource;
    }
}
