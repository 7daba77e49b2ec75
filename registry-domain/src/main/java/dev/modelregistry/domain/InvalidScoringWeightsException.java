package dev.modelregistry.domain;

/** Scoring weights that are not finite, negative, or an anomaly range that is empty (R4). */
public class InvalidScoringWeightsException extends RegistryException {

    private final String field;
    private final double value;

    public InvalidScoringWeightsException(String field, double value, String reason) {
        super("scoring weight " + field + " " + reason + ": " + value);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public double value() {
        return value;
    }
}
