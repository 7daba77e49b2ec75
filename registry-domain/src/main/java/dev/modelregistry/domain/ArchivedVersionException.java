package dev.modelregistry.domain;

/**
 * An archived version was asked to take part in what only versions in elections may (R15): be
 * promoted or named by an alias. It must be unarchived first.
 */
public class ArchivedVersionException extends RegistryException {

    private final String versionId;

    public ArchivedVersionException(String versionId, String modelId, String refused) {
        super("version " + versionId + " of model " + modelId + " is archived: it cannot " + refused
                + " (unarchive it first)");
        this.versionId = versionId;
    }

    public String versionId() {
        return versionId;
    }
}
