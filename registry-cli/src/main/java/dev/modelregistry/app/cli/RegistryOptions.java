package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.domain.RegistryNotFoundException;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.Redaction;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the registry is: a SQLite registry folder (default) or a database server by JDBC URL. */
final class RegistryOptions {

    static final String DEFAULT_REGISTRY = "data/models/registry_sqlite";

    @Option(names = "--registry", paramLabel = "DIR", defaultValue = DEFAULT_REGISTRY,
            description = "SQLite registry folder (holds model_registry.db). Default: ${DEFAULT-VALUE}.")
    Path registry;

    @Mixin
    ServerOptions server;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    boolean server() {
        return server.given();
    }

    Path databaseFile() {
        return registry.resolve(RegistryDatabase.SQLITE_FILE_NAME);
    }

    /** The database, for messages: the JDBC URL or the SQLite file. */
    String location() {
        return server() ? Redaction.jdbcUrl(server.jdbcUrl) : databaseFile().toString();
    }

    /**
     * Opens an existing registry to change it; a missing or empty SQLite database is an error,
     * never silently created.
     */
    ModelRegistry openExisting() {
        settings(); // a wrong placement option is a usage error before the folder is looked at
        requireExisting();
        return open();
    }

    /** The database itself, read-only, for commands that read whole aggregates (export). */
    RegistryDatabase openDatabaseForReading() {
        RegistrySettings settings = settings();
        if (server()) {
            return RegistryDatabase.openJdbcReadOnly(server.jdbcUrl, server.user, server.password,
                    settings.databaseOptions());
        }
        if (!Files.isRegularFile(databaseFile())) {
            throw notFound();
        }
        return RegistryDatabase.openSqliteReadOnly(registry, settings.databaseOptions());
    }

    /** The database itself, created or upgraded, for commands that write whole aggregates (import). */
    RegistryDatabase openDatabase() {
        return server() ? RegistryDatabase.openJdbc(server.jdbcUrl, server.user, server.password, settings().databaseOptions())
                : RegistryDatabase.openSqlite(registry, settings().databaseOptions());
    }

    private void requireExisting() {
        if (!server() && (!Files.isRegularFile(databaseFile()) || isEmpty(databaseFile()))) {
            throw notFound();
        }
    }

    /**
     * Opens an existing registry read-only, for the read commands: nothing is created, upgraded
     * or written; a read-only file or folder can be read.
     */
    ModelRegistry openForReading() {
        RegistrySettings settings = settings();
        if (server()) {
            return ModelRegistryJdbc.openReadOnly(server.jdbcUrl, server.user, server.password, settings);
        }
        if (!Files.isRegularFile(databaseFile())) {
            throw notFound();
        }
        return ModelRegistrySQLite.openReadOnly(registry, settings);
    }

    private RegistryNotFoundException notFound() {
        return new RegistryNotFoundException(databaseFile().toString(), isEmpty(databaseFile())
                ? "the file is empty; run 'registry migrate' or 'registry db upgrade' to create a registry"
                : "run 'registry migrate' first, or give --registry DIR");
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Opens the registry, creating or upgrading its database. */
    ModelRegistry open() {
        return server() ? ModelRegistryJdbc.open(server.jdbcUrl, server.user, server.password, settings())
                : ModelRegistrySQLite.open(registry, settings());
    }

    /** The registry's settings from the server options ({@link ServerOptions#settings}). */
    RegistrySettings settings() {
        return server.settings(command.commandLine());
    }
}
