package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.persistence.SchemaMigrator;
import dev.modelregistry.persistence.SchemaStatus;
import dev.modelregistry.persistence.SchemaStatus.ChangeSetState;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "db", mixinStandardHelpOptions = true, description = "The database schema (Liquibase).",
        subcommands = {DbCommand.Status.class, DbCommand.Upgrade.class})
final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: status or upgrade");
    }

    static SchemaStatus status(RegistryOptions registry) {
        return registry.server() ? SchemaMigrator.status(registry.jdbcUrl, registry.user, registry.password)
                : SchemaMigrator.sqliteStatus(registry.registry);
    }

    static String describe(ChangeSetState state) {
        return state.file() + "  " + state.id() + "  (" + state.author() + ")"
                + (state.executedAt() == null ? "" : "  " + Formats.table(state.executedAt()));
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the database location, the applied and the pending changesets; changes nothing.")
    static final class Status extends RegistryCommand {

        @Mixin
        RegistryOptions registry;

        @Override
        public Integer call() {
            SchemaStatus status = status(registry);
            out().println("Database  " + status.location());
            if (status.current()) {
                out().println("Schema    current (" + status.applied().size() + " changesets applied)");
            } else if (!status.historyPresent()) {
                out().println("Schema    no Liquibase history" + (status.registryTables()
                        ? " (registry tables exist: created outside Liquibase, e.g. by the Python registry)"
                        : " (empty database)"));
            } else {
                out().println("Schema    " + status.pending().size() + " changeset(s) pending: run 'registry db upgrade'");
            }
            print("Applied", status.applied());
            print("Pending", status.pending());
            return RegistryCli.OK;
        }

        private void print(String title, List<ChangeSetState> states) {
            out().println(title + " (" + states.size() + ")");
            states.forEach(state -> out().println("  " + describe(state)));
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Bring the database to the latest schema (creates the SQLite database if absent).")
    static final class Upgrade extends RegistryCommand {

        @Mixin
        RegistryOptions registry;

        @Override
        public Integer call() {
            boolean existed = registry.server() || Files.isRegularFile(registry.databaseFile());
            Set<String> before = new HashSet<>();
            if (existed) {
                status(registry).applied().forEach(state -> before.add(describeKey(state)));
            }
            try (ModelRegistry opened = registry.open()) {
                // opening runs the Liquibase update
            }
            SchemaStatus after = status(registry);
            List<ChangeSetState> applied = after.applied().stream().filter(state -> !before.contains(describeKey(state))).toList();
            out().println("Database  " + after.location() + (existed ? "" : " (created)"));
            if (applied.isEmpty()) {
                out().println("Schema already current (" + after.applied().size() + " changesets applied); nothing to do.");
            } else {
                out().println("Applied " + applied.size() + " changeset(s):");
                applied.forEach(state -> out().println("  " + describe(state)));
            }
            if (!after.current()) {
                err().println("error: the schema is still not current after the upgrade (" + after.pending().size()
                        + " changeset(s) pending)");
                return RegistryCli.FAILED;
            }
            return RegistryCli.OK;
        }

        private static String describeKey(ChangeSetState state) {
            return state.file() + "::" + state.id() + "::" + state.author();
        }
    }
}
