package dev.modelregistry.app.cli;

import dev.modelregistry.app.DeletionReport;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a version. The active version is refused unless --force (the best remaining one then becomes active).")
final class DeleteCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Parameters(paramLabel = "VERSION_ID", description = "The version to delete.")
    String versionId;

    @Option(names = "--force", description = "Also delete the active version (another one is re-elected).")
    boolean force;

    @Option(names = "--delete-artifacts",
            description = "Also remove the version's model files, unless another version uses them, they lie outside the"
                    + " artifact root or they hold the registry's own files (refused: exit code 1).")
    boolean deleteArtifacts;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openExisting()) {
            DeletionReport report = opened.deleteVersion(versionId, force, deleteArtifacts);
            out().println("Deleted version " + report.versionId() + "; active version now: "
                    + report.activeVersionAfter().orElse("none") + ".");
            if (report.artifact().isPresent()) {
                ArtifactRemoval removal = report.artifact().get();
                out().println("Artifact " + removal.modelPath() + ": " + removal.outcome().name().toLowerCase().replace('_', ' ')
                        + (removal.detail() == null || removal.detail().isBlank() ? "" : " (" + removal.detail() + ")"));
                if (removal.outcome() == ArtifactRemoval.Outcome.FAILED) {
                    err().println("error: the version was deleted but its files could not be removed: " + removal.detail());
                    return RegistryCli.FAILED;
                }
                if (removal.refused()) {
                    err().println("error: the version was deleted but its files were kept: the deletion was refused (see above)");
                    return RegistryCli.FAILED;
                }
            }
            return RegistryCli.OK;
        }
    }
}
