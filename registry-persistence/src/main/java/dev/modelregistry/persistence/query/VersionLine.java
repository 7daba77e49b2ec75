package dev.modelregistry.persistence.query;

import java.time.Instant;

/** One version in a listing: the columns a listing shows, no JSON read. */
public record VersionLine(String versionId, String modelId, Instant createdAt, double performanceScore,
                          boolean active, String modelPath) {
}
