package dev.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ModelRegistrySQLite#open} on a registry folder written by the Python
 * ModelRegistrySQLite (the shared fixture, with its model folders) adopts it on the way and
 * every call of the port works on it.
 */
class PythonSqliteRegistryTest {

    @TempDir
    Path root;

    private Path registryDir;

    @BeforeEach
    void copyTheFixture() throws Exception {
        Path source = Path.of(getClass().getResource("/fixtures/python-sqlite-registry").toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.toList()) {
                Path to = root.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        registryDir = root.resolve("data/models/registry_sqlite");
    }

    @Test
    void openingAPythonRegistryAdoptsItAndKeepsABackup() throws IOException {
        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir)) {
            assertThat(registry.listModels()).hasSize(10);
        }
        try (Stream<Path> files = Files.list(registryDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).startsWith("model_registry.db.bak-"));
        }
    }

    @Test
    void everyCallOfThePortWorksOnTheAdoptedRegistry() {
        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir)) {
            RegistryStats stats = registry.getRegistryStats();
            assertThat(stats.totalModels()).isEqualTo(10);
            assertThat(stats.totalVersions()).isEqualTo(32);
            assertThat(stats.activeVersions()).isEqualTo(10);
            assertThat(stats.modelsByType()).containsEntry("telemanom", 5L).containsEntry("transformer", 5L);

            assertThat(registry.listModels("transformer")).hasSize(5);
            assertThat(registry.listModels()).allSatisfy(model -> assertThat(model.activeVersion()).isNotNull());

            List<VersionSummary> versions = registry.listVersions("SMAP-NAV-005", "telemanom");
            assertThat(versions).hasSize(6);
            assertThat(versions).filteredOn(VersionSummary::isActive).singleElement()
                    .satisfies(v -> assertThat(v.versionId()).isEqualTo("91e3ce2303be"));
            assertThat(versions.get(0).createdAt()).isAfter(versions.get(5).createdAt());

            ModelVersionDetails details = registry.getModelMetadata("91e3ce2303be").orElseThrow();
            assertThat(details.modelId()).isEqualTo("telemanom_SMAP-NAV-005");
            assertThat(details.isActive()).isTrue();
            assertThat(details.performanceScore()).isEqualTo(0.9678285545846395);
            assertThat(registry.getDataLineage("91e3ce2303be")).isPresent();

            assertThat(registry.getActiveModelVersion("MSL-NAV-001", "transformer")).contains("9659b6859131");
            assertThat(registry.getActivationHistory("MSL-NAV-001", "transformer")).singleElement()
                    .satisfies(entry -> assertThat(entry.reason()).isEqualTo("REELECTED"));

            registry.promoteVersion("c421afc03f1c");
            assertThat(registry.getActiveModelVersion("SMAP-NAV-005", "telemanom")).contains("c421afc03f1c");
            assertThat(registry.getActivationHistory("SMAP-NAV-005", "telemanom")).hasSize(2);

            String registered = registry.registerModel(ModelRegistration.builder()
                    .sensorId("SMAP-NAV-005").modelType("telemanom")
                    .modelPath(root.resolve("data/models/telemanom/SMAP-NAV-005"))
                    .trainingConfig(Map.of("epochs", 35)).trainingMetrics(Map.of("loss", 0.02))
                    .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", 0.02))
                    .trainingTimeSeconds(100.0).dataHash("9f2c1e").dataSource("nasa_smap")
                    .numSamples(10_000).description("retrained").tags(List.of("anomaly"))
                    .build());
            assertThat(registry.listVersions("SMAP-NAV-005", "telemanom")).hasSize(7);
            assertThat(registry.getModelMetadata(registered).orElseThrow().modelHash()).isNotBlank();

            String bare = registry.registerModel(ModelRegistration.builder()
                    .sensorId("NEW-001").modelType("telemanom")
                    .validationMetrics(Map.of("validation_performed", true, "r2_score", 0.5))
                    .dataHash("abc").build());
            assertThat(registry.getActiveModelVersion("NEW-001", "telemanom")).contains(bare);

            assertThat(registry.deleteVersion("bf5fcb8c0ca9", false, false)).isNotNull();
            assertThat(registry.cleanupOldVersions(2)).isPositive();
            assertThat(registry.getRegistryStats().totalModels()).isEqualTo(11);
        }
    }
}
