package dev.modelregistry.domain;

/**
 * The database's tables differ from what the changelog creates (a dropped column, a changed
 * type...) although its Liquibase history says it is current: it was changed by hand or by
 * another program. Nothing was changed.
 */
public class SchemaMismatchException extends RegistryUnavailableException {

    private final String location;
    private final String problem;

    /**
     * @param location the database file or (credential-free) URL
     * @param problem  what differs, e.g. "missing column [model_hash] in table [versions]"
     */
    public SchemaMismatchException(String location, String problem, Throwable cause) {
        super("the schema of " + location + " does not match the registry's changelog: " + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    /** What differs, e.g. "missing column [model_hash] in table [versions]". */
    public String problem() {
        return problem;
    }

    public String location() {
        return location;
    }
}
