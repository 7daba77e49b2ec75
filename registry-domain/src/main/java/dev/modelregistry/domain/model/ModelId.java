package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidIdentifierException;

/** Identity of a model: always {@code "{model_type}_{sensor_id}"} (R1). */
public record ModelId(String value) {

    public ModelId {
        if (value == null || value.isBlank()) {
            throw new InvalidIdentifierException("model_id", value, "must not be blank");
        }
    }

    public static ModelId of(SensorId sensorId, ModelType modelType) {
        return new ModelId(modelType.value() + "_" + sensorId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
