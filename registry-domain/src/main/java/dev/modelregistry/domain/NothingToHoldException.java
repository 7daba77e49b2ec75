package dev.modelregistry.domain;

/** A hold was asked for a model without versions: it has no active version to hold (R14). */
public class NothingToHoldException extends RegistryException {

    private final String modelId;

    public NothingToHoldException(String modelId) {
        super("model " + modelId + " has no versions, so no active version to hold");
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
