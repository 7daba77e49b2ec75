package dev.modelregistry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.domain.ActiveVersionDeletionException;
import dev.modelregistry.domain.ValidationNotPerformedException;
import dev.modelregistry.domain.scoring.ScoringWeights;
import dev.modelregistry.testing.HostServiceOnATemporaryRegistryTest.RetrainingService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link TemporaryModelRegistry#inMemory()}: the registry of {@link TemporaryModelRegistry#create()}
 * (the same adapter) held in memory, independent of every other, gone after close.
 */
class InMemoryTemporaryRegistryTest {

    @Test
    void onLinuxTheRegistryLivesOnTheRamFileSystem() {
        boolean linuxWithRam = Files.isDirectory(Path.of(TemporaryModelRegistry.RAM_FILE_SYSTEM))
                && Files.isWritable(Path.of(TemporaryModelRegistry.RAM_FILE_SYSTEM));
        assertThat(TemporaryModelRegistry.inMemoryAvailable()).isEqualTo(linuxWithRam);
        try (ModelRegistry registry = TemporaryModelRegistry.inMemory()) {
            Path folder = TemporaryModelRegistry.artifactRoot(registry).getParent();
            if (linuxWithRam) {
                assertThat(folder.getParent()).isEqualTo(Path.of(TemporaryModelRegistry.RAM_FILE_SYSTEM));
            }
            assertThat(registry.getRegistryStats().location()).startsWith(folder.toString());
        }
    }

    @Test
    void twoInMemoryRegistriesAreIndependentAndCloseFreesEach() {
        Path first;
        Path second;
        try (ModelRegistry one = TemporaryModelRegistry.inMemory(); ModelRegistry other = TemporaryModelRegistry.inMemory()) {
            new RetrainingService(one).publish("sensor_001", 0.1, 0.9);
            new RetrainingService(other).publish("sensor_002", 0.1, 0.9);
            new RetrainingService(other).publish("sensor_003", 0.1, 0.9);

            assertThat(one.listModels()).extracting(m -> m.sensorId()).containsExactly("sensor_001");
            assertThat(other.listModels()).extracting(m -> m.sensorId()).containsExactlyInAnyOrder("sensor_002", "sensor_003");
            first = TemporaryModelRegistry.artifactRoot(one).getParent();
            second = TemporaryModelRegistry.artifactRoot(other).getParent();
            assertThat(first).isNotEqualTo(second);
        }
        assertThat(Files.exists(first)).as("closed: its memory is given back").isFalse();
        assertThat(Files.exists(second)).isFalse();
    }

    @Test
    void theContractsBasicsHoldAsInProduction() throws Exception {
        try (ModelRegistry registry = TemporaryModelRegistry.inMemory()) {
            RetrainingService service = new RetrainingService(registry);
            List<ActivationEvent> changes = new CopyOnWriteArrayList<>();
            CountDownLatch three = new CountDownLatch(3);
            AutoCloseable subscription = registry.onActivationChange(event -> {
                changes.add(event);
                three.countDown();
            });

            String first = service.publish("sensor_001", 0.20, 0.80);
            String worse = service.publish("sensor_001", 0.40, 0.50);
            String better = service.publish("sensor_001", 0.10, 0.90);
            assertThat(service.serving("sensor_001")).as("the best validated version is active").contains(better);

            registry.promoteVersion(worse);
            assertThat(service.serving("sensor_001")).contains(worse);
            assertThatThrownBy(() -> registry.deleteVersion(worse, false, false))
                    .isInstanceOf(ActiveVersionDeletionException.class);
            assertThatThrownBy(() -> registry.registerModel(dev.modelregistry.app.ModelRegistration.builder()
                    .sensorId("sensor_001").modelType("telemanom").modelPath(Path.of("m"))
                    .validationMetrics(Map.of("validation_performed", "true")).dataHash("h").build()))
                    .isInstanceOf(ValidationNotPerformedException.class);
            assertThat(registry.listVersions("sensor_001", "telemanom")).hasSize(3);

            assertThat(three.await(10, TimeUnit.SECONDS)).as("the change feed delivered " + changes).isTrue();
            assertThat(changes).extracting(ActivationEvent::versionId).containsExactly(first, better, worse);
            subscription.close();
        }
    }

    @Test
    void theSettingsApplyExceptTheArtifactRoot() {
        ScoringWeights r2Only = new ScoringWeights(1.0, 0.0, 0.01, 0.1);
        try (ModelRegistry weighted = TemporaryModelRegistry.inMemory(RegistrySettings.builder().scoringWeights(r2Only)
                .artifactRoot(Path.of("/srv/models")).build());
             ModelRegistry plain = TemporaryModelRegistry.inMemory()) {
            double weightedScore = weighted.getModelMetadata(new RetrainingService(weighted).publish("s", 0.3, 0.8))
                    .orElseThrow().performanceScore();
            double plainScore = plain.getModelMetadata(new RetrainingService(plain).publish("s", 0.3, 0.8))
                    .orElseThrow().performanceScore();
            assertThat(weightedScore).isNotEqualTo(plainScore);
            assertThat(TemporaryModelRegistry.artifactRoot(weighted)).isNotEqualTo(Path.of("/srv/models"))
                    .endsWith(Path.of("artifacts"));
        }
    }
}
