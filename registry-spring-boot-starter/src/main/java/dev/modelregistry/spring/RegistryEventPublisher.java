package dev.modelregistry.spring;

import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ModelRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes every change of an active version that the registry's change feed delivers (this
 * process's and other writers', in commit order, each once) as an {@link ActivationEvent}
 * application event, from the start of the application context to its stop. Events are
 * published on the feed's thread ({@code registry-activation-feed}): an {@code @EventListener}
 * that throws is logged by the feed and keeps receiving.
 */
public final class RegistryEventPublisher implements SmartLifecycle {

    private final ModelRegistry registry;
    private final ApplicationEventPublisher publisher;
    private volatile AutoCloseable subscription;

    public RegistryEventPublisher(ModelRegistry registry, ApplicationEventPublisher publisher) {
        this.registry = registry;
        this.publisher = publisher;
    }

    @Override
    public void start() {
        subscription = registry.onActivationChange(publisher::publishEvent);
    }

    @Override
    public void stop() {
        AutoCloseable running = subscription;
        subscription = null;
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the registry's change feed subscription", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
