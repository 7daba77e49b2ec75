package dev.modelregistry.domain.model;

/** The sensor a model is trained for: non-blank, at most 128 characters, no control characters. */
public record SensorId(String value) {

    public SensorId {
        Identifiers.requireWellFormed("sensor_id", value);
    }

    public static SensorId of(String value) {
        return new SensorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
