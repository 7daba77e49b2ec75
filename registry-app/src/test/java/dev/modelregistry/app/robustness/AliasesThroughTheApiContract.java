package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.modelregistry.app.ActivationEntry;
import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.AliasNotFoundException;
import dev.modelregistry.domain.InvalidIdentifierException;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.ReservedAliasException;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.VersionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Named aliases through the public API (R13; README "Governance"): set, moved in one step,
 * removed, listed, resolved by {@code getVersionByAlias} and by {@code models:/...@alias}, shown
 * in the details, gone with a deleted version; {@code active} reserved. Run on SQLite and PostgreSQL.
 */
abstract class AliasesThroughTheApiContract {

    /** A fresh, empty registry. */
    protected abstract ModelRegistry open();

    private static ModelRegistration registration(String sensor, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType("transformer")
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("sha256-of-training-data").build();
    }

    @Test
    void anAliasNamesItsVersionByNameByUriAndInTheDetailsBesideTheActiveVersion() {
        try (ModelRegistry registry = open()) {
            String active = registry.registerModel(registration("s1", 0.01));
            String challenger = registry.registerModel(registration("s1", 0.05));

            registry.setAlias(challenger, "challenger");

            ModelVersionDetails named = registry.getVersionByAlias("s1", "transformer", "challenger").orElseThrow();
            assertThat(named.versionId()).isEqualTo(challenger);
            assertThat(named.aliases()).containsExactly("challenger");
            assertThat(named.isActive()).isFalse();
            assertThat(registry.resolve("models:/transformer/s1@challenger")).contains(named);
            assertThat(registry.getModelMetadata(challenger).orElseThrow().aliases()).containsExactly("challenger");
            assertThat(registry.getActiveModelVersion("s1", "transformer")).contains(active);
            assertThat(registry.getVersionByAlias("s1", "transformer", "active")).map(ModelVersionDetails::versionId)
                    .contains(active);
            assertThat(registry.listAliases("s1", "transformer")).containsExactly(Map.entry("challenger", challenger));
        }
    }

    @Test
    void movingAnAliasIsOneCallAndItThenNamesOnlyTheNewVersion() {
        try (ModelRegistry registry = open()) {
            String first = registry.registerModel(registration("s1", 0.01));
            String second = registry.registerModel(registration("s1", 0.05));
            registry.setAlias(first, "last-known-good");

            registry.setAlias(second, "last-known-good");

            assertThat(registry.listAliases("s1", "transformer")).containsExactly(Map.entry("last-known-good", second));
            assertThat(registry.getModelMetadata(first).orElseThrow().aliases()).isEmpty();
            assertThat(registry.getActiveModel("s1", "transformer").orElseThrow().aliases()).isEmpty();
        }
    }

    @Test
    void activeIsReservedForSettingAndRemovingAndNothingChanges() {
        try (ModelRegistry registry = open()) {
            String active = registry.registerModel(registration("s1", 0.01));
            String other = registry.registerModel(registration("s1", 0.05));

            assertThatThrownBy(() -> registry.setAlias(other, "active")).isInstanceOf(ReservedAliasException.class)
                    .hasMessageContaining("'active'").hasMessageContaining("always names the active version");
            assertThatThrownBy(() -> registry.removeAlias("s1", "transformer", "active"))
                    .isInstanceOf(ReservedAliasException.class);
            assertThat(registry.getActiveModelVersion("s1", "transformer")).contains(active);
            assertThat(registry.listAliases("s1", "transformer")).isEmpty();
        }
    }

    @Test
    void removingAnAliasKeepsItsVersionAndRemovingItAgainIsRefused() {
        try (ModelRegistry registry = open()) {
            registry.registerModel(registration("s1", 0.01));
            String shadow = registry.registerModel(registration("s1", 0.05));
            registry.setAlias(shadow, "shadow");

            registry.removeAlias("s1", "transformer", "shadow");

            assertThat(registry.getVersionByAlias("s1", "transformer", "shadow")).isEmpty();
            assertThat(registry.getModelMetadata(shadow)).isPresent();
            assertThatThrownBy(() -> registry.removeAlias("s1", "transformer", "shadow"))
                    .isInstanceOf(AliasNotFoundException.class).hasMessageContaining("'shadow'");
        }
    }

    @Test
    void deletingAVersionRemovesItsAliasesOnly() {
        try (ModelRegistry registry = open()) {
            String active = registry.registerModel(registration("s1", 0.01));
            String doomed = registry.registerModel(registration("s1", 0.05));
            registry.setAlias(doomed, "challenger");
            registry.setAlias(active, "champion");

            registry.deleteVersion(doomed, false, false);

            assertThat(registry.listAliases("s1", "transformer")).containsExactly(Map.entry("champion", active));
            assertThat(registry.resolve("models:/transformer/s1@challenger")).isEmpty();
        }
    }

    @Test
    void badInputIsRefusedNamingItAndWritesNothing() {
        try (ModelRegistry registry = open()) {
            String version = registry.registerModel(registration("s1", 0.01));

            assertThatThrownBy(() -> registry.setAlias(version, "Challenger")).isInstanceOf(InvalidIdentifierException.class)
                    .hasMessageContaining("alias").hasMessageContaining("lower case");
            assertThatThrownBy(() -> registry.setAlias(version, "")).isInstanceOf(InvalidIdentifierException.class);
            assertThatThrownBy(() -> registry.setAlias(version, "a b")).isInstanceOf(InvalidIdentifierException.class);
            assertThatThrownBy(() -> registry.setAlias("feedfacecafe", "challenger"))
                    .isInstanceOf(VersionNotFoundException.class);
            assertThatThrownBy(() -> registry.removeAlias("s2", "transformer", "challenger"))
                    .isInstanceOf(ModelNotFoundException.class);
            assertThatThrownBy(() -> registry.listAliases("s2", "transformer")).isInstanceOf(ModelNotFoundException.class);
            assertThat(registry.getVersionByAlias("s2", "transformer", "challenger")).isEmpty();
            assertThat(registry.listAliases("s1", "transformer")).isEmpty();
        }
    }

    @Test
    void everyAliasChangeIsInTheHistoryAndTheChangeFeedBesideTheActiveVersion() {
        try (ModelRegistry registry = open()) {
            String active = registry.registerModel(registration("s1", 0.01));
            String other = registry.registerModel(registration("s1", 0.05));
            registry.setAlias(other, "challenger");
            registry.setAlias(active, "challenger");
            registry.setAlias(active, "challenger");
            registry.setAlias(other, "shadow");
            registry.removeAlias("s1", "transformer", "challenger");
            registry.deleteVersion(other, false, false);

            List<ActivationEntry> history = registry.getActivationHistory("s1", "transformer");
            assertThat(history).extracting(ActivationEntry::reason, ActivationEntry::alias, ActivationEntry::versionId,
                    ActivationEntry::previousVersionId).containsExactly(
                    tuple("REGISTERED", null, active, null),
                    tuple("ALIAS_SET", "challenger", other, active),
                    tuple("ALIAS_SET", "challenger", active, active),
                    tuple("ALIAS_SET", "shadow", other, active),
                    tuple("ALIAS_REMOVED", "challenger", active, active),
                    tuple("ALIAS_REMOVED_WITH_VERSION", "shadow", other, active));
            assertThat(history).extracting(ActivationEntry::sequenceNo).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(registry.getActiveVersionAt("s1", "transformer", Instant.now()).versionId())
                    .map(VersionId::value).contains(active);

            List<ActivationEvent> feed = registry.activationChangesSince(0, 100);
            assertThat(feed).extracting(ActivationEvent::reason, ActivationEvent::alias).containsExactly(
                    tuple(ActivationReason.REGISTERED, null), tuple(ActivationReason.ALIAS_SET, "challenger"),
                    tuple(ActivationReason.ALIAS_SET, "challenger"), tuple(ActivationReason.ALIAS_SET, "shadow"),
                    tuple(ActivationReason.ALIAS_REMOVED, "challenger"),
                    tuple(ActivationReason.ALIAS_REMOVED_WITH_VERSION, "shadow"));
            assertThat(feed).allSatisfy(event -> assertThat(event.sensorId()).isEqualTo("s1"));
        }
    }

    @Test
    void twoModelsKeepTheirOwnAliasOfTheSameName() {
        try (ModelRegistry registry = open()) {
            String ofS1 = registry.registerModel(registration("s1", 0.01));
            String ofS2 = registry.registerModel(registration("s2", 0.01));
            registry.setAlias(ofS1, "champion");
            registry.setAlias(ofS2, "champion");

            assertThat(registry.resolve("models:/transformer/s1@champion")).map(ModelVersionDetails::versionId).contains(ofS1);
            assertThat(registry.resolve("models:/transformer/s2@champion")).map(ModelVersionDetails::versionId).contains(ofS2);
        }
    }
}
