package dev.modelregistry.sample;

import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** A service of the host using both: its own turbines and the registry's models for them. */
@Service
public class Fleet {

    private final Turbines turbines;
    private final ModelRegistry registry;
    private final List<ActivationEvent> activations = new CopyOnWriteArrayList<>();

    public Fleet(Turbines turbines, ModelRegistry registry) {
        this.turbines = turbines;
        this.registry = registry;
    }

    /** Adds a turbine and registers its first anomaly model; returns the version id. */
    public String commission(String turbineId, String sensorId, Path artifact) {
        turbines.save(new Turbine(turbineId, sensorId));
        return registry.registerModel(ModelRegistration.builder().sensorId(sensorId).modelType("telemanom")
                .modelPath(artifact).dataHash("sha256:" + turbineId)
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", 0.05)).build());
    }

    public Optional<ModelVersionDetails> activeModelOf(String turbineId) {
        return turbines.findById(turbineId)
                .flatMap(turbine -> registry.getActiveModel(turbine.sensorId(), "telemanom"));
    }

    @EventListener
    void onActivation(ActivationEvent event) {
        activations.add(event);
    }

    /** The activation changes heard so far, as the registry's change feed published them. */
    public List<ActivationEvent> activations() {
        return List.copyOf(activations);
    }
}
