package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.model.ChangeNote;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a version the active one of its model.")
final class PromoteCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Parameters(paramLabel = "VERSION_ID", description = "The version to make active.")
    String versionId;

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
            String before = opened.getActiveModelVersion(version.sensorId(), version.modelType()).orElse(null);
            opened.promoteVersion(versionId, recorded);
            boolean changed = !versionId.equals(before);
            if (json) {
                Map<String, Object> tree = new LinkedHashMap<>();
                tree.put("active_version", versionId);
                tree.put("model_id", version.modelId());
                tree.put("previous_active_version", before);
                tree.put("changed", changed);
                JsonViews.putNote(tree, recorded);
                Formats.printJson(out(), tree);
            } else if (!changed) {
                out().println("Version " + versionId + " was already the active version of " + version.modelId() + ".");
            } else {
                out().println("Promoted " + versionId + ": now the active version of " + version.modelId()
                        + (before == null ? "." : " (was " + before + ")."));
            }
            return RegistryCli.OK;
        }
    }
}
