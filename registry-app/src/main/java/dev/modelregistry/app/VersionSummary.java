package dev.modelregistry.app;

import java.time.Instant;

/** One line of {@code listVersions}. */
public record VersionSummary(String versionId, String modelId, Instant createdAt, double performanceScore,
                             boolean isActive, String modelPath) {
}
