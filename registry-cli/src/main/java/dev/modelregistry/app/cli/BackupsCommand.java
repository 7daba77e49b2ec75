package dev.modelregistry.app.cli;

import dev.modelregistry.app.backup.MigrationBackup;
import dev.modelregistry.app.backup.MigrationBackups;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "List and prune the backups migrations made of the legacy registry (registry_backup_* beside it).",
        subcommands = {BackupsCommand.ListBackups.class, BackupsCommand.PruneBackups.class})
final class BackupsCommand implements Runnable {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or prune");
    }

    /** Where the backups are: beside the legacy registry folder. */
    static final class Legacy {
        @Option(names = "--old-path", paramLabel = "DIR", defaultValue = "data/models/registry",
                description = "Legacy registry folder; its backups are beside it. Default: ${DEFAULT-VALUE}.")
        Path oldPath;

        MigrationBackups backups() {
            return MigrationBackups.of(oldPath);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show every backup, newest first: when it was made, its size, whether it was verified.")
    static final class ListBackups extends RegistryCommand {
        @CommandLine.Mixin
        Legacy legacy;

        @Override
        public Integer call() {
            MigrationBackups backups = legacy.backups();
            List<MigrationBackup> all = backups.list();
            if (all.isEmpty()) {
                out().println("No migration backups in " + backups.folder() + ".");
                return RegistryCli.OK;
            }
            Table table = Table.of("backup", "created", "size", "verified").right(2);
            all.forEach(backup -> table.row(backup.name(), SHOWN.format(backup.createdAt()), size(backup.sizeBytes()),
                    backup.verified() ? "yes" : "no"));
            out().println("Migration backups in " + backups.folder());
            table.print(out());
            return RegistryCli.OK;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = {"Delete all backups but the newest N. The newest verified backup is always kept (the newest"
                    + " backup, when none is verified); links and other folders are never touched."})
    static final class PruneBackups extends RegistryCommand {
        @CommandLine.Mixin
        Legacy legacy;

        @Option(names = "--keep", paramLabel = "N", required = true,
                description = "How many of the newest backups to keep (0 or more; the newest verified one stays anyway).")
        int keep;

        @Option(names = "--dry-run", description = "Show what would be deleted; delete nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            if (keep < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--keep must be 0 or more, got " + keep);
            }
            MigrationBackups backups = legacy.backups();
            List<MigrationBackup> gone = dryRun ? backups.prunable(keep) : backups.prune(keep);
            String verb = dryRun ? "Would delete " : "Deleted ";
            out().println(verb + gone.size() + (gone.size() == 1 ? " backup" : " backups") + " in " + backups.folder()
                    + (dryRun ? " (dry run: nothing was deleted)" : "") + (gone.isEmpty() ? "." : ":"));
            gone.forEach(backup -> out().println("  - " + backup.name() + " (" + size(backup.sizeBytes())
                    + (backup.verified() ? ", verified" : ", not verified") + ")"));
            return RegistryCli.OK;
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String units = "KMGTPE";
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(Locale.ROOT, "%.1f %siB", bytes / (double) (1L << (unit * 10)), units.charAt(unit - 1));
    }
}
