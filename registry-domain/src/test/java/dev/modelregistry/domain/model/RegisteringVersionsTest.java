package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static dev.modelregistry.domain.model.Fixtures.nextVersionId;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.InvalidLineageException;
import dev.modelregistry.domain.InvalidVersionDataException;
import dev.modelregistry.domain.MissingDataHashException;
import dev.modelregistry.domain.ValidationNotPerformedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R2 (validation gate), R3 (lineage) and R5 (active version against all versions). */
class RegisteringVersionsTest {

    private static final String GATE_MESSAGE = "validation_metrics must include 'validation_performed': True";

    @Test
    void theFirstVersionBecomesActive() {
        Model model = aModel();

        ModelVersion first = register(model, 0.1, 1);

        assertThat(model.activeVersion()).contains(first);
        assertThat(first.isActive()).isTrue();
        assertThat(first.performanceScore()).isEqualTo(0.8);
    }

    @Test
    void aBetterVersionTakesOverAndTheOldOneIsDeactivated() {
        Model model = aModel();
        ModelVersion first = register(model, 0.1, 1);

        ModelVersion better = register(model, 0.05, 2);

        assertThat(model.activeVersion()).contains(better);
        assertThat(first.isActive()).isFalse();
        assertThat(model.versions()).filteredOn(ModelVersion::isActive).containsExactly(better);
    }

    @Test
    void aVersionThatTiesTheBestScoreIsStoredInactive() {
        Model model = aModel();
        ModelVersion incumbent = register(model, 0.05, 1);

        ModelVersion tie = register(model, 0.05, 2);

        assertThat(model.activeVersion()).contains(incumbent);
        assertThat(tie.isActive()).isFalse();
        assertThat(model.versions()).hasSize(2);
    }

    @Test
    void aNewVersionMustBeatTheBestOfAllVersionsNotJustTheActiveOne() {
        Model model = aModel();
        ModelVersion best = register(model, 0.01, 1);
        ModelVersion weaker = register(model, 0.1, 2);
        model.promote(weaker.id(), at(3));

        ModelVersion betterThanActiveWorseThanBest = register(model, 0.05, 4);

        assertThat(model.activeVersion()).contains(weaker);
        assertThat(betterThanActiveWorseThanBest.isActive()).isFalse();
        assertThat(best.isActive()).isFalse();
    }

    @Test
    void registrationWithoutValidationPerformedIsRefused() {
        Model model = aModel();
        Map<String, Object> metrics = new HashMap<>(Map.of("mae", 0.1, "r2_score", 0.9));

        assertThatThrownBy(() -> model.register(nextVersionId(), aSpec(metrics), SCORING, at(1)))
                .isInstanceOf(ValidationNotPerformedException.class)
                .hasMessageContaining(GATE_MESSAGE);
        assertThat(model.versions()).isEmpty();
    }

    @Test
    void validationPerformedAsTheStringTrueIsNotEnough() {
        Model model = aModel();
        Map<String, Object> metrics = Map.of("validation_performed", "true", "r2_score", 0.9);

        assertThatThrownBy(() -> model.register(nextVersionId(), aSpec(metrics), SCORING, at(1)))
                .isInstanceOf(ValidationNotPerformedException.class)
                .hasMessageContaining(GATE_MESSAGE)
                .hasMessageContaining("\"true\"")
                .satisfies(e -> assertThat(((ValidationNotPerformedException) e).offendingValue()).isEqualTo("true"));
    }

    @Test
    void validationPerformedAsTheNumberOneOrFalseIsNotEnough() {
        Model model = aModel();

        assertThatThrownBy(() -> model.register(nextVersionId(), aSpec(Map.of("validation_performed", 1)), SCORING, at(1)))
                .isInstanceOf(ValidationNotPerformedException.class);
        assertThatThrownBy(() -> model.register(nextVersionId(), aSpec(Map.of("validation_performed", false)), SCORING, at(1)))
                .isInstanceOf(ValidationNotPerformedException.class);
    }

    @Test
    void registrationWithoutADataHashIsRefusedAndNothingIsGenerated() {
        Model model = aModel();
        VersionSpec withoutLineage = new VersionSpec("p", null, null, Attributes.of(metricsWithAnomalyRate(0.05)),
                0, null, null, null, null, null);

        assertThatThrownBy(() -> model.register(nextVersionId(), withoutLineage, SCORING, at(1)))
                .isInstanceOf(MissingDataHashException.class)
                .hasMessageContaining("data_hash")
                .hasMessageContaining(model.id().value());
        assertThat(model.versions()).isEmpty();
    }

    @Test
    void aBlankOrWhitespaceOrOverlongDataHashIsRefused() {
        assertThatThrownBy(() -> DataLineage.ofHash(" ")).isInstanceOf(InvalidLineageException.class).hasMessageContaining("data_hash");
        assertThatThrownBy(() -> DataLineage.ofHash("ab cd")).isInstanceOf(InvalidLineageException.class).hasMessageContaining("white space");
        assertThatThrownBy(() -> DataLineage.ofHash("a".repeat(129))).isInstanceOf(InvalidLineageException.class).hasMessageContaining("128");
        assertThat(DataLineage.ofHash("a".repeat(128)).dataHash()).hasSize(128);
    }

    @Test
    void lineageDatesMustBeIsoAndInOrder() {
        assertThat(DataLineage.of("h", "src", "2024-01-01", "2024-03-01T10:00:00", 5L).dataEndDate()).contains("2024-03-01T10:00:00");
        assertThat(DataLineage.of("h", null, "2024-01-01T00:00:00Z", "2024-01-01", null).dataStartDate()).isPresent();
        assertThatThrownBy(() -> DataLineage.of("h", null, "2024-03-01", "2024-01-01", null))
                .isInstanceOf(InvalidLineageException.class).hasMessageContaining("data_start_date").hasMessageContaining("2024-03-01");
        assertThatThrownBy(() -> DataLineage.of("h", null, "01/03/2024", null, null))
                .isInstanceOf(InvalidLineageException.class).hasMessageContaining("ISO-8601").hasMessageContaining("01/03/2024");
    }

    @Test
    void aNegativeSampleCountIsRefused() {
        assertThatThrownBy(() -> DataLineage.of("h", null, null, null, -1L))
                .isInstanceOf(InvalidLineageException.class).hasMessageContaining("num_samples");
        assertThat(DataLineage.of("h", null, null, null, 0L).numSamples()).contains(0L);
    }

    @Test
    void theLineageIsRecordedWithTheVersionAtRegistrationTime() {
        Model model = aModel();

        ModelVersion version = register(model, 0.05, 7);

        assertThat(version.lineage()).hasValueSatisfying(lineage -> {
            assertThat(lineage.recordedAt()).isEqualTo(at(7));
            assertThat(lineage.dataStartDate()).contains("2024-01-01");
        });
        assertThat(version.dataHash()).contains("sha256-of-training-data");
    }

    @Test
    void versionDataWithImpossibleValuesIsRefused() {
        Attributes metrics = Attributes.of(metricsWithAnomalyRate(0.05));
        assertThatThrownBy(() -> new VersionSpec("p", null, null, metrics, -1, null, null, null, null, null))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("model_size_bytes");
        assertThatThrownBy(() -> new VersionSpec("p", null, null, metrics, 0, Double.NaN, null, null, null, null))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("training_time_seconds");
        assertThatThrownBy(() -> Attributes.of(Map.of("weights", new Object())))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("weights");
        assertThatThrownBy(() -> Tags.of(java.util.Arrays.asList("a", null)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("tags");
    }

    @Test
    void attributesAreDeepCopiesThatKeepKeyOrder() {
        Map<String, Object> source = new java.util.LinkedHashMap<>();
        source.put("z", 1);
        source.put("a", new java.util.ArrayList<>(List.of(1, 2)));
        Attributes attributes = Attributes.of(source);
        @SuppressWarnings("unchecked") List<Object> original = (List<Object>) source.get("a");
        original.add(3);

        assertThat(attributes.asMap().keySet()).containsExactly("z", "a");
        assertThat(attributes.valueOf("a")).isEqualTo(List.of(1, 2));
        assertThatThrownBy(() -> attributes.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
