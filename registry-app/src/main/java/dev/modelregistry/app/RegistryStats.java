package dev.modelregistry.app;

import java.time.Instant;
import java.util.Map;

/** Counts over the whole registry (the Python {@code get_registry_stats}). */
public record RegistryStats(long totalModels, long totalVersions, long activeVersions,
                            Map<String, Long> modelsByType, Map<String, Long> versionsByType,
                            Double averagePerformanceScore, Instant newestVersionAt, String location) {

    /**
     * Models left without versions (their last version was deleted): every model with versions
     * has exactly one active version, so these are the models without an active one.
     */
    public long modelsWithoutVersions() {
        return totalModels - activeVersions;
    }
}
