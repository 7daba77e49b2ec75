package dev.modelregistry.domain;

/**
 * The database holds no registry schema yet, an outdated one, or one written by the Python
 * registry: opening read-only never changes a schema, so {@code registry db upgrade} (or a
 * writable open) must run first.
 */
public class SchemaUpgradeRequiredException extends RegistryUnavailableException {

    private final String location;

    /** @param location the database file or (credential-free) URL */
    public SchemaUpgradeRequiredException(String location, String why) {
        super(location + " " + why + ": run `registry db upgrade` first", null);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
