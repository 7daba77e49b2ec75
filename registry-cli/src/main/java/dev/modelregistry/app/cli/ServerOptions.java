package dev.modelregistry.app.cli;

import picocli.CommandLine.Option;

/** A database server (PostgreSQL) to use instead of the SQLite file: URL, user, password. */
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

    boolean given() {
        return jdbcUrl != null;
    }
}
