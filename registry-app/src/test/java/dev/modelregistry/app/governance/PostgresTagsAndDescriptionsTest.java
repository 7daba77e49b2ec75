package dev.modelregistry.app.governance;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.robustness.PostgresSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** The tag and description edits on PostgreSQL, a schema per test; skipped without a server. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.URL_VARIABLE, matches = ".+",
        disabledReason = "REGISTRY_TEST_POSTGRES_URL is not set: no PostgreSQL server")
class PostgresTagsAndDescriptionsTest extends TagsAndDescriptionsContract {

    @TempDir
    Path tmp;

    private PostgresSchema schema;

    @Override
    protected ModelRegistry open() throws Exception {
        schema = PostgresSchema.created();
        return schema.open(tmp);
    }

    @Override
    protected void dispose() throws Exception {
        schema.close();
    }
}
