package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.VersionNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a version the active one of its model.")
final class PromoteCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Parameters(paramLabel = "VERSION_ID", description = "The version to make active.")
    String versionId;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openExisting()) {
            ModelVersionDetails version = opened.getModelMetadata(versionId)
                    .orElseThrow(() -> new VersionNotFoundException(versionId));
            String before = opened.getActiveModelVersion(version.sensorId(), version.modelType()).orElse(null);
            opened.promoteVersion(versionId);
            if (versionId.equals(before)) {
                out().println("Version " + versionId + " was already the active version of " + version.modelId() + ".");
            } else {
                out().println("Promoted " + versionId + ": now the active version of " + version.modelId()
                        + (before == null ? "." : " (was " + before + ")."));
            }
            return RegistryCli.OK;
        }
    }
}
