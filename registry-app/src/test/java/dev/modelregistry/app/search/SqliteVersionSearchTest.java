package dev.modelregistry.app.search;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The search contract on a SQLite registry of its own per test. */
class SqliteVersionSearchTest extends VersionSearchContract {

    @TempDir
    Path dir;

    @Override
    protected ModelRegistry open() {
        return ModelRegistrySQLite.open(dir.resolve("registry"));
    }
}
