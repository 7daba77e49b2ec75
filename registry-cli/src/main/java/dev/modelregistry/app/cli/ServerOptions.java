package dev.modelregistry.app.cli;

import dev.modelregistry.app.RegistrySettings;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A database server (PostgreSQL) to use instead of the SQLite file: URL, user, password, and where
 * the registry lies in it (schema, Liquibase tables: RegistrySettings, README "Settings").
 */
final class ServerOptions {

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Use a database server (PostgreSQL) instead of SQLite, e.g. jdbc:postgresql://host/db.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (with --jdbc-url).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:REGISTRY_DB_PASSWORD}",
            description = "Database password (with --jdbc-url). Default: the REGISTRY_DB_PASSWORD environment variable,"
                    + " which keeps it out of the process list.")
    String password;

    @Option(names = "--schema", paramLabel = "SCHEMA",
            description = "PostgreSQL schema of the registry's tables (with --jdbc-url; created by 'db upgrade' when"
                    + " missing). Default: the connection's current schema.")
    String schema;

    @Option(names = "--changelog-table", paramLabel = "TABLE",
            description = "Liquibase's changelog table of the registry (with --jdbc-url). Default: DATABASECHANGELOG.")
    String changelogTable;

    @Option(names = "--changelog-lock-table", paramLabel = "TABLE",
            description = "Liquibase's lock table of the registry (with --jdbc-url). Default: DATABASECHANGELOGLOCK.")
    String changelogLockTable;

    boolean given() {
        return jdbcUrl != null;
    }

    /**
     * The settings these options give: on a server its schema and changelog tables; without
     * {@code --jdbc-url} the defaults (the placement options are refused there: a SQLite file is
     * the registry's own database).
     *
     * @throws CommandLine.ParameterException (of {@code command}) a placement option without
     *         {@code --jdbc-url}, or a name the registry refuses, naming the option
     */
    RegistrySettings settings(CommandLine command) {
        String placement = schema != null ? "--schema" : changelogTable != null ? "--changelog-table"
                : changelogLockTable != null ? "--changelog-lock-table" : null;
        if (placement == null) {
            return RegistrySettings.defaults();
        }
        if (!given()) {
            throw new CommandLine.ParameterException(command, placement
                    + " applies to a database server (--jdbc-url) only: a SQLite registry is a database of its own");
        }
        RegistrySettings.Builder settings = RegistrySettings.builder();
        checked(command, "--schema", schema, settings::schema, settings);
        checked(command, "--changelog-table", changelogTable, settings::changelogTable, settings);
        checked(command, "--changelog-lock-table", changelogLockTable, settings::changelogLockTable, settings);
        return settings.build();
    }

    /** Sets {@code value} (when given) and checks the settings so far: a refusal names {@code option}. */
    private static void checked(CommandLine command, String option, String value, Consumer<String> set,
                                RegistrySettings.Builder settings) {
        if (value == null) {
            return;
        }
        set.accept(value);
        try {
            settings.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, option + ": " + e.getMessage());
        }
    }
}
