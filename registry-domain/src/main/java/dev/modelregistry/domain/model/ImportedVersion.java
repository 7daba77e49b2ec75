package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.time.Instant;
import java.util.Objects;

/**
 * A version taken over from a legacy registry as it was recorded: its id, creation time and
 * score are kept, and it is imported whether or not it was validated (M4, docs/rules.md).
 *
 * <p>Invariants: the sensor id, model type and version id are well-formed (R1), the recorded
 * score is a finite number (the databases cannot store anything else), the spec is well-formed.
 * {@link #of(RecordedVersion)} is the one way legacy data enters the domain: whatever it
 * accepts, {@link Model#importVersions} accepts.
 */
public record ImportedVersion(SensorId sensorId, ModelType modelType, VersionId id, Instant createdAt,
                              double recordedScore, VersionSpec spec) {

    public ImportedVersion {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(spec, "spec");
        if (!Double.isFinite(recordedScore)) {
            throw new InvalidVersionDataException("performance_score", recordedScore,
                    "must be a finite number (a recorded score the databases can store)");
        }
    }

    /**
     * Checks a recorded version and builds its import form; throws the domain's exception
     * ({@link dev.modelregistry.domain.RegistryException}) naming the first field it refuses.
     */
    public static ImportedVersion of(RecordedVersion recorded) {
        SensorId sensorId = SensorId.of(recorded.sensorId());
        ModelType modelType = ModelType.of(recorded.modelType());
        VersionId versionId = VersionId.of(recorded.versionId());
        if (recorded.createdAt() == null) {
            throw new InvalidVersionDataException("created_at", null, "must be a date-time");
        }
        DataLineage lineage = recorded.dataHash() == null ? null : DataLineage.ofHash(recorded.dataHash());
        VersionSpec spec = new VersionSpec(recorded.modelPath(), Attributes.of(recorded.trainingConfig()),
                Attributes.of(recorded.trainingMetrics()), Attributes.of(recorded.validationMetrics()),
                recorded.modelSizeBytes(), recorded.trainingTimeSeconds(), recorded.modelHash(), recorded.description(),
                Tags.of(recorded.tags()), lineage);
        return new ImportedVersion(sensorId, modelType, versionId, recorded.createdAt(), recorded.performanceScore(), spec);
    }

    /** The id of the model this version belongs to (R1). */
    public ModelId modelId() {
        return ModelId.of(sensorId, modelType);
    }

    /** Whether it passes the validation gate (R2); unvalidated versions are imported too, and counted. */
    public boolean validated() {
        return ValidationGate.passes(spec.validationMetrics());
    }
}
