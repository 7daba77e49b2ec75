package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ActiveVersionCache;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The change feed through the public API on an embedded SQLite registry, another JVM writing. */
class SqliteChangeFeedThroughTheApiTest extends ChangeFeedThroughTheApiContract {

    @TempDir
    Path tmp;

    @Override
    protected ModelRegistry open() {
        return ModelRegistrySQLite.open(tmp.resolve("registry_sqlite"));
    }

    @Override
    protected ModelRegistry openCached() {
        return ModelRegistrySQLite.open(tmp.resolve("registry_sqlite"), ActiveVersionCache.IN_PROCESS);
    }

    @Override
    protected List<String> childArguments() {
        return List.of("sqlite", tmp.resolve("registry_sqlite").toString());
    }
}
