package dev.modelregistry.domain.model;

/** Port: where new version ids come from. */
@FunctionalInterface
public interface VersionIdGenerator {

    VersionId nextId();
}
