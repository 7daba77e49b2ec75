package dev.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.ActiveVersionDeletionException;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public API end to end on an embedded SQLite registry with real artifact files. */
class SqliteRegistryTest {

    @TempDir
    Path models;

    private ModelRegistration.Builder registration(Path artifact, double anomalyRate) {
        return ModelRegistration.builder()
                .sensorId("sensor_001").modelType("telemanom").modelPath(artifact)
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("sha256:1f2e").dataSource("nasa_smap").numSamples(10_000).tags(List.of("anomaly"));
    }

    @Test
    void aRegisteredFileArtifactRecordsItsSizeAndSha256() throws Exception {
        Path artifact = Files.writeString(models.resolve("model.h5"), "weights", StandardCharsets.UTF_8);
        try (ModelRegistry registry = ModelRegistrySQLite.open(models.resolve("registry_sqlite"))) {
            String id = registry.registerModel(registration(artifact, 0.05).build());

            ModelVersionDetails details = registry.getModelMetadata(id).orElseThrow();
            assertThat(details.modelSizeBytes()).isEqualTo(7);
            assertThat(details.modelHash()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest("weights".getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void aPathThatDoesNotExistYetRegistersWithSizeZeroAndAnEmptyHash() {
        try (ModelRegistry registry = ModelRegistrySQLite.open(models.resolve("registry_sqlite"))) {
            String id = registry.registerModel(registration(models.resolve("telemanom/not-yet"), 0.05).build());

            ModelVersionDetails details = registry.getModelMetadata(id).orElseThrow();
            assertThat(details.modelSizeBytes()).isZero();
            assertThat(details.modelHash()).isEmpty();
        }
    }

    @Test
    void everythingSurvivesClosingAndReopeningTheRegistry() throws Exception {
        Path folder = Files.createDirectories(models.resolve("telemanom/sensor_001"));
        Files.writeString(folder.resolve("model.h5"), "weights");
        Path registryDir = models.resolve("registry_sqlite");
        String first;
        String second;
        Instant between;
        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir, new ScoringWeights(0.6, 0.4, 0.02, 0.08))) {
            first = registry.registerModel(registration(folder, 0.08).build());
            between = Instant.now();
            Thread.sleep(5);
            second = registry.registerModel(registration(folder, 0.02).build());
        }

        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir)) {
            assertThat(registry.getActiveModelVersion("sensor_001", "telemanom")).contains(second);
            assertThat(registry.getActiveModelVersionAt("sensor_001", "telemanom", between)).contains(first);
            assertThat(registry.getModelMetadata(second).orElseThrow().performanceScore()).isEqualTo(1.0);
            assertThat(registry.getDataLineage(second).orElseThrow().dataSource()).isEqualTo("nasa_smap");
            assertThat(registry.listVersions("sensor_001", "telemanom")).extracting(VersionSummary::versionId)
                    .containsExactly(second, first);
            assertThatThrownBy(() -> registry.deleteVersion(second, false, true))
                    .isInstanceOf(ActiveVersionDeletionException.class);

            DeletionReport shared = registry.deleteVersion(first, false, true);
            assertThat(shared.artifact()).hasValueSatisfying(removal ->
                    assertThat(removal.outcome()).isEqualTo(ArtifactRemoval.Outcome.KEPT_SHARED));
            assertThat(folder).exists();

            DeletionReport last = registry.deleteVersion(second, true, true);
            assertThat(last.artifact()).hasValueSatisfying(removal -> assertThat(removal.removed()).isTrue());
            assertThat(folder).doesNotExist();
            assertThat(registry.getActiveModelVersion("sensor_001", "telemanom")).isEmpty();
            assertThat(registry.getRegistryStats().totalVersions()).isZero();
        }
    }
}
