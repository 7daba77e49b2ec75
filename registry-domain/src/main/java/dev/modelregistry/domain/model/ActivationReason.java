package dev.modelregistry.domain.model;

/** Why a model's active version changed (R10). */
public enum ActivationReason {
    /** A newly registered version won (or was the first). */
    REGISTERED,
    /** Someone promoted a version by hand. */
    PROMOTED,
    /** The active version was deleted and the best remaining one took over. */
    REELECTED,
    /** The active version was taken over from a legacy registry. */
    MIGRATED,
    /** The model's last version was deleted (forced): no version is active any more. */
    LAST_VERSION_DELETED
}
