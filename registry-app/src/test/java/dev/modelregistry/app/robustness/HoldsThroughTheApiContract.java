package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ActivationEntry;
import dev.modelregistry.app.HoldReleaseResult;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.HoldNotFoundException;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.NothingToHoldException;
import dev.modelregistry.domain.model.ChangeNote;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holds through the public API (R14; README "Holds"): a held model keeps its active version while
 * better ones are registered, shows the hold in its details and listing, records what would have
 * become active, and its release re-elects and says what changed. Run on SQLite and PostgreSQL.
 */
abstract class HoldsThroughTheApiContract {

    /** A fresh, empty registry. */
    protected abstract ModelRegistry open();

    private static ModelRegistration registration(String sensor, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType("transformer")
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("sha256-of-training-data").build();
    }

    @Test
    void aHeldModelKeepsItsActiveVersionShowsTheHoldAndItsReleaseMakesTheBetterVersionActive() {
        try (ModelRegistry registry = open()) {
            String held = registry.registerModel(registration("s1", 0.05));

            ChangeNote freeze = ChangeNote.by("ops-oncall").because("freeze during the audit").referencing("OPS-42");
            assertThat(registry.holdActiveVersion("s1", "transformer", freeze)).isTrue();
            String better = registry.registerModel(registration("s1", 0.01));

            assertThat(registry.getActiveModelVersion("s1", "transformer")).contains(held);
            ModelVersionDetails active = registry.getActiveModel("s1", "transformer").orElseThrow();
            assertThat(active.versionId()).isEqualTo(held);
            assertThat(active.isHeld()).isTrue();
            assertThat(registry.getModelMetadata(better).orElseThrow().isHeld()).isFalse();
            ModelSummary summary = registry.listModels("transformer").get(0);
            assertThat(summary.isHeld()).isTrue();
            assertThat(summary.heldSince()).isEqualTo(active.heldSince());
            assertThat(registry.getActivationHistory("s1", "transformer")).extracting(ActivationEntry::reason,
                    ActivationEntry::versionId).containsExactly(org.assertj.core.groups.Tuple.tuple("REGISTERED", held),
                    org.assertj.core.groups.Tuple.tuple("HOLD_STARTED", held),
                    org.assertj.core.groups.Tuple.tuple("WOULD_HAVE_BECOME_ACTIVE", better));

            HoldReleaseResult release = registry.releaseHold("s1", "transformer");

            assertThat(release).isEqualTo(new HoldReleaseResult("transformer_s1", held, better, true));
            assertThat(registry.getActiveModelVersion("s1", "transformer")).contains(better);
            assertThat(registry.getActiveModel("s1", "transformer").orElseThrow().isHeld()).isFalse();
            assertThat(registry.listModels("transformer").get(0).isHeld()).isFalse();
            assertThat(registry.getActivationHistory("s1", "transformer")).extracting(ActivationEntry::reason)
                    .endsWith("HOLD_RELEASED", "RELEASE_REELECTED");
            assertThat(registry.getActivationHistory("s1", "transformer").get(1).note()).isEqualTo(freeze);
        }
    }

    @Test
    void holdingTwiceChangesNothingAndAReleaseWithoutABetterVersionKeepsTheHeldOne() {
        try (ModelRegistry registry = open()) {
            String held = registry.registerModel(registration("s1", 0.01));
            registry.holdActiveVersion("s1", "transformer");

            assertThat(registry.holdActiveVersion("s1", "transformer")).isFalse();
            registry.registerModel(registration("s1", 0.05));

            assertThat(registry.releaseHold("s1", "transformer"))
                    .isEqualTo(new HoldReleaseResult("transformer_s1", held, held, false));
            assertThat(registry.getActivationHistory("s1", "transformer")).hasSize(3);
        }
    }

    @Test
    void aPromotionDuringAHoldKeepsTheHoldOnThePromotedVersion() {
        try (ModelRegistry registry = open()) {
            String best = registry.registerModel(registration("s1", 0.01));
            String other = registry.registerModel(registration("s1", 0.05));
            registry.holdActiveVersion("s1", "transformer");

            registry.promoteVersion(other);

            ModelVersionDetails active = registry.getActiveModel("s1", "transformer").orElseThrow();
            assertThat(active.versionId()).isEqualTo(other);
            assertThat(active.isHeld()).isTrue();
            assertThat(registry.releaseHold("s1", "transformer").activeVersion()).isEqualTo(other);
            assertThat(registry.getModelMetadata(best).orElseThrow().isActive()).isFalse();
        }
    }

    @Test
    void aForcedDeleteOfTheHeldVersionEndsTheHold() {
        try (ModelRegistry registry = open()) {
            String held = registry.registerModel(registration("s1", 0.05));
            registry.holdActiveVersion("s1", "transformer");
            String better = registry.registerModel(registration("s1", 0.01));

            registry.deleteVersion(held, true, false);

            assertThat(registry.getActiveModel("s1", "transformer").orElseThrow())
                    .extracting(ModelVersionDetails::versionId, ModelVersionDetails::isHeld).containsExactly(better, false);
            assertThatThrownBy(() -> registry.releaseHold("s1", "transformer")).isInstanceOf(HoldNotFoundException.class)
                    .hasMessageContaining("transformer_s1 is not held");
        }
    }

    @Test
    void aModelWithoutVersionsOrAnUnknownOneCannotBeHeld() {
        try (ModelRegistry registry = open()) {
            String only = registry.registerModel(registration("s1", 0.05));
            registry.deleteVersion(only, true, false);

            assertThatThrownBy(() -> registry.holdActiveVersion("s1", "transformer"))
                    .isInstanceOf(NothingToHoldException.class).hasMessageContaining("transformer_s1");
            assertThatThrownBy(() -> registry.holdActiveVersion("s2", "transformer"))
                    .isInstanceOf(ModelNotFoundException.class);
            assertThatThrownBy(() -> registry.releaseHold("s2", "transformer"))
                    .isInstanceOf(ModelNotFoundException.class);
        }
    }
}
