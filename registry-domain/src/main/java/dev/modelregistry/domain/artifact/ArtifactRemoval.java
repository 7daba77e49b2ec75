package dev.modelregistry.domain.artifact;

/**
 * What happened to a version's artifact when its files were to be removed (R8).
 *
 * @param modelPath the path asked for
 * @param outcome   what was done
 * @param detail    a sentence for the operator (why it was kept, or the I/O error)
 */
public record ArtifactRemoval(String modelPath, Outcome outcome, String detail) {

    public enum Outcome {
        /** The files were deleted. */
        REMOVED,
        /** Nothing exists at the path. */
        NOT_FOUND,
        /** Kept: the same file system object, a folder containing it or one inside it is still another version's artifact. */
        KEPT_SHARED,
        /** Refused: the real path is not strictly inside the artifact root. */
        REFUSED_OUTSIDE_ROOT,
        /** Refused: the path is, contains or lies inside something the registry itself needs (its database, a legacy registry or backup, the artifact root). */
        REFUSED_PROTECTED,
        /** An I/O error; the detail names it. */
        FAILED
    }

    public boolean removed() {
        return outcome == Outcome.REMOVED;
    }

    /** Whether the store refused to delete (outside the root, or protected): nothing was touched. */
    public boolean refused() {
        return outcome == Outcome.REFUSED_OUTSIDE_ROOT || outcome == Outcome.REFUSED_PROTECTED;
    }
}
