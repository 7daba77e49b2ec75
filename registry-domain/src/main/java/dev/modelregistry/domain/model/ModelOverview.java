package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A read-only summary of one model for listings, computed by the read side without loading the
 * model's versions.
 */
public record ModelOverview(ModelId modelId, SensorId sensorId, ModelType modelType,
                            Optional<VersionId> activeVersion, long versionCount, Optional<Double> bestScore,
                            Instant createdAt, Instant updatedAt) {
}
