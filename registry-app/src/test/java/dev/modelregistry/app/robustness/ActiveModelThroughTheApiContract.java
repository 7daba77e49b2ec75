package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.InvalidIdentifierException;
import dev.modelregistry.domain.InvalidModelUriException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code getActiveModel} and {@code resolve} through the public API: the active version's
 * details with lineage and since when it is active, for exactly the pair asked, malformed URIs
 * refused naming the URI, and aliases that break the alias rule refused by the rule. Run on
 * SQLite and PostgreSQL.
 */
abstract class ActiveModelThroughTheApiContract {

    /** A fresh, empty registry. */
    protected abstract ModelRegistry open();

    private static ModelRegistration registration(String sensor, String type, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType(type)
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .trainingConfig(Map.of("epochs", 35)).tags(List.of("anomaly"))
                .dataHash("sha256-of-training-data").dataSource("nasa_smap").dataStartDate("2024-01-01")
                .dataEndDate("2024-03-01").numSamples(10_000).build();
    }

    @Test
    void theActiveModelIsTheActiveVersionsMetadataWithItsLineageAndSinceWhenItIsActive() {
        try (ModelRegistry registry = open()) {
            registry.registerModel(registration("s1", "telemanom", 0.05));
            String best = registry.registerModel(registration("s1", "telemanom", 0.01));

            ModelVersionDetails active = registry.getActiveModel("s1", "telemanom").orElseThrow();

            ModelVersionDetails metadata = registry.getModelMetadata(best).orElseThrow();
            assertThat(active).isEqualTo(metadata);
            assertThat(active.versionId()).isEqualTo(best);
            assertThat(active.isActive()).isTrue();
            assertThat(active.trainingConfig()).containsEntry("epochs", 35);
            assertThat(active.dataLineage()).isEqualTo(registry.getDataLineage(best).orElseThrow());
            assertThat(active.dataLineage().numSamples()).isEqualTo(10_000L);
            assertThat(active.activeSince()).isEqualTo(registry.getActivationHistory("s1", "telemanom").get(1).changedAt());
        }
    }

    @Test
    void aPromotionMovesTheActiveModelAndItsActiveSince() {
        try (ModelRegistry registry = open()) {
            String first = registry.registerModel(registration("s1", "telemanom", 0.05));
            String best = registry.registerModel(registration("s1", "telemanom", 0.01));
            registry.promoteVersion(first);

            ModelVersionDetails active = registry.getActiveModel("s1", "telemanom").orElseThrow();

            assertThat(active.versionId()).isEqualTo(first);
            assertThat(active.activeSince()).isEqualTo(registry.getActivationHistory("s1", "telemanom").get(2).changedAt());
            assertThat(registry.getModelMetadata(best).orElseThrow().activeSince()).isNull();
        }
    }

    @Test
    void anUnknownPairOrAnotherPairDerivingTheSameIdHasNoActiveModel() {
        try (ModelRegistry registry = open()) {
            registry.registerModel(registration("b", "x_a", 0.05));

            assertThat(registry.getActiveModel("a_b", "x")).isEmpty();
            assertThat(registry.resolve("models:/x/a_b@active")).isEmpty();
            assertThat(registry.getActiveModel("nobody", "telemanom")).isEmpty();
            assertThat(registry.getActiveModel("b", "x_a")).isPresent();
        }
    }

    @Test
    void aModelUriResolvesToTheActiveModelWithReservedCharactersPercentEncoded() {
        try (ModelRegistry registry = open()) {
            String plain = registry.registerModel(registration("SMAP-PWR-001", "transformer", 0.05));
            String spaced = registry.registerModel(registration("pump 7/a@b", "telemanom", 0.05));
            String cyrillic = registry.registerModel(registration("датчик_7", "telemanom", 0.05));

            assertThat(registry.resolve("models:/transformer/SMAP-PWR-001@active"))
                    .map(ModelVersionDetails::versionId).contains(plain);
            assertThat(registry.resolve("models:/telemanom/pump%207%2Fa%40b@active"))
                    .map(ModelVersionDetails::versionId).contains(spaced);
            assertThat(registry.resolve("models:/telemanom/датчик_7@active"))
                    .map(ModelVersionDetails::versionId).contains(cyrillic);
            assertThat(registry.resolve("models:/transformer/SMAP-PWR-001@active"))
                    .isEqualTo(registry.getActiveModel("SMAP-PWR-001", "transformer"));
        }
    }

    @Test
    void aMalformedModelUriIsRefusedNamingTheUri() {
        try (ModelRegistry registry = open()) {
            for (String uri : List.of("", "models:/transformer", "models:/transformer/s1", "runs:/transformer/s1@active",
                    "models://host/transformer/s1@active", "models:/transformer/s1@active?x=1",
                    "models:/transformer/s1@active#f", "models:/a/b/c@active", "models:transformer/s1@active",
                    "models:/transformer/pump 7@active", "models:/transformer/s1%zz@active")) {
                assertThatThrownBy(() -> registry.resolve(uri)).as(uri)
                        .isInstanceOf(InvalidModelUriException.class)
                        .hasMessageContaining("uri").hasMessageContaining("models:/{modelType}/{sensorId}@{alias}")
                        .satisfies(e -> assertThat(((InvalidModelUriException) e).value()).isEqualTo(uri));
            }
            assertThatThrownBy(() -> registry.resolve(null)).isInstanceOf(InvalidModelUriException.class);
        }
    }

    @Test
    void anAliasTheModelDoesNotHaveResolvesToNothingAndAnEmptyAliasIsAMalformedUri() {
        try (ModelRegistry registry = open()) {
            registry.registerModel(registration("s1", "transformer", 0.05));
            assertThat(registry.resolve("models:/transformer/s1@champion")).isEmpty();
            assertThatThrownBy(() -> registry.resolve("models:/transformer/s1@"))
                    .isInstanceOf(InvalidModelUriException.class);
        }
    }

    @Test
    void anAliasBreakingTheAliasRuleIsRefusedByTheRule() {
        try (ModelRegistry registry = open()) {
            for (String alias : List.of("Champion", "ch%40mp", "sh%2Fadow", "%D1%81hallenger", "a%20b")) {
                assertThatThrownBy(() -> registry.resolve("models:/transformer/s1@" + alias)).as(alias)
                        .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("alias");
            }
        }
    }

    @Test
    void aModelUriWithAnIdBreakingTheIdentifierRuleIsRefusedByTheRule() {
        try (ModelRegistry registry = open()) {
            assertThatThrownBy(() -> registry.resolve("models:/transformer/%E2%80%8Bs1@active"))
                    .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("sensor_id");
            assertThatThrownBy(() -> registry.resolve("models://s1@active")).isInstanceOf(InvalidModelUriException.class);
            assertThatThrownBy(() -> registry.resolve("models:/" + "t".repeat(129) + "/s1@active"))
                    .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("model_type");
        }
    }
}
