package dev.modelregistry.app;

import java.time.Instant;

/** One change of a model's active version (R10); {@code versionId} is null when none remained. */
public record ActivationEntry(int sequenceNo, String versionId, String previousVersionId, String reason,
                              Double score, Double previousScore, Instant changedAt) {
}
