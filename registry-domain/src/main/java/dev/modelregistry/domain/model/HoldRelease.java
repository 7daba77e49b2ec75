package dev.modelregistry.domain.model;

/**
 * What a release of a hold did (R14): {@code heldVersion} was held; {@code activeVersion} is active
 * now, the version that would have been active without the hold.
 */
public record HoldRelease(VersionId heldVersion, VersionId activeVersion) {

    /** Whether the release changed the active version. */
    public boolean changed() {
        return !activeVersion.equals(heldVersion);
    }
}
