package dev.modelregistry.persistence;

import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
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

    private static DataSource migrated(DataSource dataSource) {
        SchemaMigrator.update(dataSource, "changelog/releases/1.0.xml");
        SchemaMigrator.update(dataSource, "changelog/releases/1.1.xml");
        return dataSource;
    }
}
