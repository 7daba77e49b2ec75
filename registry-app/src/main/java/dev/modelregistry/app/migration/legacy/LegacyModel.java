package dev.modelregistry.app.migration.legacy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model of models_index.json with the versions that could be read without a blocking
 * problem, in index order.
 *
 * @param modelId       the key of models_index.json (checked to be {@code model_type + "_" + sensor_id})
 * @param sensorId      the index's sensor_id
 * @param modelType     the index's model_type
 * @param activeVersion the index's active_version as recorded (may be null, or name a version
 *                      that is not in {@link #versions()}; a MISSING_ACTIVE_VERSION problem says so)
 * @param versions      the readable versions, in the order models_index.json lists them
 */
public record LegacyModel(String modelId, String sensorId, String modelType, String activeVersion,
                          List<LegacyVersion> versions) {

    public LegacyModel {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(modelType, "modelType");
        versions = List.copyOf(versions);
    }

    /** The version named by active_version, if it was read without a blocking problem. */
    public Optional<LegacyVersion> active() {
        if (activeVersion == null) {
            return Optional.empty();
        }
        for (LegacyVersion v : versions) {
            if (v.versionId().equals(activeVersion)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The version with this id, if it is among the readable versions. */
    public Optional<LegacyVersion> version(String versionId) {
        for (LegacyVersion v : versions) {
            if (v.versionId().equals(versionId)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
