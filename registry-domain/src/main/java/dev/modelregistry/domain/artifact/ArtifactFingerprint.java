package dev.modelregistry.domain.artifact;

/**
 * Size in bytes and SHA-256 (lowercase hex) of an artifact; {@link #ABSENT} for a path that
 * does not exist yet.
 */
public record ArtifactFingerprint(long sizeBytes, String sha256) {

    public static final ArtifactFingerprint ABSENT = new ArtifactFingerprint(0, "");
}
