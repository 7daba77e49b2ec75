package dev.modelregistry.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything recorded about one version (the Python {@code get_model_metadata}). Immutable. */
public record ModelVersionDetails(String versionId, String modelId, String sensorId, String modelType,
                                  Instant createdAt, Map<String, Object> trainingConfig,
                                  Map<String, Object> trainingMetrics, Map<String, Object> validationMetrics,
                                  long modelSizeBytes, Double trainingTimeSeconds, String dataHash, String modelHash,
                                  String modelPath, String description, List<String> tags, boolean isActive,
                                  double performanceScore) {
}
