package dev.modelregistry.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training pipeline hands over to register a version. Build it with {@link #builder()};
 * the rules (validation gate, data hash, identifiers) are checked when it is registered.
 */
public record ModelRegistration(String sensorId, String modelType, Path modelPath,
                                Map<String, Object> trainingConfig, Map<String, Object> trainingMetrics,
                                Map<String, Object> validationMetrics, Double trainingTimeSeconds,
                                String dataHash, String dataSource, String dataStartDate, String dataEndDate,
                                Long numSamples, String description, List<String> tags) {

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder with the Python argument names in Java form. */
    public static final class Builder {
        private String sensorId;
        private String modelType;
        private Path modelPath;
        private Map<String, Object> trainingConfig = Map.of();
        private Map<String, Object> trainingMetrics = Map.of();
        private Map<String, Object> validationMetrics = Map.of();
        private Double trainingTimeSeconds;
        private String dataHash;
        private String dataSource;
        private String dataStartDate;
        private String dataEndDate;
        private Long numSamples;
        private String description;
        private List<String> tags = List.of();

        private Builder() {
        }

        public Builder sensorId(String sensorId) {
            this.sensorId = sensorId;
            return this;
        }

        public Builder modelType(String modelType) {
            this.modelType = modelType;
            return this;
        }

        public Builder modelPath(Path modelPath) {
            this.modelPath = modelPath;
            return this;
        }

        public Builder trainingConfig(Map<String, ?> trainingConfig) {
            this.trainingConfig = copy(trainingConfig);
            return this;
        }

        public Builder trainingMetrics(Map<String, ?> trainingMetrics) {
            this.trainingMetrics = copy(trainingMetrics);
            return this;
        }

        public Builder validationMetrics(Map<String, ?> validationMetrics) {
            this.validationMetrics = copy(validationMetrics);
            return this;
        }

        public Builder trainingTimeSeconds(double trainingTimeSeconds) {
            this.trainingTimeSeconds = trainingTimeSeconds;
            return this;
        }

        public Builder dataHash(String dataHash) {
            this.dataHash = dataHash;
            return this;
        }

        public Builder dataSource(String dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder dataStartDate(String dataStartDate) {
            this.dataStartDate = dataStartDate;
            return this;
        }

        public Builder dataEndDate(String dataEndDate) {
            this.dataEndDate = dataEndDate;
            return this;
        }

        public Builder numSamples(long numSamples) {
            this.numSamples = numSamples;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder tags(List<String> tags) {
            // nulls kept: the registration refuses them naming the tag (List.copyOf would throw a bare NPE)
            this.tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
            return this;
        }

        public ModelRegistration build() {
            return new ModelRegistration(sensorId, modelType, modelPath, trainingConfig, trainingMetrics,
                    validationMetrics, trainingTimeSeconds, dataHash, dataSource, dataStartDate, dataEndDate,
                    numSamples, description, tags);
        }

        private static Map<String, Object> copy(Map<String, ?> source) {
            return source == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
        }
    }
}
