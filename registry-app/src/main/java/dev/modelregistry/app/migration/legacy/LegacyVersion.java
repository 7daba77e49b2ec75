package dev.modelregistry.app.migration.legacy;

import dev.modelregistry.domain.model.RecordedVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version as its metadata file records it, checked against models_index.json (same ids)
 * but not judged: whether the domain accepts it is {@code ImportedVersion.of}'s decision.
 *
 * <p>The three maps keep the file's key order, nested objects (as ordered maps) and arrays
 * (as lists), integers as Integer/Long/BigInteger, decimals as Double ({@code NaN} and
 * {@code Infinity} included) and JSON null as null. They, and {@link #tags()}, are unmodifiable.
 *
 * @param versionId           metadata {@code version} (equal to the index's version_id)
 * @param modelId             metadata {@code model_id} (equal to the index's key)
 * @param sensorId            metadata {@code sensor_id}
 * @param modelType           metadata {@code model_type}
 * @param createdAt           {@code created_at}: naive local isoformat read in the legacy zone
 *                            (an explicit offset, if a file has one, wins); microseconds kept
 * @param trainingConfig      {@code training_config} (empty when missing or null)
 * @param trainingMetrics     {@code training_metrics} (empty when missing or null)
 * @param validationMetrics   {@code validation_metrics} (empty when missing or null)
 * @param modelSizeBytes      {@code model_size_bytes}, 0 when missing or null
 * @param trainingTimeSeconds {@code training_time_seconds}, null when missing or null
 * @param dataHash            {@code data_hash} (a placeholder in legacy files), may be null
 * @param modelHash           {@code model_hash}, may be null
 * @param description         {@code description}, may be null
 * @param tags                {@code tags}, empty when missing or null
 * @param performanceScore    {@code performance_score} exactly as recorded (NaN possible)
 * @param modelPath           metadata {@code model_path} when present, else
 *                            {@code <modelsRoot>/<model_type>/<sensor_id>}
 * @param sourceFile          the metadata file this was read from
 */
public record LegacyVersion(
        String versionId,
        String modelId,
        String sensorId,
        String modelType,
        Instant createdAt,
        Map<String, Object> trainingConfig,
        Map<String, Object> trainingMetrics,
        Map<String, Object> validationMetrics,
        long modelSizeBytes,
        Double trainingTimeSeconds,
        String dataHash,
        String modelHash,
        String description,
        List<String> tags,
        double performanceScore,
        String modelPath,
        Path sourceFile) {

    public LegacyVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modelPath, "modelPath");
        Objects.requireNonNull(sourceFile, "sourceFile");
        trainingConfig = JsonObjectMap.immutableCopy(trainingConfig);
        trainingMetrics = JsonObjectMap.immutableCopy(trainingMetrics);
        validationMetrics = JsonObjectMap.immutableCopy(validationMetrics);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The raw record the domain checks and imports ({@code ImportedVersion.of}); the reader judges nothing. */
    public RecordedVersion recorded() {
        return new RecordedVersion(sensorId, modelType, versionId, createdAt, performanceScore, modelPath, trainingConfig,
                trainingMetrics, validationMetrics, modelSizeBytes, trainingTimeSeconds, dataHash, modelHash, description,
                tags);
    }
}
