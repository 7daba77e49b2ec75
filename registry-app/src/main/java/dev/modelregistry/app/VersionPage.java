package dev.modelregistry.app;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@link ModelRegistry#searchVersions}: the versions (as in {@code listVersions}),
 * and the token of the next page when there may be one. Pass the token to
 * {@link VersionQuery#withPageToken} (or {@code builder().pageToken(t)} with the same filters
 * and order) to continue. Paging is by keyset: versions registered or deleted between two pages
 * never make a later page skip or repeat a version that existed throughout.
 *
 * @param nextPageToken empty on the last page
 */
public record VersionPage(List<VersionSummary> items, Optional<String> nextPageToken) {

    public VersionPage {
        items = List.copyOf(items);
    }
}
