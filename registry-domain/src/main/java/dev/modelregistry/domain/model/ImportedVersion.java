package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A version taken over from a legacy registry as it was recorded: its id, creation time and
 * score are kept, and it is imported whether or not it was validated.
 */
public record ImportedVersion(VersionId id, Instant createdAt, double recordedScore, VersionSpec spec) {

    public ImportedVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(spec, "spec");
    }
}
