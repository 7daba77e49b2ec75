package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ActiveVersionCache;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The change feed through the public API on PostgreSQL, a schema per test, another JVM writing; skipped without a server. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.URL_VARIABLE, matches = ".+",
        disabledReason = "REGISTRY_TEST_POSTGRES_URL is not set: no PostgreSQL server")
class PostgresChangeFeedThroughTheApiTest extends ChangeFeedThroughTheApiContract {

    @TempDir
    Path tmp;

    @RegisterExtension
    final PostgresSchema schema = PostgresSchema.perTest();

    @Override
    protected ModelRegistry open() {
        return schema.open(tmp);
    }

    @Override
    protected ModelRegistry openCached() {
        return ModelRegistryJdbc.open(schema.url(), schema.user(), schema.password(), ScoringWeights.DEFAULTS, tmp,
                ActiveVersionCache.IN_PROCESS);
    }

    @Override
    protected List<String> childArguments() {
        return List.of("postgres", schema.url(), schema.user() == null ? "" : schema.user(), schema.password());
    }
}
