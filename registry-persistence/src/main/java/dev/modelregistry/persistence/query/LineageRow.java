package dev.modelregistry.persistence.query;

import java.time.Instant;

/** A version's {@code data_lineage} row. */
public record LineageRow(String versionId, String dataHash, String dataSource, String dataStartDate,
                         String dataEndDate, Long numSamples, Instant recordedAt) {
}
