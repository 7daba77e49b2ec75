package dev.modelregistry.domain;

/**
 * A model handed back to the registry whole (restored from an export) whose parts contradict
 * each other: an active version that is not among its versions, a version flagged active that
 * is not the model's choice, a history whose entries do not follow each other.
 */
public class InconsistentModelException extends RegistryException {

    private final String modelId;

    public InconsistentModelException(String modelId, String reason) {
        super("model " + modelId + " is inconsistent: " + reason);
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
