package dev.modelregistry.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.InvalidScoringWeightsException;
import dev.modelregistry.domain.model.Attributes;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R4: the Python formula, bit for bit. */
class ScoringPolicyTest {

    private final ScoringPolicy scoring = ScoringPolicy.defaults();

    private static Attributes validated(Object... keyValues) {
        Map<String, Object> metrics = new HashMap<>();
        metrics.put("validation_performed", true);
        for (int i = 0; i < keyValues.length; i += 2) {
            metrics.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Attributes.of(metrics);
    }

    @ParameterizedTest(name = "anomaly_rate {0} scores {1}")
    @CsvSource({
        "0.05, 0.9111111111111112",
        "0.01, 1.0",
        "0.1, 0.8",
        "0, 0.3",
        "0.2, 0.8",
        "0.005, 0.995",
        "0.95, 0.1"})
    void anomalyRatesScoreExactlyAsInPython(double rate, double expected) {
        assertThat(scoring.score(validated("anomaly_rate", rate))).isEqualTo(expected);
    }

    @Test
    void r2AndMapeScoreExactlyAsInPython() {
        assertThat(scoring.score(validated("r2_score", -0.037, "mape", 17.339018691027782))).isEqualTo(0.24798294392691664);
        assertThat(scoring.score(validated("r2_score", 0.85, "mape", 10))).isEqualTo(0.865);
    }

    @Test
    void aMissingMapeCountsAsOneHundred() {
        assertThat(scoring.score(validated("r2_score", 0.5))).isEqualTo(0.35);
    }

    @Test
    void validatedMetricsWithNeitherScoringMetricScoreOneHalf() {
        assertThat(scoring.score(validated("mae", 0.2))).isEqualTo(0.5);
    }

    @Test
    void anomalyRateWinsOverR2() {
        assertThat(scoring.score(validated("anomaly_rate", 0.01, "r2_score", 0.1))).isEqualTo(1.0);
    }

    @Test
    void unvalidatedMetricsScoreZero() {
        assertThat(scoring.score(Attributes.of(Map.of("anomaly_rate", 0.05)))).isEqualTo(0.0);
        assertThat(scoring.score(Attributes.of(Map.of("validation_performed", "true", "anomaly_rate", 0.05)))).isEqualTo(0.0);
    }

    @Test
    void aScoringMetricThatIsNotAFiniteNumberScoresZero() {
        assertThat(scoring.score(validated("anomaly_rate", Double.NaN))).isEqualTo(0.0);
        assertThat(scoring.score(validated("anomaly_rate", Double.POSITIVE_INFINITY))).isEqualTo(0.0);
        assertThat(scoring.score(validated("anomaly_rate", "0.05"))).isEqualTo(0.0);
        assertThat(scoring.score(validated("anomaly_rate", null))).isEqualTo(0.0);
        assertThat(scoring.score(validated("r2_score", Double.NaN, "mape", 10))).isEqualTo(0.0);
        assertThat(scoring.score(validated("r2_score", 0.9, "mape", Double.NEGATIVE_INFINITY))).isEqualTo(0.0);
        assertThat(scoring.score(validated("r2_score", true))).isEqualTo(0.0);
    }

    @Test
    void customWeightsChangeTheScore() {
        ScoringPolicy custom = new ScoringPolicy(new ScoringWeights(0.6, 0.4, 0.02, 0.08));

        assertThat(custom.score(validated("r2_score", 1.0, "mape", 0))).isEqualTo(1.0);
        assertThat(custom.score(validated("anomaly_rate", 0.08))).isEqualTo(0.8);
        assertThat(custom.score(validated("anomaly_rate", 0.01))).isEqualTo(0.99);
    }

    @Test
    void weightsMustBeFiniteNonNegativeWithAnOrderedAnomalyBand() {
        assertThatThrownBy(() -> new ScoringWeights(Double.NaN, 0.3, 0.01, 0.1))
                .isInstanceOf(InvalidScoringWeightsException.class).hasMessageContaining("r2Weight");
        assertThatThrownBy(() -> new ScoringWeights(0.7, -0.3, 0.01, 0.1))
                .isInstanceOf(InvalidScoringWeightsException.class).hasMessageContaining("mapeWeight").hasMessageContaining("-0.3");
        assertThatThrownBy(() -> new ScoringWeights(0.7, 0.3, 0.1, 0.1))
                .isInstanceOf(InvalidScoringWeightsException.class).hasMessageContaining("anomalyMax");
        assertThatThrownBy(() -> new ScoringWeights(0.7, 0.3, -0.01, 0.1))
                .isInstanceOf(InvalidScoringWeightsException.class).hasMessageContaining("anomalyMin");
        assertThatThrownBy(() -> new ScoringWeights(0.7, Double.POSITIVE_INFINITY, 0.01, 0.1))
                .isInstanceOf(InvalidScoringWeightsException.class);
    }
}
