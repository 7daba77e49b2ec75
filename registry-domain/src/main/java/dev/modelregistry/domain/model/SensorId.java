package dev.modelregistry.domain.model;

/** The sensor a model is trained for; well-formed by the identifier rule of {@code Identifiers} (README, "Identifiers"). */
public record SensorId(String value) {

    /** A stored id: checked by the storable rule only, so ids stored by earlier releases stay readable. */
    public SensorId {
        Identifiers.requireStorable("sensor_id", value);
    }

    /** An id from outside (registration, lookups, migration, import): checked by the full identifier rule. */
    public static SensorId of(String value) {
        return new SensorId(Identifiers.requireWellFormed("sensor_id", value));
    }

    @Override
    public String toString() {
        return value;
    }
}
