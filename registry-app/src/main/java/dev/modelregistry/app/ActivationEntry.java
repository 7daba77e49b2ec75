package dev.modelregistry.app;

import dev.modelregistry.domain.model.ChangeNote;
import java.time.Instant;

/**
 * One history entry (R10): a change of a model's active version ({@code versionId} null when none
 * remained), or of one of its aliases (R13: {@code alias} set, {@code versionId} the version it
 * names or named, {@code previousVersionId} the active version, which stays; null otherwise).
 * {@code note}: who made the change and why (README, "Who and why"); null for an entry without
 * one (registrations, imports, entries written before notes existed).
 */
public record ActivationEntry(int sequenceNo, String versionId, String previousVersionId, String reason,
                              Double score, Double previousScore, Instant changedAt, String alias,
                              ChangeNote note) {
}
