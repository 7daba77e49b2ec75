package dev.modelregistry.domain.model;

/** The sensor a model is trained for; well-formed by the identifier rule of {@code Identifiers} (README, "Identifiers"). */
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
