package dev.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.ActiveVersionDeletionException;
import dev.modelregistry.domain.InvalidIdentifierException;
import dev.modelregistry.domain.InvalidRetentionException;
import dev.modelregistry.domain.MissingDataHashException;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.ValidationNotPerformedException;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.artifact.ArtifactFingerprint;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.artifact.ArtifactStore;
import dev.modelregistry.domain.model.InMemoryModelRepository;
import dev.modelregistry.domain.model.InMemoryUnitOfWork;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every use case of the ModelRegistry port, over the in-memory repository. */
class RegistryScenarioTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-01T08:00:00.123456789Z"));
    private final RecordingArtifacts artifacts = new RecordingArtifacts();
    private final ModelRegistry registry = InMemoryQueries.registry(new InMemoryModelRepository(), artifacts,
            ScoringWeights.DEFAULTS, clock);

    static ModelRegistration.Builder aRegistration(String sensor, double anomalyRate) {
        return ModelRegistration.builder()
                .sensorId(sensor).modelType("telemanom").modelPath(Path.of("data/models/telemanom/" + sensor))
                .trainingConfig(Map.of("epochs", 35)).trainingMetrics(Map.of("loss", 0.02))
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .trainingTimeSeconds(100.0)
                .dataHash("9f2c1e").dataSource("nasa_smap").dataStartDate("2024-01-01").dataEndDate("2024-03-01")
                .numSamples(10_000).description("LSTM anomaly detector").tags(List.of("anomaly"));
    }

    private String register(String sensor, double anomalyRate) {
        clock.advance(Duration.ofSeconds(1));
        return registry.registerModel(aRegistration(sensor, anomalyRate).build());
    }

    @Test
    void aRegisteredVersionCanBeReadBackWithItsMetadataAndLineage() {
        String versionId = register("sensor_001", 0.05);

        ModelVersionDetails details = registry.getModelMetadata(versionId).orElseThrow();
        assertThat(versionId).matches("[0-9a-f]{12}");
        assertThat(details.modelId()).isEqualTo("telemanom_sensor_001");
        assertThat(details.performanceScore()).isEqualTo(0.9111111111111112);
        assertThat(details.isActive()).isTrue();
        assertThat(details.createdAt()).isEqualTo(Instant.parse("2025-10-01T08:00:01.123456Z"));
        assertThat(details.modelPath()).isEqualTo(Path.of("data/models/telemanom/sensor_001").toString());
        assertThat(details.modelSizeBytes()).isEqualTo(42);
        assertThat(details.modelHash()).isEqualTo("cafe");
        assertThat(details.tags()).containsExactly("anomaly");
        assertThat(details.trainingConfig()).containsEntry("epochs", 35);

        DataLineageDetails lineage = registry.getDataLineage(versionId).orElseThrow();
        assertThat(lineage.dataHash()).isEqualTo("9f2c1e");
        assertThat(lineage.dataSource()).isEqualTo("nasa_smap");
        assertThat(lineage.numSamples()).isEqualTo(10_000L);
    }

    @Test
    void theActiveVersionFollowsTheBestScoreAndManualPromotions() {
        String first = register("sensor_001", 0.1);
        String better = register("sensor_001", 0.05);
        assertThat(registry.getActiveModelVersion("sensor_001", "telemanom")).contains(better);

        registry.promoteVersion(first);

        assertThat(registry.getActiveModelVersion("sensor_001", "telemanom")).contains(first);
        assertThat(registry.listVersions("sensor_001", "telemanom")).extracting(VersionSummary::versionId)
                .containsExactly(better, first);
        assertThat(registry.getActivationHistory("sensor_001", "telemanom")).extracting(ActivationEntry::reason)
                .containsExactly("REGISTERED", "REGISTERED", "PROMOTED");
    }

    @Test
    void theVersionActiveAtAnInstantIsAnswered() {
        String first = register("sensor_001", 0.1);
        Instant between = clock.instant().plusMillis(500);
        String second = register("sensor_001", 0.05);

        assertThat(registry.getActiveModelVersionAt("sensor_001", "telemanom", between)).contains(first);
        assertThat(registry.getActiveModelVersionAt("sensor_001", "telemanom", clock.instant())).contains(second);
        assertThat(registry.getActiveModelVersionAt("sensor_001", "telemanom", Instant.EPOCH)).isEmpty();
    }

    @Test
    void unknownVersionsAndModelsAreReportedAsSuch() {
        assertThat(registry.getModelMetadata("abcdef123456")).isEmpty();
        assertThat(registry.getDataLineage("abcdef123456")).isEmpty();
        assertThat(registry.getActiveModelVersion("nope", "telemanom")).isEmpty();
        assertThat(registry.listVersions("nope", "telemanom")).isEmpty();
        assertThatThrownBy(() -> registry.promoteVersion("abcdef123456")).isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> registry.deleteVersion("abcdef123456", true, false)).isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> registry.getActivationHistory("nope", "telemanom"))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("telemanom_nope");
        assertThatThrownBy(() -> registry.getModelMetadata("../../etc/passwd")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void registrationsBreakingTheRulesAreRefusedWithSpecificErrors() {
        assertThatThrownBy(() -> registry.registerModel(aRegistration("sensor_001", 0.05)
                .validationMetrics(Map.of("validation_performed", "true")).build()))
                .isInstanceOf(ValidationNotPerformedException.class)
                .hasMessageContaining("validation_metrics must include 'validation_performed': True");
        assertThatThrownBy(() -> registry.registerModel(aRegistration("sensor_001", 0.05).dataHash(null).build()))
                .isInstanceOf(MissingDataHashException.class);
        assertThatThrownBy(() -> registry.registerModel(aRegistration(" ", 0.05).build()))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("sensor_id");
        assertThat(registry.listModels()).isEmpty();
    }

    @Test
    void modelsAreListedWithTheirActiveVersionAndCount() {
        String active = register("sensor_001", 0.05);
        register("sensor_001", 0.09);
        clock.advance(Duration.ofSeconds(1));
        registry.registerModel(aRegistration("sensor_002", 0.05).modelType("transformer").build());

        assertThat(registry.listModels()).extracting(ModelSummary::modelId)
                .containsExactly("telemanom_sensor_001", "transformer_sensor_002");
        ModelSummary summary = registry.listModels("telemanom").get(0);
        assertThat(summary.activeVersion()).isEqualTo(active);
        assertThat(summary.versionCount()).isEqualTo(2);
        assertThat(registry.listModels("transformer")).hasSize(1);
    }

    @Test
    void deletingTheActiveVersionNeedsForceAndReelects() {
        String runnerUp = register("sensor_001", 0.09);
        String champion = register("sensor_001", 0.01);

        assertThatThrownBy(() -> registry.deleteVersion(champion, false, false)).isInstanceOf(ActiveVersionDeletionException.class);
        DeletionReport report = registry.deleteVersion(champion, true, false);

        assertThat(report.activeVersionAfter()).contains(runnerUp);
        assertThat(report.artifact()).isEmpty();
        assertThat(registry.getModelMetadata(champion)).isEmpty();
        assertThat(registry.getDataLineage(champion)).isEmpty();
        assertThat(artifacts.removed).isEmpty();
    }

    @Test
    void artifactRemovalIsGivenThePathsOfTheVersionsThatRemain() {
        String older = register("sensor_001", 0.09);
        String newer = register("sensor_001", 0.01);

        DeletionReport shared = registry.deleteVersion(older, false, true);
        assertThat(shared.artifact()).hasValueSatisfying(removal ->
                assertThat(removal.outcome()).isEqualTo(ArtifactRemoval.Outcome.KEPT_SHARED));
        assertThat(artifacts.removed).isEmpty();

        DeletionReport last = registry.deleteVersion(newer, true, true);
        assertThat(last.artifact()).hasValueSatisfying(removal -> assertThat(removal.removed()).isTrue());
        assertThat(artifacts.removed).containsExactly(Path.of("data/models/telemanom/sensor_001").toString());
        assertThat(last.activeVersionAfter()).isEmpty();
    }

    @Test
    void cleanupKeepsTheNewestAndTheActiveVersionOfEveryModel() {
        String champion = register("sensor_001", 0.01);
        register("sensor_001", 0.05);
        register("sensor_001", 0.06);
        String newest = register("sensor_001", 0.07);
        register("sensor_002", 0.05);

        int removed = registry.cleanupOldVersions(1);

        assertThat(removed).isEqualTo(2);
        assertThat(registry.listVersions("sensor_001", "telemanom")).extracting(VersionSummary::versionId)
                .containsExactly(newest, champion);
        assertThatThrownBy(() -> registry.cleanupOldVersions(0)).isInstanceOf(InvalidRetentionException.class);
    }

    @Test
    void statisticsCountTheWholeRegistry() {
        register("sensor_001", 0.01);
        register("sensor_001", 0.05);
        register("sensor_002", 0.05);

        RegistryStats stats = registry.getRegistryStats();

        assertThat(stats.totalModels()).isEqualTo(2);
        assertThat(stats.totalVersions()).isEqualTo(3);
        assertThat(stats.activeVersions()).isEqualTo(2);
        assertThat(stats.modelsByType()).containsEntry("telemanom", 2L);
        assertThat(stats.location()).isEqualTo("memory");
    }

    @Test
    void versionsAboveAScoreAreListedBestFirst() {
        String perfect = register("sensor_001", 0.01);
        register("sensor_002", 0.1);

        assertThat(registry.listVersionsScoredAtLeast(0.95)).extracting(VersionSummary::versionId).containsExactly(perfect);
    }

    @Test
    void customScoringWeightsAreUsed() {
        ModelRegistry custom = InMemoryQueries.registry(new InMemoryModelRepository(), artifacts,
                new ScoringWeights(0.6, 0.4, 0.02, 0.08), clock);
        String id = custom.registerModel(aRegistration("s", 0.08).build());

        assertThat(custom.getModelMetadata(id).orElseThrow().performanceScore()).isEqualTo(0.8);
        assertThat(custom.scoringWeights().r2Weight()).isEqualTo(0.6);
    }

    /** Records removals, fingerprints everything as 42 bytes "cafe". */
    static final class RecordingArtifacts implements ArtifactStore {
        final List<String> removed = new ArrayList<>();

        @Override
        public String storedForm(String modelPath) {
            return modelPath;
        }

        @Override
        public ArtifactFingerprint fingerprint(String modelPath) {
            return new ArtifactFingerprint(42, "cafe");
        }

        @Override
        public ArtifactRemoval remove(String modelPath, java.util.Collection<String> stillReferenced) {
            if (stillReferenced.contains(modelPath)) {
                return new ArtifactRemoval(modelPath, ArtifactRemoval.Outcome.KEPT_SHARED, "kept " + modelPath);
            }
            removed.add(modelPath);
            return new ArtifactRemoval(modelPath, ArtifactRemoval.Outcome.REMOVED, "removed " + modelPath);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
