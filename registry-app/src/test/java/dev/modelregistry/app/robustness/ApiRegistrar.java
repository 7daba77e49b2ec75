package dev.modelregistry.app.robustness;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers through the public API only: {@code ApiRegistrar REGISTRY_DIR SHARED_SENSOR OWN_SENSOR
 * COUNT} in a JVM of its own prints one registered version id a line.
 */
public final class ApiRegistrar {

    private ApiRegistrar() {
    }

    static ModelRegistration registration(String sensor) {
        return registration(sensor, null);
    }

    static ModelRegistration registration(String sensor, Path modelPath) {
        double anomalyRate = ThreadLocalRandom.current().nextInt(1, 1500) / 10_000.0;
        return ModelRegistration.builder().sensorId(sensor).modelType("telemanom").modelPath(modelPath)
                .trainingConfig(Map.of("epochs", 35)).trainingMetrics(Map.of("final_loss", 0.1))
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .trainingTimeSeconds(12.5).dataHash("hash-" + anomalyRate).dataSource("nasa_smap")
                .description("concurrency").tags(List.of("anomaly")).build();
    }

    /** Alternates between the shared model and this worker's own one. */
    static List<String> registerMany(ModelRegistry registry, String shared, String own, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(registry.registerModel(registration(i % 2 == 0 ? shared : own)));
        }
        return ids;
    }

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        try (ModelRegistry registry = ModelRegistrySQLite.open(Path.of(args[0]))) {
            for (String id : registerMany(registry, args[1], args[2], Integer.parseInt(args[3]))) {
                System.out.println("registered " + id);
            }
        }
    }
}
