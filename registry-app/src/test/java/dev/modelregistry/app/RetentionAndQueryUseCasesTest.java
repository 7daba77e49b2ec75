package dev.modelregistry.app;

import static dev.modelregistry.app.RegistryScenarioTest.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.InvalidIdentifierException;
import dev.modelregistry.domain.InvalidRetentionException;
import dev.modelregistry.domain.SensorNotFoundException;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.model.ActiveVersionAt;
import dev.modelregistry.domain.model.InMemoryModelRepository;
import dev.modelregistry.domain.model.InMemoryUnitOfWork;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retention, listing and point-in-time use cases of RegistryService, over the in-memory repository. */
class RetentionAndQueryUseCasesTest {

    private final RegistryScenarioTest.MutableClock clock =
            new RegistryScenarioTest.MutableClock(Instant.parse("2025-10-01T08:00:00Z"));
    private final RegistryScenarioTest.RecordingArtifacts artifacts = new RegistryScenarioTest.RecordingArtifacts();
    private final ModelRegistry registry = InMemoryQueries.registry(new InMemoryModelRepository(), artifacts,
            ScoringWeights.DEFAULTS, clock);

    private String register(String sensor, String type, double anomalyRate, String path) {
        clock.advance(Duration.ofSeconds(1));
        return registry.registerModel(aRegistration(sensor, anomalyRate).modelType(type).modelPath(Path.of(path)).build());
    }

    @Test
    void the_preview_names_exactly_what_the_cleanup_then_deletes_and_deletes_nothing_itself() {
        String champion = register("s1", "telemanom", 0.01, "a/1");
        String old = register("s1", "telemanom", 0.05, "a/2");
        String newest = register("s1", "telemanom", 0.06, "a/3");
        register("s2", "telemanom", 0.05, "b/1");

        CleanupReport preview = registry.previewCleanup(1);

        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.versions()).extracting(VersionSummary::versionId).containsExactly(old);
        assertThat(preview.modelsAffected()).isEqualTo(1);
        assertThat(registry.listVersions("s1", "telemanom")).hasSize(3);

        CleanupReport done = registry.cleanupOldVersions(1, false, CleanupProgress.SILENT);
        assertThat(done.dryRun()).isFalse();
        assertThat(done.versions()).isEqualTo(preview.versions());
        assertThat(done.artifacts()).isEmpty();
        assertThat(registry.listVersions("s1", "telemanom")).extracting(VersionSummary::versionId)
                .containsExactly(newest, champion);
        assertThat(artifacts.removed).isEmpty();
    }

    @Test
    void a_cleanup_with_artifacts_removes_each_freed_path_once_and_keeps_paths_still_in_use() {
        register("s1", "telemanom", 0.01, "a/kept");
        register("s1", "telemanom", 0.05, "a/shared");
        register("s1", "telemanom", 0.06, "a/own");
        register("s1", "telemanom", 0.07, "a/own");
        register("s1", "telemanom", 0.08, "a/shared");

        CleanupReport report = registry.cleanupOldVersions(1, true, CleanupProgress.SILENT);

        assertThat(report.removedCount()).isEqualTo(3);
        assertThat(artifacts.removed).containsExactly(Path.of("a/own").toString());
        assertThat(report.artifacts()).extracting(ArtifactRemoval::outcome)
                .containsExactlyInAnyOrder(ArtifactRemoval.Outcome.REMOVED, ArtifactRemoval.Outcome.KEPT_SHARED);
    }

    @Test
    void a_cleanup_with_artifacts_reads_the_referenced_paths_once_per_model_not_once_per_deleted_version() {
        java.util.concurrent.atomic.AtomicInteger pathQueries = new java.util.concurrent.atomic.AtomicInteger();
        InMemoryModelRepository counting = new InMemoryModelRepository() {
            @Override
            public java.util.Set<String> findDistinctModelPaths() {
                pathQueries.incrementAndGet();
                return super.findDistinctModelPaths();
            }
        };
        ModelRegistry counted = InMemoryQueries.registry(counting, artifacts, ScoringWeights.DEFAULTS, clock);
        for (String sensor : List.of("s1", "s2")) {
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(1));
                counted.registerModel(aRegistration(sensor, 0.01 * (i + 1)).modelPath(Path.of(sensor + "/" + i)).build());
            }
        }

        CleanupReport report = counted.cleanupOldVersions(1, true, CleanupProgress.SILENT);

        assertThat(report.artifacts()).hasSize(6);
        assertThat(pathQueries).as("referenced-path queries for 2 models").hasValue(2);
    }

    @Test
    void the_cleanup_reports_progress_after_each_model_it_visits() {
        for (String sensor : List.of("s1", "s2", "s3")) {
            register(sensor, "telemanom", 0.01, sensor + "/1");
            register(sensor, "telemanom", 0.05, sensor + "/2");
            register(sensor, "telemanom", 0.06, sensor + "/3");
        }
        register("s4", "telemanom", 0.01, "s4/1");
        List<String> calls = new ArrayList<>();

        registry.cleanupOldVersions(1, false, (done, total, removed) -> calls.add(done + "/" + total + ":" + removed));

        assertThat(calls).containsExactly("1/3:1", "2/3:2", "3/3:3");
    }

    @Test
    void keeping_fewer_than_one_is_refused_by_the_preview_and_the_cleanup() {
        assertThatThrownBy(() -> registry.previewCleanup(0)).isInstanceOf(InvalidRetentionException.class);
        assertThatThrownBy(() -> registry.cleanupOldVersions(-1, true, CleanupProgress.SILENT))
                .isInstanceOf(InvalidRetentionException.class);
        assertThatThrownBy(() -> registry.cleanupOldVersions(0)).isInstanceOf(InvalidRetentionException.class);
    }

    @Test
    void models_are_filtered_by_type_and_sensor_and_a_malformed_filter_value_is_refused() {
        register("s1", "telemanom", 0.01, "x");
        register("s1", "transformer", 0.01, "x");
        register("s2", "telemanom", 0.01, "x");

        assertThat(registry.listModels(ModelFilter.all())).hasSize(3);
        assertThat(registry.listModels(ModelFilter.all().sensor("s1"))).extracting(ModelSummary::modelId)
                .containsExactly("telemanom_s1", "transformer_s1");
        assertThat(registry.listModels(ModelFilter.all().sensor("s1").type("telemanom"))).extracting(ModelSummary::modelId)
                .containsExactly("telemanom_s1");
        assertThat(registry.listModels(ModelFilter.all().sensor("s9"))).isEmpty();
        assertThatThrownBy(() -> registry.listModels(ModelFilter.all().sensor(" s1")))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void the_versions_of_a_sensor_come_by_model_id_newest_first_and_an_unknown_sensor_is_named() {
        String older = register("s1", "transformer", 0.01, "x");
        String first = register("s1", "telemanom", 0.01, "x");
        String newer = register("s1", "transformer", 0.05, "x");
        register("s2", "telemanom", 0.01, "x");

        assertThat(registry.listVersionsOfSensor("s1")).extracting(VersionSummary::versionId)
                .containsExactly(first, newer, older);
        assertThatThrownBy(() -> registry.listVersionsOfSensor("s9"))
                .isInstanceOfSatisfying(SensorNotFoundException.class, e -> assertThat(e.sensorId()).isEqualTo("s9"))
                .hasMessageContaining("s9");
    }

    @Test
    void before_a_native_models_first_registration_no_version_was_active() {
        Instant before = clock.instant();
        String only = register("s1", "telemanom", 0.01, "x");

        assertThat(registry.getActiveVersionAt("s1", "telemanom", before).kind()).isEqualTo(ActiveVersionAt.Kind.NONE);
        assertThat(registry.getActiveVersionAt("s1", "telemanom", clock.instant()).versionId())
                .hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(only));
        assertThat(registry.getActiveModelVersionAt("s1", "telemanom", clock.instant())).contains(only);
    }
}
