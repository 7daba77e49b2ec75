package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;

import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Registers versions the way an application does (one unit of work each: load or create the
 * model, register, commit). Used by the concurrency test in threads and, through {@link #main},
 * in a second JVM: {@code java -cp <test classpath> dev.modelregistry.persistence.ConcurrentRegistrar
 * <registryDir> <sharedSensor> <ownSensor> <count>}; prints one registered version id a line.
 */
public final class ConcurrentRegistrar {

    private static final RandomVersionIdGenerator IDS = new RandomVersionIdGenerator();

    private ConcurrentRegistrar() {
    }

    public static VersionId registerOne(RegistryDatabase database, String sensor) {
        double anomalyRate = 0.01 + ThreadLocalRandom.current().nextInt(1000) / 10_000.0;
        VersionId id = IDS.nextId();
        return database.unitOfWork().execute(() -> {
            ModelId modelId = ModelId.of(SensorId.of(sensor), ModelType.of("telemanom"));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Model model = database.repository().findById(modelId).orElseGet(() -> {
                Model created = Model.create(SensorId.of(sensor), ModelType.of("telemanom"), now);
                database.repository().save(created);
                return created;
            });
            return model.register(id, aSpec(metricsWithAnomalyRate(anomalyRate)), SCORING, now).id();
        });
    }

    /** Alternates between the shared model and this worker's own one. */
    static List<VersionId> registerMany(RegistryDatabase database, String sharedSensor, String ownSensor, int count) {
        List<VersionId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(registerOne(database, i % 2 == 0 ? sharedSensor : ownSensor));
        }
        return ids;
    }

    public static void main(String[] args) {
        try (RegistryDatabase database = RegistryDatabase.openSqlite(Path.of(args[0]))) {
            for (VersionId id : registerMany(database, args[1], args[2], Integer.parseInt(args[3]))) {
                System.out.println("registered " + id.value());
            }
        }
    }
}
