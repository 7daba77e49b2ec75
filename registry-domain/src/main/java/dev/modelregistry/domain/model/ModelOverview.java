package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A read-only summary of one model for listings, computed by the read side without loading the
 * model's versions: with the model's own description and tags, and since when its active version
 * is held (R14; empty when it is not held).
 */
public record ModelOverview(ModelId modelId, SensorId sensorId, ModelType modelType,
                            Optional<VersionId> activeVersion, long versionCount, Optional<Double> bestScore,
                            Instant createdAt, Instant updatedAt, Optional<String> description, Tags tags,
                            Optional<Instant> heldSince) {

    /** A model without description, tags and hold. */
    public ModelOverview(ModelId modelId, SensorId sensorId, ModelType modelType, Optional<VersionId> activeVersion,
                         long versionCount, Optional<Double> bestScore, Instant createdAt, Instant updatedAt) {
        this(modelId, sensorId, modelType, activeVersion, versionCount, bestScore, createdAt, updatedAt,
                Optional.empty(), Tags.none(), Optional.empty());
    }
}
