package dev.modelregistry.domain;

/** No model with this id (or sensor and type) exists in the registry. */
public class ModelNotFoundException extends RegistryException {

    private final String modelId;

    public ModelNotFoundException(String modelId) {
        super("model " + modelId + " not found");
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
