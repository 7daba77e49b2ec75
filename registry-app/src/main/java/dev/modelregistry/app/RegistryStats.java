package dev.modelregistry.app;

import java.time.Instant;
import java.util.Map;

/** Counts over the whole registry (the Python {@code get_registry_stats}). */
public record RegistryStats(long totalModels, long totalVersions, long activeVersions,
                            Map<String, Long> modelsByType, Map<String, Long> versionsByType,
                            Double averagePerformanceScore, Instant newestVersionAt, String location) {
}
