package dev.modelregistry.app;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import java.time.Instant;

/**
 * One change of a model's active version, or of one of its aliases, as the change feed delivers
 * it (README, "Change feed"); {@link ActivationReason#changesActiveVersion()} tells which.
 *
 * @param cursor            the change's place in the feed: global, growing in commit order, kept
 *                          across restarts; pass it to {@link ModelRegistry#activationChangesSince}
 *                          to resume after it
 * @param modelId           the model's id as stored ({@code {model_type}_{sensor_id}})
 * @param versionId         the version that became active; null when the model's last version was
 *                          deleted; for an alias change the version the alias names (or named, when removed)
 * @param previousVersionId the version it replaced; null for a model's first version; for an alias
 *                          change the active version, which stays
 * @param at                when the change was made (UTC)
 * @param alias             the alias an alias change ({@code ALIAS_*} reasons) set or removed; null otherwise
 * @param note              who made the change and why (README, "Who and why"); null for a change
 *                          without one
 */
public record ActivationEvent(long cursor, String modelId, String sensorId, String modelType, String versionId,
                              String previousVersionId, ActivationReason reason, Instant at, String alias,
                              ChangeNote note) {
}
