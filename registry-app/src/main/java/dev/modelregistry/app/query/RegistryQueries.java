package dev.modelregistry.app.query;

import java.util.Objects;

/** The query ports the read use cases answer from. */
public record RegistryQueries(ActiveVersions activeVersions, VersionQueries versions, ModelQueries models,
                              VersionSearch search) {

    public RegistryQueries {
        Objects.requireNonNull(activeVersions, "activeVersions");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(search, "search");
    }

    /** Without a search port: {@code searchVersions} throws {@link UnsupportedOperationException}. */
    public RegistryQueries(ActiveVersions activeVersions, VersionQueries versions, ModelQueries models) {
        this(activeVersions, versions, models, (query, after, limit) -> {
            throw new UnsupportedOperationException("this registry has no version search (it needs a database)");
        });
    }
}
