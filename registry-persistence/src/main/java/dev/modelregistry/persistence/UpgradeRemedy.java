package dev.modelregistry.persistence;

import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Path;

/**
 * What to tell a host that opened a registry with upgrades on open turned off and found the
 * schema behind: the command that brings it up to date in its own deployment step, with the
 * options it opened with (README, "Settings").
 */
final class UpgradeRemedy {

    private UpgradeRemedy() {
    }

    /** A server: Liquibase's update with the packaged changelog, in the registry's schema and tables. */
    static String server(DatabaseOptions options) {
        StringBuilder command = new StringBuilder("upgradeSchemaOnOpen is off: run `liquibase update --changelog-file=")
                .append(SchemaMigrator.MASTER_CHANGELOG)
                .append(" --classpath=<registry-persistence jar> --url=<this database>");
        if (options.schema() != null) {
            command.append(" --default-schema-name=").append(options.schema());
        }
        if (!options.changelogTables().defaults()) {
            command.append(" --database-changelog-table-name=").append(options.changelogTables().history())
                    .append(" --database-changelog-lock-table-name=").append(options.changelogTables().lock());
        }
        return command.append("` in your deployment step, or open it once with upgradeSchemaOnOpen(true)").toString();
    }

    /** A SQLite folder: the CLI's upgrade (which also adopts a Python-written file). */
    static String sqlite(Path registryDir) {
        return "upgradeSchemaOnOpen is off: run `registry db upgrade --registry " + registryDir
                + "`, or open it once with upgradeSchemaOnOpen(true)";
    }
}
