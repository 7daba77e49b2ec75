package dev.modelregistry.persistence;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade test of a populated release 1.1 database ({@link Release11Databases#withHistory}),
 * on SQLite and PostgreSQL: {@link #checkUpgrade} opens it (running every later changelog) and
 * checks what the changelogs under test promise.
 */
interface Release11Upgrade {

    /** Opens the populated database with {@code open} and checks it. */
    void checkUpgrade(Supplier<RegistryDatabase> open);

    /** Populates the release 1.1 database: {@link Release11Databases#withHistory}, and what a test adds. */
    default void fill(DataSource release11) throws SQLException {
        Release11Databases.withHistory(release11);
    }

    @Test
    default void aPopulatedRelease11SqliteDatabaseIsUpgraded(@TempDir Path registryDir) throws SQLException {
        fill(Release11Databases.sqlite(registryDir));
        checkUpgrade(() -> RegistryDatabase.openSqlite(registryDir));
    }

    @Test
    default void aPopulatedRelease11PostgresDatabaseIsUpgraded() throws SQLException {
        try (PostgresTarget server = PostgresTarget.start()) {
            fill(Release11Databases.postgres(server));
            checkUpgrade(server::open);
        }
    }
}
