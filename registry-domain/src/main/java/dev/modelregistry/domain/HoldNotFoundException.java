package dev.modelregistry.domain;

/** A release was asked for a model that is not held (R14). */
public class HoldNotFoundException extends RegistryException {

    private final String modelId;

    public HoldNotFoundException(String modelId) {
        super("model " + modelId + " is not held: there is no hold to release");
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
