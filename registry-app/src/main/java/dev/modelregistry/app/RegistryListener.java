package dev.modelregistry.app;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import java.time.Duration;

/**
 * What a host observes of a {@link ModelRegistry} (metrics, traces, logs), attached with
 * {@link ModelRegistry#addListener}. Every method does nothing by default, so a listener
 * overrides only what it needs.
 *
 * <p>Invariants: a listener is called on the thread of the call it hears about, after the
 * call's outcome is known (a write after its commit), once per call; a listener that throws is
 * logged (SLF4J, WARN, logger {@code dev.modelregistry.app.RegistryListener}) and never changes
 * the call's outcome nor keeps the other listeners from hearing it. Listeners should be quick:
 * the caller waits for them ({@link #committedTogether} even holds up the other callers of its
 * batch).
 */
public interface RegistryListener {

    /** Hears nothing. */
    RegistryListener NONE = new RegistryListener() {
    };

    /** A version was registered and committed; {@code took}: the whole call, fingerprinting the artifact included. */
    default void registered(String versionId, String sensorId, String modelType, Duration took) {
    }

    /**
     * A write through this registry changed the model's active version (committed): a registered
     * version won ({@link ActivationReason#REGISTERED}), a promotion ({@code PROMOTED}), a forced
     * deletion of the active version ({@code REELECTED}, or {@code LAST_VERSION_DELETED} with a
     * null {@code versionId}). Changes by other processes arrive through
     * {@link ModelRegistry#onActivationChange} instead. The registry calls
     * {@link #activated(String, String, String, ActivationReason, ChangeNote)}, which calls this one
     * unless overridden.
     */
    default void activated(String sensorId, String modelType, String versionId, ActivationReason reason) {
    }

    /**
     * {@link #activated(String, String, String, ActivationReason)} with who made the change and why:
     * the note its history entry carries (README, "Who and why"), the default note of the registry
     * for a promotion, delete, archive, unarchive or release made without one; null for a
     * registration ({@code REGISTERED} entries carry no note). By default it calls the four-argument
     * method, so a listener that overrides only that one hears every activation as before.
     */
    default void activated(String sensorId, String modelType, String versionId, ActivationReason reason,
                           ChangeNote note) {
        activated(sensorId, modelType, versionId, reason);
    }

    /**
     * A lookup of the active model answered ({@code lookup.isLookup()}: {@code getActiveModelVersion},
     * {@code getActiveModel} or {@code resolve}); {@code found}: whether it found an active version.
     */
    default void lookedUp(RegistryOperation lookup, boolean found, Duration took) {
    }

    /** A call failed with {@code failure} (a {@link dev.modelregistry.domain.RegistryException} or any other runtime exception), which its caller gets as well. */
    default void failed(RegistryOperation operation, RuntimeException failure, Duration took) {
    }

    /**
     * The group commit ran {@code calls} write calls (of any threads of this process) in one
     * transaction; registries without group commit never call it.
     */
    default void committedTogether(int calls) {
    }
}
