package dev.modelregistry.domain.model;

/**
 * What a model's history entry records (R10): a change of its active version, or an event that
 * left the active version as it was ({@link #changesActiveVersion()} false: an alias set, moved or
 * removed, R13; a hold started, released or ended and a version that would have become active
 * during it, R14; a version archived or unarchived, R15). Whoever reads a history to tell which version was active
 * ({@link ActivationRecord#activeAt}, restore) skips the latter.
 */
public enum ActivationReason {
    /** A newly registered version won (or was the first). */
    REGISTERED(true),
    /** Someone promoted a version by hand. */
    PROMOTED(true),
    /** The active version was deleted (or archived, forced) and the best remaining one in elections took over. */
    REELECTED(true),
    /** The active version was taken over from a legacy registry. */
    MIGRATED(true),
    /**
     * The model's last version in elections was deleted (forced): no version is active any more
     * (the model keeps its archived versions, if any).
     */
    LAST_VERSION_DELETED(true),
    /** The entry's alias now names the entry's version (set, or moved from the version it named before). */
    ALIAS_SET(false),
    /** The entry's alias, which named the entry's version, was removed by hand. */
    ALIAS_REMOVED(false),
    /** The entry's alias went with the version it named (the entry's version), which was deleted or archived. */
    ALIAS_REMOVED_WITH_VERSION(false),
    /** The model's active version (the entry's version) is held from now on (R14). */
    HOLD_STARTED(false),
    /**
     * During a hold, the entry's version would have become active without it (R14): registered with
     * a winning score, or re-elected when the version that would have been active was deleted, or the
     * held version itself promoted again. A release makes the last such version active.
     */
    WOULD_HAVE_BECOME_ACTIVE(false),
    /** The hold on the entry's version (the active one) was released by hand (R14). */
    HOLD_RELEASED(false),
    /**
     * The hold ended because its version (the entry's version) was deleted, forced; the entry follows
     * the one that re-elected (or left no version active), its previous version is the active one now (R14).
     */
    HOLD_ENDED_WITH_VERSION(false),
    /** Right after {@link #HOLD_RELEASED}: the version that would have been active without the hold took over (R14). */
    RELEASE_REELECTED(true),
    /** The entry's version was archived (R15): it left the elections; the active version stays. */
    ARCHIVED(false),
    /** The entry's archived version was put back into the elections (R15); the active version stays. */
    UNARCHIVED(false);

    private final boolean changesActiveVersion;

    ActivationReason(boolean changesActiveVersion) {
        this.changesActiveVersion = changesActiveVersion;
    }

    /**
     * Whether an entry of this reason made its version the active one (or left none); false for
     * an entry recording an event beside the active version, whose {@code previousVersionId}
     * names the version active at the time, which stays active.
     */
    public boolean changesActiveVersion() {
        return changesActiveVersion;
    }
}
