package dev.modelregistry.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * The hold a history leaves (R14): its entries replayed oldest first. {@code HOLD_STARTED} holds
 * the active version; during the hold {@code WOULD_HAVE_BECOME_ACTIVE} names the version that
 * would be active without it, and every change of the active version (a promotion, the
 * re-election after a forced delete) makes the new active version that one again;
 * {@code HOLD_RELEASED} and {@code HOLD_ENDED_WITH_VERSION} end it. The one reading of hold
 * entries: a model's hold is always what its history replays to, and {@link Model#restore} takes
 * a restored model's hold from it.
 */
public final class HoldReplay {

    private HoldReplay() {
    }

    /**
     * The hold after {@code history} (oldest first); empty when none is in place.
     *
     * @throws IllegalArgumentException naming the entry when a hold entry does not fit: a hold
     *                                  started while one is in place or without an active version, a
     *                                  hold entry without a hold, a release re-election that does not
     *                                  follow a release
     */
    public static Optional<Hold> of(List<? extends ActivationRecord> history) {
        Hold hold = null;
        VersionId active = null;
        ActivationReason previous = null;
        for (ActivationRecord entry : history) {
            ActivationReason reason = entry.reason();
            if (reason == ActivationReason.RELEASE_REELECTED && previous != ActivationReason.HOLD_RELEASED) {
                throw misplaced(entry, "does not follow a HOLD_RELEASED entry");
            }
            if (reason.changesActiveVersion()) {
                active = entry.versionId().orElse(null);
                hold = hold == null || active == null ? hold : new Hold(active, hold.since(), active);
            } else if (reason == ActivationReason.HOLD_STARTED) {
                if (hold != null || active == null) {
                    throw misplaced(entry, hold != null ? "starts a hold while one is in place" : "holds no active version");
                }
                hold = new Hold(active, entry.changedAt(), active);
            } else if (reason == ActivationReason.WOULD_HAVE_BECOME_ACTIVE
                    || reason == ActivationReason.HOLD_RELEASED || reason == ActivationReason.HOLD_ENDED_WITH_VERSION) {
                if (hold == null) {
                    throw misplaced(entry, "needs a hold, and none is in place");
                }
                hold = reason == ActivationReason.WOULD_HAVE_BECOME_ACTIVE
                        ? new Hold(hold.heldVersion(), hold.since(), entry.versionId().orElseThrow(
                                () -> misplaced(entry, "names no version")))
                        : null;
            }
            previous = reason;
        }
        return Optional.ofNullable(hold);
    }

    private static IllegalArgumentException misplaced(ActivationRecord entry, String problem) {
        return new IllegalArgumentException("history entry #" + entry.sequenceNo() + " (" + entry.reason() + ") " + problem);
    }
}
