package dev.modelregistry.domain.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Re-election among a model's versions (R7, M4, docs/rules.md): the highest score wins; among
 * equal scores the newest ({@code created_at}); among equal times the greatest version id. The
 * one definition: the aggregate uses it, among the versions in elections (not archived, R15),
 * after a forced delete or archive and for a migration whose recorded active version is missing, and the Python-database adoption's SQL orders the same
 * way ({@code changelog/releases/1.1-adopt.xml}, property {@code best.version}).
 */
public final class Reelection {

    /** Ascending: the last element is the winner. */
    public static final Comparator<ModelVersion> ORDER =
            Comparator.comparingDouble(ModelVersion::performanceScore)
                    .thenComparing(ModelVersion::createdAt)
                    .thenComparing(version -> version.id().value());

    private Reelection() {
    }

    /** The winner among {@code candidates}; empty when there are none. */
    public static Optional<ModelVersion> winner(Collection<ModelVersion> candidates) {
        return candidates.stream().max(ORDER);
    }
}
