package dev.modelregistry.app;

import java.time.Instant;

/**
 * One line of {@code listVersions}.
 *
 * @param archivedAt when the version was archived (R15); null when it is not
 */
public record VersionSummary(String versionId, String modelId, Instant createdAt, double performanceScore,
                             boolean isActive, String modelPath, Instant archivedAt) {

    /** Whether the version is archived (R15): out of elections and of default listings. */
    public boolean isArchived() {
        return archivedAt != null;
    }
}
