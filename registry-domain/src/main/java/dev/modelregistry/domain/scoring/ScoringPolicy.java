package dev.modelregistry.domain.scoring;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.ValidationGate;

/**
 * Computes a version's performance score from its validation metrics (R4, docs/rules.md), with the formula of
 * the Python registry so that scores stay comparable bit for bit:
 * <ul>
 *   <li>not validated (fails the {@link ValidationGate}): 0.0</li>
 *   <li>{@code anomaly_rate} present (it wins over r2): inside [min, max]
 *       {@code 0.8 + (max - r) / (max - min) * 0.2}; exactly 0: 0.3; otherwise {@code max(0.1, 1 - r)}</li>
 *   <li>else {@code r2_score} present: {@code clip(r2, 0, 1) * r2Weight + max(0, 1 - mape/100) * mapeWeight},
 *       a missing mape counting as 100</li>
 *   <li>else 0.5</li>
 *   <li>a scoring metric that is present but not a finite number (NaN, infinite, a string, a
 *       boolean, null): 0.0</li>
 * </ul>
 */
public final class ScoringPolicy {

    public static final String ANOMALY_RATE = "anomaly_rate";
    public static final String R2_SCORE = "r2_score";
    public static final String MAPE = "mape";

    private static final double NOT_SCORABLE = 0.0;
    private static final double MISSING_MAPE = 100.0;

    private final ScoringWeights weights;

    public ScoringPolicy(ScoringWeights weights) {
        this.weights = weights;
    }

    public static ScoringPolicy defaults() {
        return new ScoringPolicy(ScoringWeights.DEFAULTS);
    }

    public ScoringWeights weights() {
        return weights;
    }

    public double score(Attributes validationMetrics) {
        if (!ValidationGate.passes(validationMetrics)) {
            return NOT_SCORABLE;
        }
        if (validationMetrics.contains(ANOMALY_RATE)) {
            Double rate = finite(validationMetrics.valueOf(ANOMALY_RATE));
            return rate == null ? NOT_SCORABLE : anomalyScore(rate);
        }
        if (validationMetrics.contains(R2_SCORE)) {
            Double r2 = finite(validationMetrics.valueOf(R2_SCORE));
            Double mape = validationMetrics.contains(MAPE) ? finite(validationMetrics.valueOf(MAPE)) : Double.valueOf(MISSING_MAPE);
            return r2 == null || mape == null ? NOT_SCORABLE : forecastScore(r2, mape);
        }
        return 0.5;
    }

    private double anomalyScore(double rate) {
        double min = weights.anomalyMin();
        double max = weights.anomalyMax();
        if (min <= rate && rate <= max) {
            return 0.8 + (max - rate) / (max - min) * 0.2;
        }
        if (rate == 0) {
            return 0.3;
        }
        return Math.max(0.1, 1.0 - rate);
    }

    private double forecastScore(double r2, double mape) {
        double clippedR2 = Math.max(0, Math.min(1, r2));
        return clippedR2 * weights.r2Weight() + Math.max(0, 1 - mape / 100) * weights.mapeWeight();
    }

    private static Double finite(Object value) {
        if (value instanceof Number number && !(value instanceof Boolean)) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }
}
