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
        REMOVED,
        NOT_FOUND,
        KEPT_SHARED,
        REFUSED_OUTSIDE_ROOT,
        FAILED
    }

    public boolean removed() {
        return outcome == Outcome.REMOVED;
    }
}
