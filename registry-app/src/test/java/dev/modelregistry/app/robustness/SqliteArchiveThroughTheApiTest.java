package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Archiving through the public API on an embedded SQLite registry. */
class SqliteArchiveThroughTheApiTest extends ArchiveThroughTheApiContract {

    @TempDir
    Path tmp;

    @Override
    protected ModelRegistry open() {
        return ModelRegistrySQLite.open(tmp.resolve("registry_sqlite"));
    }
}
