package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.RegistrySettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Change notes through the public API on an embedded SQLite registry. */
class SqliteChangeNotesThroughTheApiTest extends ChangeNotesThroughTheApiContract {

    @TempDir
    Path tmp;

    @Override
    protected ModelRegistry open(RegistrySettings settings) {
        return ModelRegistrySQLite.open(tmp.resolve("registry_sqlite"), settings);
    }
}
