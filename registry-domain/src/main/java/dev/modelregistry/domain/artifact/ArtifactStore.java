package dev.modelregistry.domain.artifact;

import java.util.Collection;

/**
 * Port: the files behind a version's {@code model_path}.
 */
public interface ArtifactStore {

    /**
     * The form in which the registry stores a model path: absolute and canonical (every link
     * resolved, no {@code .}, {@code ..} or trailing separator), so it names the same files from
     * any working directory; a relative path is resolved against the store's base (for files, the
     * artifact root), never against the current folder.
     */
    String storedForm(String modelPath);

    /** Size and SHA-256 of the artifact (a file, or a folder hashed in a stable order); empty when absent. */
    ArtifactFingerprint fingerprint(String modelPath);

    /**
     * Removes the artifact at {@code modelPath} if, with symlinks resolved, it lies inside the
     * store's artifact root, is none of the registry's own files, and is not the same file
     * system object as, a folder containing, or something inside any of the
     * {@code stillReferenced} paths (the model paths of the versions that remain) (R8). Never
     * throws for a refused or failed removal: the outcome says what happened.
     */
    ArtifactRemoval remove(String modelPath, Collection<String> stillReferenced);
}
