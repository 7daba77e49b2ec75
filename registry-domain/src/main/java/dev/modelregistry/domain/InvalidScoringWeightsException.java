package dev.modelregistry.domain;

/** Scoring weights that are not finite, negative, or an anomaly range that is empty (R4). */
public class InvalidScoringWeightsException extends InvalidValueException {

    public InvalidScoringWeightsException(String field, double value, String reason) {
        super("scoring weight ", field, value, reason);
    }

    @Override
    public Double value() {
        return (Double) super.value();
    }
}
