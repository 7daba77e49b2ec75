package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Counts over the whole registry.
 *
 * @param totalModels       number of models
 * @param totalVersions     number of versions stored, the archived ones (R15) included
 * @param activeVersions    number of versions flagged active (equals the models with versions in
 *                          elections)
 * @param modelsByType      models per model type, ordered by type
 * @param versionsByType    versions per model type, ordered by type
 * @param averageScore      mean performance score over all versions, empty without versions
 * @param newestVersionAt   creation time of the newest version, empty without versions
 * @param archivedVersions  number of archived versions (R15), counted in {@code totalVersions}
 *                          and the per-type and mean figures too
 */
public record RegistryStatistics(long totalModels, long totalVersions, long activeVersions,
                                 Map<String, Long> modelsByType, Map<String, Long> versionsByType,
                                 Optional<Double> averageScore, Optional<Instant> newestVersionAt,
                                 long archivedVersions) {

    public RegistryStatistics {
        modelsByType = Map.copyOf(modelsByType);
        versionsByType = Map.copyOf(versionsByType);
    }
}
