package dev.modelregistry.app;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything recorded about one version (the Python {@code get_model_metadata}). Immutable.
 *
 * @param unreadableFields the JSON fields ({@code training_config}, {@code training_metrics},
 *                         {@code validation_metrics}, {@code tags}) whose stored text could not
 *                         be read back (written by another program, or beyond the value limits);
 *                         they show as empty. Usually empty.
 * @param tags             the tag keys, in order (every tag the Python registry wrote is a key
 *                         without a value)
 * @param tagValues        the values of the tag keys that have one, in key order; a key of
 *                         {@code tags} not here has no value
 * @param dataLineage      where the training data came from; null when the version has no lineage
 * @param activeSince      when the version last became active; null when it is not the active
 *                         version (or the history does not record it)
 * @param aliases          the aliases that name the version besides {@code active}, in name order (R13)
 * @param heldSince        since when its model holds it (R14, README "Holds": it is the active version
 *                         and stays so until the hold is released); null when it is not held
 * @param archivedAt       when the version was archived (R15); null when it is not
 */
public record ModelVersionDetails(String versionId, String modelId, String sensorId, String modelType,
                                  Instant createdAt, Map<String, Object> trainingConfig,
                                  Map<String, Object> trainingMetrics, Map<String, Object> validationMetrics,
                                  long modelSizeBytes, Double trainingTimeSeconds, String dataHash, String modelHash,
                                  String modelPath, String description, List<String> tags, boolean isActive,
                                  double performanceScore, List<String> unreadableFields,
                                  DataLineageDetails dataLineage, Instant activeSince, List<String> aliases,
                                  Map<String, String> tagValues, Instant heldSince, Instant archivedAt) {

    public ModelVersionDetails {
        unreadableFields = List.copyOf(unreadableFields);
        aliases = List.copyOf(aliases);
        tagValues = Collections.unmodifiableMap(new LinkedHashMap<>(tagValues));
    }

    /** Whether its model holds it (R14): {@code heldSince} is set. */
    public boolean isHeld() {
        return heldSince != null;
    }

    /** Whether the version is archived (R15): kept, but out of elections and of default listings. */
    public boolean isArchived() {
        return archivedAt != null;
    }

    /** Whether the stored text of this JSON field ({@code training_config}, ..., {@code tags}) could not be read. */
    public boolean isUnreadable(String field) {
        return unreadableFields.contains(field);
    }
}
