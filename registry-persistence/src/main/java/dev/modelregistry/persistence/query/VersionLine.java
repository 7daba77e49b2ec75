package dev.modelregistry.persistence.query;

import java.time.Instant;

/**
 * One version in a listing: the columns a listing shows, no JSON read.
 *
 * @param archivedAt when the version was archived (R15); null when it is not
 */
public record VersionLine(String versionId, String modelId, Instant createdAt, double performanceScore,
                          boolean active, String modelPath, Instant archivedAt) {
}
