package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Holds through the public API on an embedded SQLite registry. */
class SqliteHoldsThroughTheApiTest extends HoldsThroughTheApiContract {

    @TempDir
    Path tmp;

    @Override
    protected ModelRegistry open() {
        return ModelRegistrySQLite.open(tmp.resolve("registry_sqlite"));
    }
}
