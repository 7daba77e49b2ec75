package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A new SQLite registry appears complete or not at all: the changelog runs on
 * {@code model_registry.db.creating}, renamed into place at the end (see {@link FreshSqliteFile}).
 */
class FreshSqliteFileTest {

    @TempDir
    Path registryDir;

    private Path file() {
        return registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
    }

    private Path creating() {
        return registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME + FreshSqliteFile.SUFFIX);
    }

    @Test
    void aNewRegistryIsCreatedWithEveryChangesetAndLeavesNoUnfinishedFileBehind() throws SQLException {
        try (RegistryDatabase db = RegistryDatabase.openSqlite(registryDir)) {
            assertThat(db.repository()).isNotNull();
        }
        assertThat(SchemaMigrator.status(dataSource(file()), file().toString()).current()).isTrue();
        assertThat(creating()).doesNotExist();
        assertThat(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME + FreshSqliteFile.SUFFIX + "-wal")).doesNotExist();
    }

    @Test
    void theUnfinishedFileOfACreationKilledHalfwayIsDiscardedAndTheNextOpenCreatesACompleteRegistry()
            throws SQLException {
        // what a kill -9 during the changelog leaves: part of the changelog applied, a counter row written
        SQLiteDataSource halfway = dataSource(creating());
        SchemaMigrator.update(halfway, "changelog/releases/1.0.xml");
        try (Connection connection = halfway.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE activation_feed (id INTEGER PRIMARY KEY, last_cursor BIGINT NOT NULL)");
            sql.execute("INSERT INTO activation_feed VALUES (1, 0)");
        }
        assertThat(file()).doesNotExist();

        try (RegistryDatabase db = RegistryDatabase.openSqlite(registryDir)) {
            assertThat(db.repository()).isNotNull();
        }

        assertThat(creating()).doesNotExist();
        assertThat(SchemaMigrator.status(dataSource(file()), file().toString()).pending()).isEmpty();
        assertThat(rows(file(), "SELECT COUNT(*) FROM activation_feed")).containsExactly("1");
    }

    @Test
    void anExistingEmptyFileIsKeptAndBroughtUpToDateInPlace() throws Exception {
        Files.createFile(file());
        Object inode = Files.getAttribute(file(), "unix:ino");

        try (RegistryDatabase db = RegistryDatabase.openSqlite(registryDir)) {
            assertThat(db.repository()).isNotNull();
        }

        assertThat(Files.getAttribute(file(), "unix:ino")).isEqualTo(inode);
        assertThat(SchemaMigrator.status(dataSource(file()), file().toString()).current()).isTrue();
    }

    @Test
    void fourThreadsOpeningOneNewRegistryAtOnceCreateItOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> opens = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<Boolean> open = () -> {
                    try (RegistryDatabase db = RegistryDatabase.openSqlite(registryDir)) {
                        return db.repository() != null;
                    }
                };
                opens.add(threads.submit(open));
            }
            for (Future<Boolean> open : opens) {
                assertThat(open.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(rows(file(), "SELECT COUNT(*) FROM databasechangelog"))
                .containsExactly(String.valueOf(SchemaMigrator.status(dataSource(file()), "x").applied().size()));
        assertThat(SchemaMigrator.status(dataSource(file()), file().toString()).pending()).isEmpty();
    }

    @Test
    void aLeftoverThatCannotBeRemovedStopsTheOpenWithAnErrorNamingItAndCreatesNothing() throws Exception {
        Path wal = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME + FreshSqliteFile.SUFFIX + "-wal");
        Files.createDirectories(wal.resolve("not-empty"));

        assertThatThrownBy(() -> RegistryDatabase.openSqlite(registryDir))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining(wal.toString());
        assertThat(file()).doesNotExist();
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(RegistryDatabase.sqliteUrl(file));
        return dataSource;
    }

    private static List<String> rows(Path file, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource(file).getConnection(); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
