package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A read-only summary of one model for listings, computed by the read side without loading the
 * model's versions: with the model's own description and tags, and since when its active version
 * is held (R14; empty when it is not held).
 *
 * @param versionCount  the versions in elections (not archived, R15)
 * @param archivedCount the archived versions, not counted in {@code versionCount}
 */
public record ModelOverview(ModelId modelId, SensorId sensorId, ModelType modelType,
                            Optional<VersionId> activeVersion, long versionCount, Optional<Double> bestScore,
                            Instant createdAt, Instant updatedAt, Optional<String> description, Tags tags,
                            Optional<Instant> heldSince, long archivedCount) {

    /** A model without description, tags, hold and archived versions. */
    public ModelOverview(ModelId modelId, SensorId sensorId, ModelType modelType, Optional<VersionId> activeVersion,
                         long versionCount, Optional<Double> bestScore, Instant createdAt, Instant updatedAt) {
        this(modelId, sensorId, modelType, activeVersion, versionCount, bestScore, createdAt, updatedAt,
                Optional.empty(), Tags.none(), Optional.empty(), 0);
    }
}
