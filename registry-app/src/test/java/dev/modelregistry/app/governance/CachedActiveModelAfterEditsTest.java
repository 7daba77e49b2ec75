package dev.modelregistry.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ActiveVersionCache;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.app.RegistrySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the in-process cache of active versions, this process's tag and description edits are never answered stale. */
class CachedActiveModelAfterEditsTest {

    @TempDir
    Path dir;

    @Test
    void theCachedActiveModelShowsTheEditsOfThisProcessAtOnce() {
        try (ModelRegistry registry = ModelRegistrySQLite.open(dir.resolve("registry"),
                RegistrySettings.builder().activeVersionCache(ActiveVersionCache.IN_PROCESS).build())) {
            String active = registry.registerModel(ModelRegistration.builder().sensorId("pump").modelType("telemanom")
                    .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", 0.05)).dataHash("h")
                    .tags(List.of("anomaly")).description("as registered").build());
            for (int i = 0; i < 3; i++) {
                assertThat(registry.getActiveModel("pump", "telemanom")).isPresent(); // cached from now on
            }

            registry.setVersionTag(active, "stage", "prod");
            ModelVersionDetails tagged = registry.getActiveModel("pump", "telemanom").orElseThrow();
            assertThat(tagged.tagValues()).containsExactly(Map.entry("stage", "prod"));

            registry.updateVersionDescription(active, "edited");
            assertThat(registry.getActiveModel("pump", "telemanom").orElseThrow().description()).isEqualTo("edited");

            registry.removeVersionTag(active, "stage");
            assertThat(registry.getActiveModel("pump", "telemanom").orElseThrow().tagValues()).isEmpty();
            assertThat(registry.getActiveModelVersion("pump", "telemanom")).contains(active);
        }
    }
}
