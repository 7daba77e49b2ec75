package dev.modelregistry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.domain.ModelNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a host tests its own code against the registry: its service depends on the
 * {@link ModelRegistry} port only, and the test hands it a {@link TemporaryModelRegistry}.
 */
class HostServiceOnATemporaryRegistryTest {

    /** A host's application service, as in the README: it knows the port, not the adapter. */
    static final class RetrainingService {
        private final ModelRegistry registry;

        RetrainingService(ModelRegistry registry) {
            this.registry = registry;
        }

        String publish(String sensorId, double mae, double r2) {
            return registry.registerModel(ModelRegistration.builder()
                    .sensorId(sensorId).modelType("telemanom").modelPath(Path.of("models", sensorId))
                    .validationMetrics(Map.of("validation_performed", true, "mae", mae, "r2_score", r2))
                    .dataHash("hash-" + sensorId).build());
        }

        Optional<String> serving(String sensorId) {
            return registry.getActiveModelVersion(sensorId, "telemanom");
        }
    }

    @Test
    void theHostsServiceSeesTheRegistrysRulesThroughTheTemporaryRegistry() {
        try (ModelRegistry registry = TemporaryModelRegistry.create()) {
            RetrainingService service = new RetrainingService(registry);

            String first = service.publish("sensor_001", 0.20, 0.80);
            String better = service.publish("sensor_001", 0.10, 0.90);
            service.publish("sensor_001", 0.40, 0.50);

            assertThat(service.serving("sensor_001")).as("the best validated version is active").contains(better);
            assertThat(first).isNotEqualTo(better);
            assertThat(registry.listVersions("sensor_001", "telemanom")).hasSize(3);
            assertThatThrownBy(() -> registry.promoteVersion("no-such-version"))
                    .as("the same errors as production").isInstanceOf(RuntimeException.class)
                    .hasMessageContaining("no-such-version");
            assertThatThrownBy(() -> registry.getActivationHistory("sensor_404", "telemanom"))
                    .isInstanceOf(ModelNotFoundException.class);
        }
    }

    @Test
    void eachTemporaryRegistryIsIsolatedAndLeavesNothingOnDiskAfterClose() {
        Path root;
        try (ModelRegistry one = TemporaryModelRegistry.create(); ModelRegistry other = TemporaryModelRegistry.create()) {
            new RetrainingService(one).publish("sensor_001", 0.1, 0.9);
            assertThat(other.listModels()).as("a registry of its own").isEmpty();
            assertThat(one.listModels()).hasSize(1);
            root = TemporaryModelRegistry.artifactRoot(one).getParent();
            assertThat(root).isDirectory();
            assertThat(TemporaryModelRegistry.artifactRoot(one)).isNotEqualTo(TemporaryModelRegistry.artifactRoot(other));
        }
        assertThat(Files.exists(root)).as("the folder is deleted on close").isFalse();
    }

    @Test
    void theArtifactRootOfARegistryThatIsNotTemporaryIsRefusedByName(@TempDir Path tmp) {
        try (ModelRegistry production = ModelRegistrySQLite.open(tmp.resolve("registry"))) {
            assertThatThrownBy(() -> TemporaryModelRegistry.artifactRoot(production))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a TemporaryModelRegistry");
        }
    }
}
