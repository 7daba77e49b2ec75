package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A version exactly as a legacy registry recorded it, nothing checked yet: the raw material of
 * {@link ImportedVersion#of(RecordedVersion)}, the one way legacy data enters the domain.
 *
 * @param sensorId            the sensor as recorded
 * @param modelType           the model type as recorded
 * @param versionId           the version id as recorded
 * @param createdAt           the creation instant (legacy naive times already placed in their zone)
 * @param performanceScore    the score as recorded (possibly not finite)
 * @param modelPath           where the artifact lives, may be null
 * @param trainingConfig      may be null
 * @param trainingMetrics     may be null
 * @param validationMetrics   may be null
 * @param modelSizeBytes      as recorded
 * @param trainingTimeSeconds may be null
 * @param dataHash            the recorded data hash (a placeholder in legacy files), may be null
 * @param modelHash           may be null
 * @param description         may be null
 * @param tags                may be null
 */
public record RecordedVersion(String sensorId, String modelType, String versionId, Instant createdAt,
                              double performanceScore, String modelPath, Map<String, ?> trainingConfig,
                              Map<String, ?> trainingMetrics, Map<String, ?> validationMetrics, long modelSizeBytes,
                              Double trainingTimeSeconds, String dataHash, String modelHash, String description,
                              List<String> tags) {
}
