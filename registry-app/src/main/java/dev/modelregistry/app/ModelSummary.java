package dev.modelregistry.app;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code listModels}.
 *
 * @param description the model's description; null when it has none
 * @param tags        the model's tag keys, in order
 * @param tagValues   the values of the keys that have one (a key not here has no value)
 * @param heldSince   since when the model's active version is held (R14); null when it is not held
 * @param versionCount  the model's versions that are not archived (R15)
 * @param archivedCount its archived versions, not counted in {@code versionCount}
 */
public record ModelSummary(String modelId, String sensorId, String modelType, String activeVersion,
                           int versionCount, Double bestScore, Instant createdAt, Instant updatedAt,
                           String description, List<String> tags, Map<String, String> tagValues,
                           Instant heldSince, int archivedCount) {

    public ModelSummary {
        tags = List.copyOf(tags);
        tagValues = Collections.unmodifiableMap(new LinkedHashMap<>(tagValues));
    }

    /** Whether the model's active version is held (R14). */
    public boolean isHeld() {
        return heldSince != null;
    }
}
