package dev.modelregistry.persistence.feed;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import java.time.Instant;

/**
 * One entry of the change feed: an {@code activation_history} row with its global cursor and the
 * pair of the model it belongs to.
 *
 * @param versionId         the version that became active; null when the model was left without
 *                          versions; for an alias entry the version the alias names or named
 * @param previousVersionId the version it replaced; null for the first; for an alias entry the
 *                          active version, which stays
 * @param alias             the alias of an alias entry (R13); null for every other entry
 * @param note              who made the change and why; null for an entry without a note
 */
public record FeedChange(long cursor, String modelId, String sensorId, String modelType, String versionId,
                         String previousVersionId, ActivationReason reason, Instant at, String alias,
                         ChangeNote note) {
}
