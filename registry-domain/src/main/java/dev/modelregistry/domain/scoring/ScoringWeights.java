package dev.modelregistry.domain.scoring;

import dev.modelregistry.domain.InvalidScoringWeightsException;

/**
 * How validation metrics turn into a performance score (R4). Weights are finite and
 * non-negative; the anomaly-rate band satisfies {@code 0 <= anomalyMin < anomalyMax}.
 *
 * @param r2Weight   weight of the clipped r2 score
 * @param mapeWeight weight of {@code max(0, 1 - mape/100)}
 * @param anomalyMin lower end of the ideal anomaly-rate band
 * @param anomalyMax upper end of the ideal anomaly-rate band
 */
public record ScoringWeights(double r2Weight, double mapeWeight, double anomalyMin, double anomalyMax) {

    /** The Python registry's weights: 0.7 / 0.3 / 0.01 / 0.1. */
    public static final ScoringWeights DEFAULTS = new ScoringWeights(0.7, 0.3, 0.01, 0.1);

    public ScoringWeights {
        requireFiniteNonNegative("r2Weight", r2Weight);
        requireFiniteNonNegative("mapeWeight", mapeWeight);
        requireFiniteNonNegative("anomalyMin", anomalyMin);
        requireFiniteNonNegative("anomalyMax", anomalyMax);
        if (!(anomalyMin < anomalyMax)) {
            throw new InvalidScoringWeightsException("anomalyMax", anomalyMax,
                    "must be greater than anomalyMin " + anomalyMin);
        }
    }

    private static void requireFiniteNonNegative(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidScoringWeightsException(field, value, "must be a finite number");
        }
        if (value < 0) {
            throw new InvalidScoringWeightsException(field, value, "must not be negative");
        }
    }
}
