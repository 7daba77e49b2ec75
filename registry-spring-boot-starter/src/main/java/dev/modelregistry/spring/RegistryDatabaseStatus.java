package dev.modelregistry.spring;

import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.SchemaStatus;
import java.nio.file.Path;

/**
 * Where the registry's database stands against the registry's changelog, read without writing
 * anything (for the health indicator). A failure to read it (the database unreachable, the file
 * gone) is thrown.
 */
@FunctionalInterface
public interface RegistryDatabaseStatus {

    SchemaStatus read();

    /** The status of the embedded SQLite registry in {@code registryDir}. */
    static RegistryDatabaseStatus ofSqlite(Path registryDir) {
        return () -> RegistryDatabase.schemaStatus(registryDir);
    }
}
