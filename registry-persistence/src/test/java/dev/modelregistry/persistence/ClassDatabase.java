package dev.modelregistry.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A registry database for one test class, opened before its first test and closed after its
 * last: {@code @RegisterExtension static final ClassDatabase db = ClassDatabase.sqlite();}.
 * SQLite lives in a temporary folder of its own; PostgreSQL in a fresh schema (the class must
 * also carry {@code @ExtendWith(PostgresAvailable.class)} so it is skipped without a server).
 */
final class ClassDatabase implements BeforeAllCallback, AfterAllCallback {

    private final boolean postgres;
    private Path sqliteFolder;
    private PostgresTarget server;
    private RegistryDatabase database;

    private ClassDatabase(boolean postgres) {
        this.postgres = postgres;
    }

    static ClassDatabase sqlite() {
        return new ClassDatabase(false);
    }

    static ClassDatabase postgres() {
        return new ClassDatabase(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (postgres) {
            server = PostgresTarget.start();
            database = server.open();
        } else {
            sqliteFolder = Files.createTempDirectory("registry-test-");
            database = RegistryDatabase.openSqlite(sqliteFolder);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (sqliteFolder != null) {
                deleteTree(sqliteFolder);
            }
        }
    }

    RegistryDatabase database() {
        return database;
    }

    /** Opens the same database once more (another pool, as another process would). */
    RegistryDatabase openAgain() {
        return postgres ? server.open() : RegistryDatabase.openSqlite(sqliteFolder);
    }

    /** The SQLite registry folder (SQLite only). */
    Path folder() {
        return sqliteFolder;
    }

    /** A plain JDBC connection to the same database. */
    Connection connect() throws SQLException {
        return postgres ? server.connect() : database.dataSource().getConnection();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
