package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a model's history, as the history holds it (R10): the aggregate's
 * {@link ActivationChange}, or a row a read model fetched. Most entries change the active
 * version; those whose {@link ActivationReason#changesActiveVersion()} is false record an event
 * beside it (an alias change, R13) and are skipped by the rules that read which version was
 * active. Those rules ({@link #inForceAt}, {@link #activeAt}) live here once, for both.
 */
public interface ActivationRecord {

    int sequenceNo();

    /** The version that became active; empty when the model was left without versions. */
    Optional<VersionId> versionId();

    Optional<VersionId> previousVersionId();

    ActivationReason reason();

    Optional<Double> score();

    Optional<Double> previousScore();

    Instant changedAt();

    /** The alias an alias entry set or removed (R13); empty for every other entry. */
    Optional<Alias> alias();

    /** Who made the change and why; empty for entries recorded without a note (and before notes existed). */
    Optional<ChangeNote> note();

    /**
     * The entry of {@code history} (oldest first) in force at {@code instant}: the last change of
     * the active version made at or before it.
     */
    static <T extends ActivationRecord> Optional<T> inForceAt(List<T> history, Instant instant) {
        T inForce = null;
        for (T change : history) {
            if (change.changedAt().isAfter(instant)) {
                break;
            }
            if (change.reason().changesActiveVersion()) {
                inForce = change;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /**
     * Which version was active at {@code instant} according to {@code history} (oldest first): a
     * version, none, or unknown when the instant lies before a history taken over from a
     * registry that kept none (its first change is not a registration).
     */
    static ActiveVersionAt activeAt(List<? extends ActivationRecord> history, Instant instant) {
        Optional<? extends ActivationRecord> inForce = inForceAt(history, instant);
        Optional<? extends ActivationRecord> first = history.stream()
                .filter(entry -> entry.reason().changesActiveVersion()).findFirst();
        if (inForce.isEmpty() && first.isPresent() && first.get().reason() != ActivationReason.REGISTERED) {
            return ActiveVersionAt.unknownBeforeMigration(first.get().changedAt());
        }
        return ActiveVersionAt.of(inForce.flatMap(ActivationRecord::versionId));
    }
}
