package dev.modelregistry.app.cli;

import dev.modelregistry.app.DeletionReport;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Mixin
    ChangeNoteOptions note;

    @Option(names = "--json", description = "Print what was done as JSON (keys: see the README).")
    boolean json;

    @Override
    public Integer call() {
        ChangeNote recorded = note.note();
        try (ModelRegistry opened = registry.openExisting()) {
            ModelVersionDetails version = opened.getModelMetadata(versionId)
                    .orElseThrow(() -> new VersionNotFoundException(versionId));
            DeletionReport report = opened.deleteVersion(versionId, force, deleteArtifacts, recorded);
            if (json) {
                Map<String, Object> tree = new LinkedHashMap<>();
                tree.put("deleted_version", report.versionId());
                tree.put("model_id", version.modelId());
                tree.put("active_version", report.activeVersionAfter().orElse(null));
                tree.put("artifact", report.artifact().map(JsonViews::artifact).orElse(null));
                JsonViews.putNote(tree, recorded);
                Formats.printJson(out(), tree);
            } else {
                out().println("Deleted version " + report.versionId() + " of " + version.modelId() + "; "
                        + report.activeVersionAfter().map(active -> "active version now: " + active + ".")
                                .orElse("it was the model's last version: the model has no versions now."));
                report.artifact().ifPresent(removal -> out().println("Artifact: " + removal.detail()));
            }
            if (report.artifact().filter(removal -> removal.outcome() == ArtifactRemoval.Outcome.FAILED).isPresent()) {
                err().println("error: the version was deleted but its files could not be removed");
                return RegistryCli.FAILED;
            }
            if (report.artifact().filter(ArtifactRemoval::refused).isPresent()) {
                err().println("error: the version was deleted but its files were kept: the deletion was refused (see above)");
                return RegistryCli.FAILED;
            }
            return RegistryCli.OK;
        }
    }
}
