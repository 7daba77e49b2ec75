package dev.modelregistry.domain;

/**
 * The database holds no registry schema at all (neither registry tables nor a Liquibase
 * history): unlike an outdated schema, there is nothing in it to read, and a writable open
 * creates the schema.
 */
public class NoRegistrySchemaException extends SchemaUpgradeRequiredException {

    /** @param location the database file or (credential-free) URL */
    public NoRegistrySchemaException(String location) {
        super(location, "holds no registry schema");
    }

    /** @param remedy what creates the schema, for this caller */
    public NoRegistrySchemaException(String location, String remedy) {
        super(location, "holds no registry schema", remedy);
    }
}
