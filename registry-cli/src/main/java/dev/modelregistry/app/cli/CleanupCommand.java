package dev.modelregistry.app.cli;

import dev.modelregistry.app.CleanupMode;
import dev.modelregistry.app.CleanupProgress;
import dev.modelregistry.app.CleanupReport;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Delete (or, with --archive, archive) old versions: every model keeps its active version, its"
                + " aliased versions and its newest N versions.",
                "Exit code 1 when files of deleted versions could not be removed or their deletion was refused."})
final class CleanupCommand extends RegistryCommand {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--keep", paramLabel = "N", required = true, converter = PositiveCount.class,
            description = "Versions to keep per model besides the active one (at least 1).")
    int keep;

    @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(names = "--delete-artifacts",
            description = "Also remove the deleted versions' model files, unless a remaining version uses them"
                    + " or they lie outside the artifact root.")
    boolean deleteArtifacts;

    @Option(names = "--archive",
            description = "Archive the versions instead of deleting them: kept on record, out of elections and listings.")
    boolean archive;

    @Option(names = "--json", description = "Print what was (or would be) deleted as JSON (keys: see the README).")
    boolean json;

    @Override
    public Integer call() {
        if (archive && deleteArtifacts) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--archive keeps the versions and their files: it cannot be combined with --delete-artifacts");
        }
        try (ModelRegistry opened = dryRun ? registry.openForReading() : registry.openExisting()) {
            CleanupReport report;
            CleanupMode mode = archive ? CleanupMode.ARCHIVE : CleanupMode.DELETE;
            if (dryRun) {
                report = opened.previewCleanup(keep, mode);
            } else if (ConsoleProgress.onTerminal()) {
                ConsoleProgress console = new ConsoleProgress(err());
                console.phase("cleanup");
                report = run(opened, mode, (done, total, removed) -> console.progress(done, total));
                console.clear();
            } else {
                report = run(opened, mode,
                        new ProgressLines(err(), "cleanup", "models", Clock.systemUTC(), ProgressLines.DEFAULT_INTERVAL));
            }
            if (json) {
                Formats.printJson(out(), json(report));
            } else {
                print(report);
            }
            if (report.artifacts().stream().anyMatch(removal -> removal.outcome() == ArtifactRemoval.Outcome.FAILED)) {
                err().println("error: the versions were deleted but the files of some could not be removed");
                return RegistryCli.FAILED;
            }
            if (report.artifacts().stream().anyMatch(ArtifactRemoval::refused)) {
                err().println("error: the versions were deleted but the files of some were kept: the deletion was refused"
                        + " (see above)");
                return RegistryCli.FAILED;
            }
            return RegistryCli.OK;
        }
    }

    private CleanupReport run(ModelRegistry opened, CleanupMode mode, CleanupProgress progress) {
        return mode == CleanupMode.ARCHIVE ? opened.cleanupOldVersions(keep, mode, progress)
                : opened.cleanupOldVersions(keep, deleteArtifacts, progress);
    }

    private void print(CleanupReport report) {
        int count = report.removedCount();
        String versions = count + (count == 1 ? " version" : " versions");
        String models = report.modelsAffected() + (report.modelsAffected() == 1 ? " model" : " models");
        boolean archiving = report.mode() == CleanupMode.ARCHIVE;
        if (report.dryRun()) {
            out().println("Dry run: would " + (archiving ? "archive " : "delete ") + versions + " of " + models
                    + " (every model keeps its active version and its newest " + keep + "); nothing was "
                    + (archiving ? "archived." : "deleted."));
        } else {
            out().println((archiving ? "Archived " : "Deleted ") + versions + " of " + models
                    + " (every model kept its active version and its newest " + keep + ").");
        }
        if (count > 0) {
            Table table = Table.of("model id", "version", "created at (UTC)", "score", "model path").right(3);
            for (VersionSummary v : report.versions()) {
                table.row(v.modelId(), v.versionId(), Formats.table(v.createdAt()), Formats.score(v.performanceScore()),
                        v.modelPath());
            }
            table.print(out());
        }
        report.artifacts().forEach(removal -> out().println("Artifact: " + removal.detail()));
    }

    private static Map<String, Object> json(CleanupReport report) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("dry_run", report.dryRun());
        tree.put("keep", report.keepLastN());
        tree.put("models_affected", report.modelsAffected());
        tree.put("mode", report.mode().name().toLowerCase(Locale.ROOT));
        tree.put("versions_deleted", report.mode() == CleanupMode.DELETE ? report.removedCount() : 0);
        tree.put("versions_archived", report.mode() == CleanupMode.ARCHIVE ? report.removedCount() : 0);
        tree.put("versions", report.versions().stream().map(JsonViews::version).toList());
        tree.put("artifacts", report.artifacts().stream().map(JsonViews::artifact).toList());
        return tree;
    }
}
