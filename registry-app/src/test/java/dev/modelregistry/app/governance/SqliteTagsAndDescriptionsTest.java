package dev.modelregistry.app.governance;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The tag and description edits on a SQLite registry of its own per test. */
class SqliteTagsAndDescriptionsTest extends TagsAndDescriptionsContract {

    @TempDir
    Path dir;

    @Override
    protected ModelRegistry open() {
        return ModelRegistrySQLite.open(dir.resolve("registry"));
    }
}
