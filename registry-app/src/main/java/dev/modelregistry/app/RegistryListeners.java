package dev.modelregistry.app;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RegistryListener}s of one registry and how they are told: each in the order it was
 * added, each failure of a listener logged and contained, so a call's outcome is its own. Without
 * listeners a call runs as it is, unmeasured.
 */
final class RegistryListeners {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryListener.class);

    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds the listener; closing the handle removes it. */
    AutoCloseable add(RegistryListener listener) {
        Objects.requireNonNull(listener, "listener must be given");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Runs the call, telling the listeners when it fails. */
    <T> T call(RegistryOperation operation, Supplier<T> call) {
        if (listeners.isEmpty()) {
            return call.get();
        }
        long started = System.nanoTime();
        try {
            return call.get();
        } catch (RuntimeException failure) {
            Duration took = since(started);
            tell(operation.methodName(), listener -> listener.failed(operation, failure, took));
            throw failure;
        }
    }

    void run(RegistryOperation operation, Runnable call) {
        call(operation, () -> {
            call.run();
            return null;
        });
    }

    /** Runs a lookup of the active model, telling the listeners what it found and how long it took (or how it failed). */
    <T> Optional<T> lookup(RegistryOperation lookup, Supplier<Optional<T>> call) {
        if (listeners.isEmpty()) {
            return call.get();
        }
        long started = System.nanoTime();
        Optional<T> found = call(lookup, call);
        Duration took = since(started);
        tell(lookup.methodName(), listener -> listener.lookedUp(lookup, found.isPresent(), took));
        return found;
    }

    /** @param started {@link System#nanoTime()} when the registration began */
    void registered(String versionId, String sensorId, String modelType, long started) {
        if (!listeners.isEmpty()) {
            Duration took = since(started);
            tell(RegistryOperation.REGISTER_MODEL.methodName(), listener -> listener.registered(versionId, sensorId, modelType, took));
        }
    }

    /** @param note the note the change's history entry carries; null for a registration */
    void activated(RegistryOperation by, String sensorId, String modelType, String versionId, ActivationReason reason,
                   ChangeNote note) {
        tell(by.methodName(), listener -> listener.activated(sensorId, modelType, versionId, reason, note));
    }

    /** For the unit of work's group commit ({@link dev.modelregistry.domain.model.UnitOfWork#observeCommits}): never throws. */
    void committedTogether(int calls) {
        tell("a group commit", listener -> listener.committedTogether(calls));
    }

    private void tell(String during, Consumer<RegistryListener> event) {
        for (RegistryListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException failure) {
                LOG.warn("registry listener {} failed on {} (the call's outcome is unchanged)", listener,
                        during, failure);
            }
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
