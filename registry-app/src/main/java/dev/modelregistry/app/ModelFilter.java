package dev.modelregistry.app;

import java.util.Optional;

/**
 * Which models {@link ModelRegistry#listModels(ModelFilter)} lists: all, or only those of one
 * model type and/or one sensor. Values are checked like ids (a malformed one is an
 * {@link dev.modelregistry.domain.InvalidIdentifierException}).
 */
public record ModelFilter(Optional<String> modelType, Optional<String> sensorId) {

    public static ModelFilter all() {
        return new ModelFilter(Optional.empty(), Optional.empty());
    }

    /** Only models of this type; null means any type. */
    public ModelFilter type(String modelType) {
        return new ModelFilter(Optional.ofNullable(modelType), sensorId);
    }

    /** Only models of this sensor; null means any sensor. */
    public ModelFilter sensor(String sensorId) {
        return new ModelFilter(modelType, Optional.ofNullable(sensorId));
    }
}
