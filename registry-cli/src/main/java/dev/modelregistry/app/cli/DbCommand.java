package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.migration.MigrationListener;
import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.domain.SchemaMismatchException;
import dev.modelregistry.persistence.AdoptionStatus;
import dev.modelregistry.persistence.LegacyDefects;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.SchemaStatus.ChangeSetState;
import dev.modelregistry.persistence.SchemaStatus;
import dev.modelregistry.persistence.UpgradeReport;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

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
        return registry.server()
                ? RegistryDatabase.schemaStatus(registry.server.jdbcUrl, registry.server.user, registry.server.password,
                        registry.settings().databaseOptions())
                : RegistryDatabase.schemaStatus(registry.registry);
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
            registry.settings(); // the placement options are checked before anything is read
            // SQLite: one read-only pass gives the schema status and the Python-adoption facts
            AdoptionStatus adoption = registry.server() ? null : RegistryDatabase.status(registry.registry);
            if (adoption != null && !adoption.exists()) {
                throw new RegistryUnavailableException("no registry database at " + adoption.database(), null);
            }
            SchemaStatus status = adoption == null ? status(registry) : adoption.schema();
            out().println("Database  " + status.location());
            String mismatch = status.current() ? mismatch() : null;
            if (mismatch != null) {
                out().println("Schema    does not match the changelog although every changeset is recorded"
                        + " (changed by hand or by another program): " + mismatch);
            } else if (status.current()) {
                out().println("Schema    current (" + status.applied().size() + " changesets applied)");
            } else if (!status.historyPresent()) {
                out().println("Schema    no Liquibase history" + (status.registryTables()
                        ? " (registry tables exist: created outside Liquibase, e.g. by the Python registry)"
                        : " (empty database)"));
            } else {
                out().println("Schema    " + status.pending().size() + " changeset(s) pending: run 'registry db upgrade'");
            }
            if (status.lock() != null) {
                out().println("Lock      Liquibase changelog lock held by " + status.lock().lockedBy() + " since "
                        + status.lock().granted() + (registry.server()
                        ? ": an update is running, or one was killed; if none runs, release it with 'liquibase releaseLocks'"
                        : ": an update is running, or one was killed (the next open or upgrade releases it)"));
            }
            print("Applied", status.applied());
            print("Pending", status.pending());
            if (adoption != null) {
                printAdoption(adoption);
            }
            return mismatch == null ? RegistryCli.OK : RegistryCli.FAILED;
        }

        /** What differs between the tables and the changelog (Hibernate's validation, read-only), or null. */
        private String mismatch() {
            try (ModelRegistry opened = registry.openForReading()) {
                return null;
            } catch (SchemaMismatchException e) {
                return e.problem();
            }
        }

        /** For a file written by the Python ModelRegistrySQLite: what 'db upgrade' will do to it. */
        private void printAdoption(AdoptionStatus adoption) {
            if (!adoption.pythonCreated()) {
                return;
            }
            if (!adoption.shapeProblems().isEmpty()) {
                out().println("Python    written outside Liquibase, but not in the release-1.0 shape: 'registry db upgrade'"
                        + " will refuse it and change nothing:");
                adoption.shapeProblems().forEach(problem -> out().println("  " + problem));
                return;
            }
            LegacyDefects d = adoption.defects();
            out().println("Python    written by the Python ModelRegistrySQLite (" + d.models() + " models, " + d.versions()
                    + " versions): 'registry db upgrade' will back it up, record the "
                    + adoption.toMarkApplied().size() + " release-1.0 changesets as applied and repair:");
            out().println("  models with more than one is_active version   " + d.modelsWithSeveralActiveFlags());
            out().println("  dangling active versions (re-elected)         " + d.danglingActiveVersions());
            out().println("  models with versions but no active version    " + d.modelsWithoutActiveVersion());
            out().println("  versions whose is_active flag is wrong        " + d.misflaggedVersions());
            out().println("  orphaned lineage rows (deleted)               " + d.orphanedLineageRows());
            out().println("  timestamps in Python format                   " + d.pythonTimestamps() + " ("
                    + d.naiveLocalTimestamps() + " naive local, " + d.utcTextTimestamps() + " SQLite UTC text)");
            out().println("  models getting their first history entry      " + d.modelsWithoutHistory());
            if (d.versionsWithoutModel() > 0 || d.unreadableTimestamps() > 0) {
                out().println("  NOT repairable, the upgrade will stop: " + d.versionsWithoutModel()
                        + " version(s) without model, " + d.unreadableTimestamps() + " unreadable timestamp(s)");
            }
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

        @Option(names = "--legacy-timezone", paramLabel = "ZONE",
                description = "Zone in which a Python-written database recorded its naive local times"
                        + " (e.g. Europe/Berlin). Default: the system zone.")
        String legacyTimezone;

        @Override
        public Integer call() {
            registry.settings(); // the placement options are checked before anything is written
            ZoneId legacyZone = legacyZone();
            boolean existed = registry.server() || Files.isRegularFile(registry.databaseFile());
            Set<String> before = new HashSet<>();
            if (existed) {
                status(registry).applied().forEach(state -> before.add(describeKey(state)));
            }
            if (registry.server()) {
                try (ModelRegistry opened = registry.open()) {
                    // opening runs the Liquibase update
                }
            } else {
                MigrationListener listener = ConsoleProgress.onTerminal() ? new ConsoleProgress(err())
                        : new ProgressLines(err(), "db upgrade", "", Clock.systemUTC(), ProgressLines.DEFAULT_INTERVAL);
                UpgradeReport report = RegistryDatabase.upgrade(registry.registry, legacyZone, (step, done, total) -> {
                    listener.phase(step);
                    listener.progress(done, total);
                });
                if (listener instanceof ConsoleProgress console) {
                    console.clear();
                }
                if (report.adopted()) {
                    LegacyDefects d = report.before();
                    out().println("Adopted   a database written by the Python ModelRegistrySQLite (naive times read in "
                            + legacyZone.getId() + ")");
                    out().println("Backup    " + report.backup() + " (SHA-256 verified)");
                    out().println("Repaired  " + d.modelsWithSeveralActiveFlags() + " model(s) with several active flags, "
                            + d.danglingActiveVersions() + " dangling active version(s) re-elected, "
                            + d.orphanedLineageRows() + " orphaned lineage row(s) deleted, "
                            + d.pythonTimestamps() + " timestamp(s) normalised, "
                            + d.modelsWithoutHistory() + " history entrie(s) added");
                }
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

        private ZoneId legacyZone() {
            if (legacyTimezone == null) {
                return ZoneId.systemDefault();
            }
            try {
                return ZoneId.of(legacyTimezone);
            } catch (DateTimeException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--legacy-timezone: unknown time zone '" + legacyTimezone + "'");
            }
        }

        private static String describeKey(ChangeSetState state) {
            return state.key();
        }
    }
}
