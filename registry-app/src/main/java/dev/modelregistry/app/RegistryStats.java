package dev.modelregistry.app;

import java.time.Instant;
import java.util.Map;

/**
 * Counts over the whole registry (the Python {@code get_registry_stats}). The version figures
 * count every stored version, archived ones (R15) too; {@code archivedVersions} says how many are.
 */
public record RegistryStats(long totalModels, long totalVersions, long activeVersions,
                            Map<String, Long> modelsByType, Map<String, Long> versionsByType,
                            Double averagePerformanceScore, Instant newestVersionAt, String location,
                            long archivedVersions) {

    /**
     * Models left without versions in elections (their last one was deleted; archived versions
     * may remain): every model with versions in elections has exactly one active version, so
     * these are the models without an active one.
     */
    public long modelsWithoutVersions() {
        return totalModels - activeVersions;
    }
}
