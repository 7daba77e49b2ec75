package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One recorded change of a model's active version, as the history holds it (R10): the
 * aggregate's {@link ActivationChange}, or a row a read model fetched. The rule that reads a
 * history ({@link #inForceAt}, {@link #activeAt}) lives here once, for both.
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

    /** The entry of {@code history} (oldest first) in force at {@code instant}: the last change made at or before it. */
    static <T extends ActivationRecord> Optional<T> inForceAt(List<T> history, Instant instant) {
        T inForce = null;
        for (T change : history) {
            if (change.changedAt().isAfter(instant)) {
                break;
            }
            inForce = change;
        }
        return Optional.ofNullable(inForce);
    }

    /**
     * Which version was active at {@code instant} according to {@code history} (oldest first): a
     * version, none, or unknown when the instant lies before a history taken over from a
     * registry that kept none (its first entry is not a registration).
     */
    static ActiveVersionAt activeAt(List<? extends ActivationRecord> history, Instant instant) {
        Optional<? extends ActivationRecord> inForce = inForceAt(history, instant);
        if (inForce.isEmpty() && !history.isEmpty() && history.get(0).reason() != ActivationReason.REGISTERED) {
            return ActiveVersionAt.unknownBeforeMigration(history.get(0).changedAt());
        }
        return ActiveVersionAt.of(inForce.flatMap(ActivationRecord::versionId));
    }
}
