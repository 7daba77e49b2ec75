package dev.modelregistry.app;

import java.time.Instant;

/** One line of {@code listModels}. */
public record ModelSummary(String modelId, String sensorId, String modelType, String activeVersion,
                           int versionCount, Double bestScore, Instant createdAt, Instant updatedAt) {
}
