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

/** With the in-process cache of active versions, the active model shows this process's holds and releases at once (R14). */
class CachedActiveModelDuringHoldsTest {

    @TempDir
    Path dir;

    @Test
    void theCachedActiveModelShowsTheHoldAndAfterTheReleaseTheVersionThatTookOver() {
        try (ModelRegistry registry = ModelRegistrySQLite.open(dir.resolve("registry"),
                RegistrySettings.builder().activeVersionCache(ActiveVersionCache.IN_PROCESS).build())) {
            String held = registry.registerModel(registration(0.05));
            for (int i = 0; i < 3; i++) {
                assertThat(registry.getActiveModel("pump", "telemanom")).isPresent(); // cached from now on
            }

            registry.holdActiveVersion("pump", "telemanom");
            assertThat(registry.getActiveModel("pump", "telemanom").orElseThrow().isHeld()).isTrue();
            String better = registry.registerModel(registration(0.01));
            assertThat(registry.getActiveModelVersion("pump", "telemanom")).contains(held);

            registry.releaseHold("pump", "telemanom");
            assertThat(registry.getActiveModel("pump", "telemanom").orElseThrow())
                    .satisfies(active -> assertThat(active.versionId()).isEqualTo(better))
                    .satisfies(active -> assertThat(active.isHeld()).isFalse());
            assertThat(registry.getActiveModelVersion("pump", "telemanom")).contains(better);
        }
    }

    private static ModelRegistration registration(double anomalyRate) {
        return ModelRegistration.builder().sensorId("pump").modelType("telemanom")
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate)).dataHash("h")
                .build();
    }
}
