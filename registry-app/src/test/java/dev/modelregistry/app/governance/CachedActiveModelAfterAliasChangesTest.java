package dev.modelregistry.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ActiveVersionCache;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.RegistrySettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the in-process cache of active versions, the active model's aliases follow this process's alias changes at once. */
class CachedActiveModelAfterAliasChangesTest {

    @TempDir
    Path dir;

    @Test
    void theCachedActiveModelNamesItsAliasesAsTheyAreSetMovedAndRemoved() {
        try (ModelRegistry registry = ModelRegistrySQLite.open(dir.resolve("registry"),
                RegistrySettings.builder().activeVersionCache(ActiveVersionCache.IN_PROCESS).build())) {
            String active = registry.registerModel(registration(0.01));
            String other = registry.registerModel(registration(0.05));
            for (int i = 0; i < 3; i++) {
                assertThat(registry.getActiveModel("pump", "telemanom")).isPresent(); // cached from now on
            }

            registry.setAlias(active, "champion");
            assertThat(registry.getActiveModel("pump", "telemanom").orElseThrow().aliases()).containsExactly("champion");

            registry.setAlias(other, "champion");
            assertThat(registry.getActiveModel("pump", "telemanom").orElseThrow().aliases()).isEmpty();

            registry.setAlias(active, "last-known-good");
            registry.removeAlias("pump", "telemanom", "last-known-good");
            assertThat(registry.getActiveModel("pump", "telemanom").orElseThrow().aliases()).isEmpty();
            assertThat(registry.resolve("models:/telemanom/pump@active").orElseThrow().versionId()).isEqualTo(active);
        }
    }

    private static ModelRegistration registration(double anomalyRate) {
        return ModelRegistration.builder().sensorId("pump").modelType("telemanom")
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate)).dataHash("h")
                .build();
    }
}
