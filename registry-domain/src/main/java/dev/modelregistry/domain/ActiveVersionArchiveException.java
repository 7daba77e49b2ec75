package dev.modelregistry.domain;

/**
 * Archiving the active version of a model without forcing it, or when no other version of the
 * model is in elections to take over (R15): a model with versions in elections keeps exactly one
 * active version, never an archived one.
 */
public class ActiveVersionArchiveException extends RegistryException {

    private final String versionId;
    private final boolean lastInElections;

    public ActiveVersionArchiveException(String versionId, String modelId, boolean lastInElections) {
        super(lastInElections
                ? "version " + versionId + " is the active version of model " + modelId
                        + " and no other version of it is in elections (the others are archived, or there are none);"
                        + " it cannot be archived: register or unarchive another version first, or delete it"
                : "version " + versionId + " is the active version of model " + modelId
                        + "; promote another version first or force the archive");
        this.versionId = versionId;
        this.lastInElections = lastInElections;
    }

    public String versionId() {
        return versionId;
    }

    /** Whether no other version of the model is in elections, so even a forced archive is refused. */
    public boolean lastInElections() {
        return lastInElections;
    }
}
