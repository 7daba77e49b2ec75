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
        this(location, why, "run `registry db upgrade` first");
    }

    /** @param remedy what brings the schema up to date, for this caller */
    public SchemaUpgradeRequiredException(String location, String why, String remedy) {
        super(location + " " + why + ": " + remedy, null);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
