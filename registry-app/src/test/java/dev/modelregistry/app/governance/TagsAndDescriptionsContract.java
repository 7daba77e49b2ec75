package dev.modelregistry.app.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.app.VersionQuery;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.InvalidVersionDataException;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.VersionNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The port's tag and description edits (README, "Governance") on a real database: what is set
 * is read back by every lookup and found by search, refused edits write nothing, and no edit
 * moves the active version or adds to its history.
 */
public abstract class TagsAndDescriptionsContract {

    protected ModelRegistry registry;
    private int registered;

    protected abstract ModelRegistry open() throws Exception;

    protected void dispose() throws Exception {
    }

    @BeforeEach
    void openRegistry() throws Exception {
        registry = open();
    }

    @AfterEach
    void closeRegistry() throws Exception {
        registry.close();
        dispose();
    }

    private String register(String sensor, double r2) {
        return registry.registerModel(ModelRegistration.builder().sensorId(sensor).modelType("telemanom")
                .modelPath(Path.of("governance/" + sensor + "/" + registered++))
                .validationMetrics(Map.of("validation_performed", true, "r2_score", r2, "mape", 10.0))
                .dataHash("h1").description("as registered").tags(List.of("anomaly", "x=y")).build());
    }

    private ModelSummary model(String sensor) {
        return registry.listModels().stream().filter(m -> m.sensorId().equals(sensor)).findFirst().orElseThrow();
    }

    @Test
    void versionTagsAndDescriptionsAreEditedAndReadBackWithoutMovingTheActiveVersion() {
        String best = register("pump", 0.9);
        String other = register("pump", 0.6);
        int history = registry.getActivationHistory("pump", "telemanom").size();

        registry.setVersionTag(other, "stage", "shadow");
        registry.setVersionTag(other, "anomaly", "confirmed");
        registry.setVersionTag(other, "stage", "prod");
        registry.updateVersionDescription(other, "retrained after incident 42");

        ModelVersionDetails details = registry.getModelMetadata(other).orElseThrow();
        assertThat(details.tags()).containsExactly("anomaly", "x=y", "stage");
        assertThat(details.tagValues()).containsExactly(Map.entry("anomaly", "confirmed"), Map.entry("stage", "prod"));
        assertThat(details.description()).isEqualTo("retrained after incident 42");
        assertThat(registry.getActiveModelVersion("pump", "telemanom")).contains(best);
        assertThat(registry.getActivationHistory("pump", "telemanom")).hasSize(history);
        assertThat(registry.getModelMetadata(best).orElseThrow().tagValues()).isEmpty();

        registry.removeVersionTag(other, "stage");
        registry.removeVersionTag(other, "x=y");
        registry.removeVersionTag(other, "never-there");
        registry.updateVersionDescription(other, "   ");

        details = registry.getModelMetadata(other).orElseThrow();
        assertThat(details.tags()).containsExactly("anomaly");
        assertThat(details.tagValues()).containsExactly(Map.entry("anomaly", "confirmed"));
        assertThat(details.description()).isNull();
    }

    @Test
    void modelTagsAndDescriptionShowInTheListingAndTheActiveModelStays() {
        String active = register("valve", 0.8);
        registry.setModelTag("valve", "telemanom", "team", "ops-oncall");
        registry.setModelTag("valve", "telemanom", "Größe 🚀", "groß\nzwei Zeilen");
        registry.updateModelDescription("valve", "telemanom", "the valve's anomaly model");

        ModelSummary summary = model("valve");
        assertThat(summary.tags()).containsExactly("team", "Größe 🚀");
        assertThat(summary.tagValues()).containsExactly(Map.entry("team", "ops-oncall"),
                Map.entry("Größe 🚀", "groß\nzwei Zeilen"));
        assertThat(summary.description()).isEqualTo("the valve's anomaly model");
        assertThat(summary.updatedAt()).isAfterOrEqualTo(summary.createdAt());
        assertThat(registry.getActiveModel("valve", "telemanom").orElseThrow().versionId()).isEqualTo(active);

        registry.removeModelTag("valve", "telemanom", "team");
        registry.updateModelDescription("valve", "telemanom", null);
        summary = model("valve");
        assertThat(summary.tags()).containsExactly("Größe 🚀");
        assertThat(summary.description()).isNull();
    }

    @Test
    void editsOfWhatDoesNotExistAreRefusedNamingIt() {
        register("pump", 0.9);
        assertThatThrownBy(() -> registry.setVersionTag("0123456789ab", "k", "v"))
                .isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> registry.updateVersionDescription("0123456789ab", "x"))
                .isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> registry.setModelTag("nobody", "telemanom", "k", "v"))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("telemanom_nobody");
        assertThatThrownBy(() -> registry.updateModelDescription("pump", "transformer", "x"))
                .isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void aRefusedEditWritesNothing() {
        String version = register("pump", 0.9);
        assertThatThrownBy(() -> registry.setVersionTag(version, "stage=prod", "v"))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("tag key must not contain '='");
        assertThatThrownBy(() -> registry.setVersionTag(version, "", "v"))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("tag key must not be empty");
        assertThatThrownBy(() -> registry.setModelTag("pump", "telemanom", "stage", "x".repeat(5001)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("tags.stage must be at most 5000");
        assertThatThrownBy(() -> registry.setVersionTag(version, "stage", "a\u0000b"))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> registry.updateVersionDescription(version, "a\u0000b"))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("description");

        ModelVersionDetails details = registry.getModelMetadata(version).orElseThrow();
        assertThat(details.tags()).containsExactly("anomaly", "x=y");
        assertThat(details.tagValues()).isEmpty();
        assertThat(details.description()).isEqualTo("as registered");
        assertThat(model("pump").tags()).isEmpty();
    }

    @Test
    void searchFindsEditedTagsByKeyAndByKeyAndValueAndRegisteredTagsByKey() {
        String prod = register("pump", 0.9);
        String shadow = register("pump", 0.6);
        String plain = register("fan", 0.7);
        registry.setVersionTag(prod, "stage", "prod");
        registry.setVersionTag(shadow, "stage", "shadow");

        assertThat(ids(VersionQuery.builder().tag("stage", "prod"))).containsExactly(prod);
        assertThat(ids(VersionQuery.builder().tag("stage"))).containsExactlyInAnyOrder(prod, shadow);
        assertThat(ids(VersionQuery.builder().tag("anomaly"))).containsExactlyInAnyOrder(prod, shadow, plain);
        assertThat(ids(VersionQuery.builder().tag("x=y"))).containsExactlyInAnyOrder(prod, shadow, plain);
        assertThat(ids(VersionQuery.builder().tag("anomaly", ""))).isEmpty();

        registry.setVersionTag(shadow, "stage", "prod");
        registry.removeVersionTag(prod, "stage");
        assertThat(ids(VersionQuery.builder().tag("stage", "prod"))).containsExactly(shadow);
        assertThat(ids(VersionQuery.builder().tag("stage", "shadow"))).isEmpty();
    }

    @Test
    void concurrentTagEditsOfOneVersionAreAllKept() throws Exception {
        String version = register("pump", 0.9);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> edits = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String key = "k" + i;
                edits.add(pool.submit(() -> registry.setVersionTag(version, key, "v")));
            }
            for (Future<?> edit : edits) {
                edit.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.getModelMetadata(version).orElseThrow().tagValues()).hasSize(16);
    }

    private List<String> ids(VersionQuery.Builder query) {
        return registry.searchVersions(query.build()).items().stream().map(VersionSummary::versionId).toList();
    }
}
