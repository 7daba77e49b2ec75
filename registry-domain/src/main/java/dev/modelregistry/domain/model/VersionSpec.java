package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidVersionDataException;

/**
 * Everything a training run reports about a new version, checked for well-formedness. Whether
 * it may be registered (validation gate, lineage) is the {@link Model}'s decision.
 *
 * @param modelPath           where the artifact lives (may not exist yet)
 * @param trainingConfig      hyper-parameters, never null
 * @param trainingMetrics     training metrics, never null
 * @param validationMetrics   validation metrics, never null; they decide the score
 * @param modelSizeBytes      size of the artifact, not negative
 * @param trainingTimeSeconds training duration, null or finite and not negative
 * @param modelHash           hash of the artifact, may be empty
 * @param description         free text, may be null, within the {@link ValueLimits} of a string
 * @param tags                labels, never null
 * @param lineage             the training data's lineage; required for new registrations (R3)
 */
public record VersionSpec(String modelPath, Attributes trainingConfig, Attributes trainingMetrics,
                          Attributes validationMetrics, long modelSizeBytes, Double trainingTimeSeconds,
                          String modelHash, String description, Tags tags, DataLineage lineage) {

    public VersionSpec {
        trainingConfig = trainingConfig == null ? Attributes.empty() : trainingConfig;
        trainingMetrics = trainingMetrics == null ? Attributes.empty() : trainingMetrics;
        validationMetrics = validationMetrics == null ? Attributes.empty() : validationMetrics;
        tags = tags == null ? Tags.none() : tags;
        ValueLimits.requireText("description", description);
        if (modelSizeBytes < 0) {
            throw new InvalidVersionDataException("model_size_bytes", modelSizeBytes, "must not be negative");
        }
        if (trainingTimeSeconds != null && (!Double.isFinite(trainingTimeSeconds) || trainingTimeSeconds < 0)) {
            throw new InvalidVersionDataException("training_time_seconds", trainingTimeSeconds,
                    "must be a finite number, not negative");
        }
    }
}
