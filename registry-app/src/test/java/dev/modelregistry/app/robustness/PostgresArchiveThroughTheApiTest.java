package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ModelRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Archiving through the public API on PostgreSQL, a schema per test; skipped without a server. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.URL_VARIABLE, matches = ".+",
        disabledReason = "REGISTRY_TEST_POSTGRES_URL is not set: no PostgreSQL server")
class PostgresArchiveThroughTheApiTest extends ArchiveThroughTheApiContract {

    @TempDir
    Path tmp;

    @RegisterExtension
    final PostgresSchema schema = PostgresSchema.perTest();

    @Override
    protected ModelRegistry open() {
        return schema.open(tmp);
    }
}
