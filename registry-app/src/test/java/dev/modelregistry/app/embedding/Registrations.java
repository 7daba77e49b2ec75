package dev.modelregistry.app.embedding;

import dev.modelregistry.app.ModelRegistration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Registrations for the embedding tests. */
final class Registrations {

    private Registrations() {
    }

    static ModelRegistration of(String sensor, double r2) {
        return of(sensor, r2, null);
    }

    static ModelRegistration of(String sensor, double r2, Path modelPath) {
        return ModelRegistration.builder().sensorId(sensor).modelType("telemanom").modelPath(modelPath)
                .validationMetrics(Map.of("validation_performed", true, "r2_score", r2, "mape", 12.0))
                .dataHash("hash-" + sensor + "-" + r2).dataSource("nasa_smap").tags(List.of("anomaly")).build();
    }
}
