package dev.modelregistry.spring;

import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.SchemaStatus;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Where the registry's database stands against the registry's changelog, read without writing
 * anything (for the health indicator). A failure to read it (the database unreachable, the file
 * gone) is thrown.
 */
@FunctionalInterface
public interface RegistryDatabaseStatus {

    SchemaStatus read();

    /** The status of the registry on the host's data source, in the settings' schema and changelog tables. */
    static RegistryDatabaseStatus ofDataSource(DataSource dataSource, RegistrySettings settings) {
        return () -> ModelRegistryJdbc.schemaStatus(dataSource, settings);
    }

    /** The status of the embedded SQLite registry in {@code registryDir}. */
    static RegistryDatabaseStatus ofSqlite(Path registryDir) {
        return () -> RegistryDatabase.schemaStatus(registryDir);
    }
}
