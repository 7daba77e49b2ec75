package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry of a command test: a SQLite registry folder ({@link #dir}) holding one model
 * ({@code pump 7}, {@code transformer}) with two versions, {@link #active} (registered first,
 * active) and {@link #candidate}.
 */
abstract class TwoVersionsOfOneModel {

    static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    String dir;
    String active;
    String candidate;

    @BeforeEach
    void twoVersionsOfOneModel() {
        Path folder = tmp.resolve("registry_sqlite");
        dir = folder.toString();
        try (ModelRegistry registry = ModelRegistrySQLite.open(folder)) {
            active = registry.registerModel(registration(0.01).build());
            candidate = registry.registerModel(registration(0.05).build());
        }
    }

    /** The registration of each version; a test may add to it. */
    ModelRegistration.Builder registration(double anomalyRate) {
        return ModelRegistration.builder().sensorId("pump 7").modelType("transformer")
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("abc123");
    }
}
