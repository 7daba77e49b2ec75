package dev.modelregistry.domain;

/** A new registration carries no data hash from the training pipeline (R3): nothing is ever generated in its place. */
public class MissingDataHashException extends InvalidLineageException {

    public MissingDataHashException(String modelId) {
        super("data_hash", null, "is required for new registrations of model " + modelId
                + " (pass the training pipeline's data hash; none is generated)");
    }
}
