package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a model's activation history handed back whole (from an export), as recorded:
 * the version may since have been deleted. A score comes with its version and only with it.
 * Whether the entries follow each other is {@link Model#restore}'s decision.
 *
 * @param versionId         the version that became active; null when none remained
 * @param previousVersionId the version it replaced; null for the first entry
 */
public record RestoredActivation(int sequenceNo, VersionId versionId, VersionId previousVersionId,
                                 ActivationReason reason, Double score, Double previousScore, Instant changedAt) {

    public RestoredActivation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedAt, "changedAt");
        if ((versionId == null) != (score == null)) {
            throw new InvalidVersionDataException("history[" + sequenceNo + "].score", score,
                    "must be given exactly when version_id is (" + versionId + ")");
        }
        if ((previousVersionId == null) != (previousScore == null)) {
            throw new InvalidVersionDataException("history[" + sequenceNo + "].previous_score", previousScore,
                    "must be given exactly when previous_version_id is (" + previousVersionId + ")");
        }
    }

    public static RestoredActivation of(int sequenceNo, VersionId versionId, VersionId previousVersionId,
                                        ActivationReason reason, Double score, Double previousScore,
                                        Instant changedAt) {
        return new RestoredActivation(sequenceNo, versionId, previousVersionId, reason, score, previousScore,
                changedAt);
    }
}
