package dev.modelregistry.domain.model;

import dev.modelregistry.domain.scoring.ScoringPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small, readable test data: {@code aModel()}, {@code aVersionWithAnomalyRate(0.05)}. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2025-09-30T10:15:30.123456Z");
    public static final SensorId SENSOR = SensorId.of("sensor_001");
    public static final ModelType TELEMANOM = ModelType.of("telemanom");
    public static final ScoringPolicy SCORING = ScoringPolicy.defaults();

    private static int counter;

    private Fixtures() {
    }

    public static Model aModel() {
        return Model.create(SENSOR, TELEMANOM, T0);
    }

    public static Model aModel(String sensor, String type) {
        return Model.create(SensorId.of(sensor), ModelType.of(type), T0);
    }

    public static Instant at(int seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }

    public static synchronized VersionId nextVersionId() {
        counter++;
        return VersionId.of(String.format("v%011x", counter));
    }

    /**
     * Validated metrics with an anomaly rate: inside the default band [0.01, 0.1] the score is
     * {@code 0.8 + (0.1 - rate) / 0.09 * 0.2}, so a lower rate scores higher (0.01 gives 1.0).
     */
    public static Map<String, Object> metricsWithAnomalyRate(double rate) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validation_performed", true);
        metrics.put("anomaly_rate", rate);
        return metrics;
    }

    public static VersionSpec aSpec(Map<String, Object> validationMetrics) {
        return aSpec(validationMetrics, "data/models/telemanom/sensor_001");
    }

    public static VersionSpec aSpec(Map<String, Object> validationMetrics, String modelPath) {
        return new VersionSpec(modelPath, Attributes.of(Map.of("epochs", 10)),
                Attributes.of(Map.of("loss", 0.12)), Attributes.of(validationMetrics), 1024, 100.0,
                "abc123", "a test model", Tags.of(List.of("anomaly")),
                DataLineage.of("sha256-of-training-data", "nasa_smap", "2024-01-01", "2024-03-01", 10_000L));
    }

    /** A version of {@link #aModel()} as a legacy registry recorded it. */
    public static ImportedVersion anImported(String versionId, Instant createdAt, double recordedScore, VersionSpec spec) {
        return new ImportedVersion(SENSOR, TELEMANOM, VersionId.of(versionId), createdAt, recordedScore, spec);
    }

    public static VersionSpec aVersionWithAnomalyRate(double rate) {
        return aSpec(metricsWithAnomalyRate(rate));
    }

    /** Registers a validated version with this anomaly rate at {@code T0 + atSeconds}. */
    public static ModelVersion register(Model model, double anomalyRate, int atSeconds) {
        return model.register(nextVersionId(), aVersionWithAnomalyRate(anomalyRate), SCORING, at(atSeconds));
    }
}
