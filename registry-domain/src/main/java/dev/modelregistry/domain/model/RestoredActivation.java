package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a model's activation history handed back whole (from an export), as recorded:
 * the version may since have been deleted. A score comes only with a version (it may be unknown:
 * histories that the Python registry's adoption wrote lack some).
 * Whether the entries follow each other is {@link Model#restore}'s decision.
 *
 * @param versionId         the version that became active; null when none remained
 * @param previousVersionId the version it replaced; null for the first entry
 * @param alias             the alias of an alias entry (R13: an {@code ALIAS_*} reason, which also
 *                          needs the version the alias named); null for every other entry, and
 *                          for alias entries of exports that did not carry it (then replayed as none)
 * @param note              who made the change and why; null for entries without one (and in
 *                          exports written before notes existed)
 */
public record RestoredActivation(int sequenceNo, VersionId versionId, VersionId previousVersionId,
                                 ActivationReason reason, Double score, Double previousScore, Instant changedAt,
                                 Alias alias, ChangeNote note) {

    public RestoredActivation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedAt, "changedAt");
        if (alias != null && (reason.changesActiveVersion() || versionId == null)) {
            throw new InvalidVersionDataException("history[" + sequenceNo + "].alias", alias.value(),
                    "belongs to an alias entry (reason ALIAS_*) with a version_id, not to " + reason);
        }
        if (versionId == null && !reason.changesActiveVersion()) {
            throw new InvalidVersionDataException("history[" + sequenceNo + "].version_id", null,
                    "is required for a " + reason + " entry (it names the version the entry is about)");
        }
        if (versionId == null && score != null) {
            throw new InvalidVersionDataException("history[" + sequenceNo + "].score", score,
                    "needs a version_id (no version became active)");
        }
        if (previousVersionId == null && previousScore != null) {
            throw new InvalidVersionDataException("history[" + sequenceNo + "].previous_score", previousScore,
                    "needs a previous_version_id (no version was active before)");
        }
    }

    public static RestoredActivation of(int sequenceNo, VersionId versionId, VersionId previousVersionId,
                                        ActivationReason reason, Double score, Double previousScore,
                                        Instant changedAt) {
        return of(sequenceNo, versionId, previousVersionId, reason, score, previousScore, changedAt, null);
    }

    public static RestoredActivation of(int sequenceNo, VersionId versionId, VersionId previousVersionId,
                                        ActivationReason reason, Double score, Double previousScore,
                                        Instant changedAt, Alias alias) {
        return of(sequenceNo, versionId, previousVersionId, reason, score, previousScore, changedAt, alias, null);
    }

    public static RestoredActivation of(int sequenceNo, VersionId versionId, VersionId previousVersionId,
                                        ActivationReason reason, Double score, Double previousScore,
                                        Instant changedAt, Alias alias, ChangeNote note) {
        return new RestoredActivation(sequenceNo, versionId, previousVersionId, reason, score, previousScore,
                changedAt, alias, note);
    }
}
