package dev.modelregistry.domain;

/**
 * Deleting the active version of a model without forcing it (R7). When it is the model's only
 * version, or its other versions are all archived (R15: out of elections, so none can be
 * promoted), there is nothing to promote in its place, and the message says so.
 */
public class ActiveVersionDeletionException extends RegistryException {

    private final String versionId;
    private final boolean onlyVersion;

    /**
     * @param onlyVersion    whether it is the model's last version
     * @param othersArchived whether the model's other versions (there are some) are all archived
     */
    public ActiveVersionDeletionException(String versionId, String modelId, boolean onlyVersion,
                                          boolean othersArchived) {
        super(onlyVersion
                ? "version " + versionId + " is the only version of model " + modelId
                        + "; force the delete to remove it (the model then has no versions)"
                : othersArchived
                ? "version " + versionId + " is the active version of model " + modelId
                        + " and its other versions are archived; unarchive one and promote it first, or force the"
                        + " delete (the model is then without an active version until a version is registered or"
                        + " unarchived)"
                : "version " + versionId + " is the active version of model " + modelId
                        + "; promote another version first or force the delete");
        this.versionId = versionId;
        this.onlyVersion = onlyVersion;
    }

    public String versionId() {
        return versionId;
    }

    /** Whether the version is the model's last one (a forced delete leaves the model empty). */
    public boolean onlyVersion() {
        return onlyVersion;
    }
}
