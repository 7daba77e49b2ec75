package dev.modelregistry.spring;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.RegistryListener;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Adds every {@link RegistryListener} bean of the context (the starter's {@link RegistryMetrics}
 * and the host's own) to the {@link ModelRegistry} bean, whichever built it, once all singletons
 * exist; each in the context's order.
 */
final class RegistryListenerAttacher implements SmartInitializingSingleton {

    private final ModelRegistry registry;
    private final List<RegistryListener> listeners;

    RegistryListenerAttacher(ModelRegistry registry, List<RegistryListener> listeners) {
        this.registry = registry;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void afterSingletonsInstantiated() {
        listeners.forEach(registry::addListener);
    }
}
