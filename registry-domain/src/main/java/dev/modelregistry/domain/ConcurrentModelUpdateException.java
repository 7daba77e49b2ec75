package dev.modelregistry.domain;

/** Another writer changed the same model at the same time and the bounded retries did not resolve it. */
public class ConcurrentModelUpdateException extends RegistryException {

    private final String modelId;

    public ConcurrentModelUpdateException(String modelId, Throwable cause) {
        super("model " + modelId + " was changed concurrently by another writer; retries exhausted", cause);
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
