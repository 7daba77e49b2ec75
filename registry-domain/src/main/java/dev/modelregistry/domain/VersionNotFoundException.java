package dev.modelregistry.domain;

/** No version with this id exists in the registry (or in the model asked). */
public class VersionNotFoundException extends RegistryException {

    private final String versionId;

    public VersionNotFoundException(String versionId) {
        super("version " + versionId + " not found");
        this.versionId = versionId;
    }

    public String versionId() {
        return versionId;
    }
}
