package dev.modelregistry.spring;

import dev.modelregistry.app.RegistryListener;
import dev.modelregistry.app.RegistryOperation;
import dev.modelregistry.domain.model.ActivationReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The registry's Micrometer meters, recorded by a {@link RegistryListener} (README, "Spring
 * Boot", metrics): {@value #REGISTRATIONS} (timer), {@value #ACTIVATIONS} (counter, tag
 * {@code reason}), {@value #LOOKUPS} (timer, tags {@code operation}, {@code found}),
 * {@value #FAILURES} (counter, tags {@code operation}, {@code exception}: the simple class name)
 * and {@value #BATCH_SIZE} (distribution summary of the calls per group commit). Every tag has
 * few values: no sensor, model or version ids, and no part of an activation's change note (actor,
 * reason, reference: it arrives with {@link RegistryListener#activated(String, String, String,
 * ActivationReason, dev.modelregistry.domain.model.ChangeNote)} and is left out here; the starter's
 * application events, {@link dev.modelregistry.app.ActivationEvent#note()}, carry it).
 */
public final class RegistryMetrics implements RegistryListener {

    public static final String REGISTRATIONS = "registry.registrations";
    public static final String ACTIVATIONS = "registry.activations";
    public static final String LOOKUPS = "registry.lookups";
    public static final String FAILURES = "registry.failures";
    public static final String BATCH_SIZE = "registry.commit.batch.size";

    private final MeterRegistry meters;
    private final Timer registrations;
    private final DistributionSummary batchSizes;

    public RegistryMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.registrations = Timer.builder(REGISTRATIONS).description("versions registered, with the time each call took")
                .register(meters);
        this.batchSizes = DistributionSummary.builder(BATCH_SIZE).baseUnit("calls")
                .description("write calls committed together by one group commit").register(meters);
    }

    @Override
    public void registered(String versionId, String sensorId, String modelType, Duration took) {
        registrations.record(took);
    }

    @Override
    public void activated(String sensorId, String modelType, String versionId, ActivationReason reason) {
        Counter.builder(ACTIVATIONS).description("changes of an active version made through this registry")
                .tag("reason", reason.name()).register(meters).increment();
    }

    @Override
    public void lookedUp(RegistryOperation lookup, boolean found, Duration took) {
        Timer.builder(LOOKUPS).description("lookups of a model's active version")
                .tag("operation", lookup.methodName()).tag("found", Boolean.toString(found))
                .register(meters).record(took);
    }

    @Override
    public void failed(RegistryOperation operation, RuntimeException failure, Duration took) {
        Counter.builder(FAILURES).description("calls of the registry that failed")
                .tag("operation", operation.methodName()).tag("exception", failure.getClass().getSimpleName())
                .register(meters).increment();
    }

    @Override
    public void committedTogether(int calls) {
        batchSizes.record(calls);
    }
}
