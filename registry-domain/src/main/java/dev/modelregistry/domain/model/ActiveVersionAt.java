package dev.modelregistry.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The answer to "which version of a model was active at this instant" (R10).
 *
 * <ul>
 *   <li>{@link Kind#ACTIVE}: {@code versionId} was active.</li>
 *   <li>{@link Kind#NONE}: no version was active (before the first registration, or after the
 *       last version was deleted).</li>
 *   <li>{@link Kind#UNKNOWN_BEFORE_MIGRATION}: the instant lies before the model's history was
 *       taken over from a registry that kept none (the legacy JSON registry, a Python database);
 *       {@code migratedAt} says when that happened.</li>
 * </ul>
 */
public record ActiveVersionAt(Kind kind, Optional<VersionId> versionId, Optional<Instant> migratedAt) {

    public enum Kind {
        ACTIVE,
        NONE,
        UNKNOWN_BEFORE_MIGRATION
    }

    static ActiveVersionAt of(Optional<VersionId> versionId) {
        return new ActiveVersionAt(versionId.isPresent() ? Kind.ACTIVE : Kind.NONE, versionId, Optional.empty());
    }

    static ActiveVersionAt unknownBeforeMigration(Instant migratedAt) {
        return new ActiveVersionAt(Kind.UNKNOWN_BEFORE_MIGRATION, Optional.empty(), Optional.of(migratedAt));
    }
}
