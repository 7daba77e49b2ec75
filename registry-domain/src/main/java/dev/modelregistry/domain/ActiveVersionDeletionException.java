package dev.modelregistry.domain;

/** Deleting the active version of a model without forcing it (R7). */
public class ActiveVersionDeletionException extends RegistryException {

    private final String versionId;

    public ActiveVersionDeletionException(String versionId) {
        super("version " + versionId + " is the active version of its model; promote another version first or force the delete");
        this.versionId = versionId;
    }

    public String versionId() {
        return versionId;
    }
}
