package dev.modelregistry.domain;

/** A version id that already exists in the registry. */
public class DuplicateVersionException extends RegistryException {

    private final String versionId;

    public DuplicateVersionException(String versionId) {
        super("version " + versionId + " already exists");
        this.versionId = versionId;
    }

    public String versionId() {
        return versionId;
    }
}
