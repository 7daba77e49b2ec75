package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.time.Instant;
import java.util.Objects;

/**
 * A version handed back whole, as a registry recorded it (from an export): its id, creation
 * time, score and active flag are kept, validated or not. Whether it fits its model (one active
 * version, the model's choice) is {@link Model#restore}'s decision.
 *
 * @param dataHash           the version's data hash; equal to the lineage's when there is one,
 *                           and well-formed (R3) when there is none (databases written by the
 *                           Python registry have versions with a hash and no lineage row)
 * @param lineageRecordedAt  when the lineage was recorded; only with a lineage, may be null
 * @param archivedAt         when the version was archived (R15); null when it is not (and in
 *                           exports written before archiving existed)
 */
public record RestoredVersion(VersionId id, Instant createdAt, double performanceScore, boolean active,
                              String dataHash, VersionSpec spec, Instant lineageRecordedAt, Instant archivedAt) {

    public RestoredVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(spec, "spec");
        DataLineage lineage = spec.lineage();
        if (lineage != null && !lineage.dataHash().equals(dataHash)) {
            throw new InvalidVersionDataException("data_hash", dataHash,
                    "must equal the lineage's data hash " + lineage.dataHash() + " (version " + id + ")");
        }
        if (lineage == null && dataHash != null) {
            DataLineage.ofHash(dataHash); // the same rule as every data hash
        }
        if (lineage == null && lineageRecordedAt != null) {
            throw new InvalidVersionDataException("lineage.recorded_at", lineageRecordedAt,
                    "needs a lineage (version " + id + ")");
        }
    }

    public static RestoredVersion of(VersionId id, Instant createdAt, double performanceScore, boolean active,
                                     String dataHash, VersionSpec spec, Instant lineageRecordedAt) {
        return of(id, createdAt, performanceScore, active, dataHash, spec, lineageRecordedAt, null);
    }

    public static RestoredVersion of(VersionId id, Instant createdAt, double performanceScore, boolean active,
                                     String dataHash, VersionSpec spec, Instant lineageRecordedAt,
                                     Instant archivedAt) {
        return new RestoredVersion(id, createdAt, performanceScore, active, dataHash, spec, lineageRecordedAt,
                archivedAt);
    }
}
