package dev.modelregistry.app;

import java.time.Instant;

/** Where a version's training data came from (the Python {@code get_data_lineage}). */
public record DataLineageDetails(String versionId, String dataHash, String dataSource, String dataStartDate,
                                 String dataEndDate, Long numSamples, Instant recordedAt) {
}
