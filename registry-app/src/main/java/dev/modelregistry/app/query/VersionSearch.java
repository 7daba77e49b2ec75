package dev.modelregistry.app.query;

import dev.modelregistry.app.VersionQuery;
import dev.modelregistry.app.VersionSummary;
import java.time.Instant;
import java.util.List;

/**
 * Query port of {@link dev.modelregistry.app.ModelRegistry#searchVersions}: the versions a
 * {@link VersionQuery} selects, in its order, by keyset (strictly after a position).
 */
public interface VersionSearch {

    /** Where a page ended: the last version's sort keys and id. */
    record Position(Instant createdAt, double score, String versionId) {

        /** The position just after {@code version}. */
        public static Position after(VersionSummary version) {
            return new Position(version.createdAt(), version.performanceScore(), version.versionId());
        }
    }

    /**
     * At most {@code limit} versions the query's filters select, in its order, strictly after
     * {@code after} (null: from the start). The query's page size and token are not looked at.
     */
    List<VersionSummary> search(VersionQuery query, Position after, int limit);
}
