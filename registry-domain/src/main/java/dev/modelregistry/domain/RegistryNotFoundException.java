package dev.modelregistry.domain;

/**
 * There is no registry where one was expected: no database file (or an empty, zero-byte one),
 * or a database without the registry's tables. Raised by read-only opening, which never creates
 * one.
 */
public class RegistryNotFoundException extends RegistryUnavailableException {

    private final String location;

    /** @param location the database file or (credential-free) URL */
    public RegistryNotFoundException(String location, String detail) {
        super("no registry database at " + location + (detail == null ? "" : " (" + detail + ")"), null);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
