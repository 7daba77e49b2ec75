package dev.modelregistry.app.cli;

import dev.modelregistry.app.migration.DatabaseMigrationTarget;
import dev.modelregistry.app.migration.LegacyMigration;
import dev.modelregistry.app.migration.MigrationListener;
import dev.modelregistry.app.migration.MigrationOutcome;
import dev.modelregistry.app.migration.MigrationReport;
import dev.modelregistry.app.migration.MigrationRequest;
import dev.modelregistry.app.migration.legacy.LegacyRegistryReader;
import dev.modelregistry.app.migration.legacy.LegacyProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Move the legacy JSON registry into the database: check everything, back up the legacy folder,"
                + " import in one transaction, verify. The legacy folder is never modified.",
                "Exit code 0 when everything was imported and verified (or was already), 1 otherwise."})
final class MigrateCommand extends RegistryCommand {

    @Option(names = "--old-path", paramLabel = "DIR", defaultValue = "data/models/registry",
            description = "Legacy registry folder (models_index.json, metadata/). Default: ${DEFAULT-VALUE}.")
    Path oldPath;

    @Option(names = "--new-path", paramLabel = "DIR", defaultValue = RegistryOptions.DEFAULT_REGISTRY,
            description = "New SQLite registry folder (model_registry.db). Default: ${DEFAULT-VALUE}.")
    Path newPath;

    @Option(names = "--dry-run", description = "Check everything and print the plan; write nothing.")
    boolean dryRun;

    @Option(names = "--models-root", paramLabel = "DIR",
            description = "Where model folders live (<root>/<type>/<sensor>) for metadata without model_path,"
                    + " and the base of a relative model_path. Default: the parent of --old-path.")
    Path modelsRoot;

    @Option(names = "--legacy-timezone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "Zone the legacy naive timestamps were written in (e.g. Europe/Paris). Default: the system zone.")
    ZoneId legacyZone;

    @Option(names = "--skip-invalid",
            description = "Import what can be imported and skip broken items (listed; the exit code is then 1).")
    boolean skipInvalid;

    @Option(names = "--json", description = "Print the plan (dry run) or the summary as JSON (keys in the README).")
    boolean json;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() {
        server.settings(spec.commandLine()); // the placement options are checked before anything is read
        Path root = modelsRoot != null ? modelsRoot : LegacyRegistryReader.defaultModelsRoot(oldPath);
        ZoneId zone = legacyZone != null ? legacyZone : ZoneId.systemDefault();
        MigrationRequest request = new MigrationRequest(oldPath, newPath, root, zone, dryRun, skipInvalid);
        MigrationListener listener = ConsoleProgress.onTerminal() ? new ConsoleProgress(err())
                : new ProgressLines(err(), "migrate", "reading", Clock.systemUTC(), ProgressLines.DEFAULT_INTERVAL);
        LegacyMigration migration = new LegacyMigration(
                server.given() ? DatabaseMigrationTarget.jdbc(server.jdbcUrl, server.user, server.password,
                        server.settings(spec.commandLine())) : DatabaseMigrationTarget.sqlite(),
                Clock.systemDefaultZone(), listener);
        MigrationReport report = migration.migrate(request);
        if (listener instanceof ConsoleProgress progress) {
            progress.clear();
        }
        String database = server.given() ? dev.modelregistry.persistence.Redaction.jdbcUrl(server.jdbcUrl) : report.databasePath().toString();
        if (json) {
            Formats.printJson(out(), MigrationJson.of(report, database));
        } else if (report.dryRun()) {
            printPlan(report, database);
        } else {
            printSummary(report, database);
        }
        out().flush();
        failureLine(report).ifPresent(line -> {
            err().println("error: " + line);
            err().flush();
        });
        return report.exitCode();
    }

    private void printPlan(MigrationReport report, String database) {
        out().println("Migration plan (dry run: nothing was written)");
        boolean databaseExists = !server.given() && Files.exists(report.databasePath());
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"legacy registry", report.legacyPath().toString()});
        fields.add(new String[] {"models", String.valueOf(report.models())});
        fields.add(new String[] {"versions", String.valueOf(report.versions())});
        fields.add(new String[] {"unvalidated", report.unvalidated() + (report.unvalidated() > 0
                ? " (imported too, and reported)" : "")});
        fields.add(new String[] {"problems", String.valueOf(report.blockingProblems())});
        if (warnings(report) > 0) {
            fields.add(new String[] {"warnings", String.valueOf(warnings(report))});
        }
        fields.add(new String[] {"database", database + (server.given() ? " (server)"
                : databaseExists ? " (exists: only new versions would be imported)" : " (would be created)")});
        fields.add(new String[] {"would import", String.valueOf(report.imported())});
        fields.add(new String[] {"already present", String.valueOf(report.alreadyPresent())});
        report.backupPath().ifPresent(path -> fields.add(new String[] {"backup", path + " (would be created)"}));
        Table.fields(out(), fields);
        printProblems(report.problems());
        printList("Re-elections", report.reelected());
        printList("Not created", report.notCreated());
        out().println(switch (report.outcome()) {
            case MIGRATED -> "A real run would import " + report.imported() + " version(s) of " + report.models() + " model(s).";
            case ALREADY_MIGRATED -> "A real run would import nothing: every version is already in the database.";
            case MIGRATED_WITH_SKIPS -> "A real run would import " + report.imported()
                    + " version(s) and skip the items above (exit code 1).";
            case REFUSED -> "A real run would refuse: fix the problems above or run with --skip-invalid.";
            default -> "A real run would stop: " + report.failure().map(RegistryCli::oneLine).orElse(report.outcome().name());
        });
    }

    private static long warnings(MigrationReport report) {
        return report.problems().size() - report.blockingProblems();
    }

    private void printSummary(MigrationReport report, String database) {
        out().println(switch (report.outcome()) {
            case MIGRATED -> "Migration complete";
            case ALREADY_MIGRATED -> "Already migrated: nothing new to import (" + report.alreadyPresent()
                    + " version(s) already present, no backup needed)";
            case MIGRATED_WITH_SKIPS -> "Migration complete, with skipped items";
            case NOTHING_TO_MIGRATE -> "Nothing to migrate: nothing was written";
            case TARGET_UNAVAILABLE -> "Target registry unavailable: nothing was written";
            case REFUSED -> "Migration refused: nothing was written";
            case CONFLICT -> "Migration stopped by a conflict: nothing was changed";
            case BACKUP_FAILED -> "Backup failed: nothing was imported";
            case IMPORT_FAILED -> "Import failed and was rolled back";
            case VERIFICATION_FAILED -> "Migration committed, but verification FAILED";
        });
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"legacy registry", report.legacyPath().toString()});
        fields.add(new String[] {"models", String.valueOf(report.models())});
        fields.add(new String[] {"versions", String.valueOf(report.versions())});
        boolean ran = switch (report.outcome()) {
            case MIGRATED, ALREADY_MIGRATED, MIGRATED_WITH_SKIPS, IMPORT_FAILED, VERIFICATION_FAILED -> true;
            default -> false;
        };
        if (ran) {
            fields.add(new String[] {"versions imported", String.valueOf(report.imported())});
            fields.add(new String[] {"already present", String.valueOf(report.alreadyPresent())});
            fields.add(new String[] {"unvalidated imported", String.valueOf(report.unvalidatedImported())});
            fields.add(new String[] {"skipped", String.valueOf(report.skipped().size())});
            fields.add(new String[] {"backup", report.backupPath().map(Path::toString).orElse("none (nothing to import)")});
            fields.add(new String[] {"database", database});
        } else {
            fields.add(new String[] {"problems", String.valueOf(report.blockingProblems())});
            if (warnings(report) > 0) {
                fields.add(new String[] {"warnings", String.valueOf(warnings(report))});
            }
        }
        fields.add(new String[] {"seconds", String.format(Locale.ROOT, "%.2f", report.elapsed().toNanos() / 1e9)});
        if (ran) {
            fields.add(new String[] {"verification", verification(report)});
        }
        Table.fields(out(), fields);
        if (!report.skipped().isEmpty()) {
            printList("Skipped", report.skipped().stream().map(LegacyProblem::message).toList());
        } else if (!ran || report.outcome() == MigrationOutcome.CONFLICT) {
            printProblems(report.problems());
        }
        printList("Re-elected", ran ? report.reelected() : List.of());
        printList("Not created", ran ? report.notCreated() : List.of());
        printList("Verification mismatches", report.mismatches());
    }

    static String verification(MigrationReport report) {
        if (report.dryRun()) {
            return "not run (dry run)";
        }
        return switch (report.outcome()) {
            case MIGRATED, ALREADY_MIGRATED, MIGRATED_WITH_SKIPS -> "passed";
            case VERIFICATION_FAILED -> "FAILED (" + report.mismatches().size() + " mismatch(es))";
            default -> "not run";
        };
    }

    private void printProblems(List<LegacyProblem> problems) {
        printKinds("Problems", problems.stream().filter(LegacyProblem::blocking).toList());
        printKinds("Warnings", problems.stream().filter(problem -> !problem.blocking()).toList());
    }

    private void printKinds(String title, List<LegacyProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out().println(title + " (" + problems.size() + ")");
        for (LegacyProblem problem : problems) {
            out().println("  - [" + problem.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "] " + problem.message());
        }
    }

    private void printList(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out().println(title + " (" + lines.size() + ")");
        lines.forEach(line -> out().println("  - " + line));
    }

    /** The one-sentence error for a run that did not succeed; empty on success. */
    static Optional<String> failureLine(MigrationReport report) {
        if (report.exitCode() == 0) {
            return Optional.empty();
        }
        String would = report.dryRun() ? "a real run would " : "";
        return Optional.of(switch (report.outcome()) {
            case REFUSED -> report.blockingProblems() + " problem(s) found in " + report.legacyPath() + "; "
                    + (report.dryRun() ? "a real run would refuse (fix them or run with --skip-invalid)"
                    : "fix them or run with --skip-invalid");
            case MIGRATED_WITH_SKIPS -> (report.dryRun() ? "a real run would migrate, but skip " : "migrated, but ")
                    + report.skipped().size() + (report.dryRun() ? "" : " item(s) were skipped") + " (listed above)";
            case VERIFICATION_FAILED -> "verification failed: " + report.mismatches().size()
                    + " mismatch(es) between the database and the legacy files (listed above)";
            default -> (report.dryRun() ? "dry run: " : "")
                    + report.failure().map(RegistryCli::oneLine).orElse(report.outcome().name().toLowerCase(Locale.ROOT));
        });
    }

    static final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a time zone such as Europe/Paris or UTC");
            }
        }
    }
}
