package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The identity rules through the public API on an embedded SQLite registry. */
class SqliteIdentityThroughTheApiTest extends IdentityThroughTheApiContract {

    @TempDir
    Path tmp;

    @Override
    protected ModelRegistry open() {
        return ModelRegistrySQLite.open(tmp.resolve("registry_sqlite"));
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("registry_sqlite/model_registry.db"));
    }
}
