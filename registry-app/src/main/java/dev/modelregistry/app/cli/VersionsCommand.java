package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.ModelNotFoundException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "List the versions of one model, newest first; * marks the active one.")
final class VersionsCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Mixin
    ModelSelection model;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openForReading()) {
            List<VersionSummary> versions = opened.listVersions(model.sensor, model.type);
            if (versions.isEmpty() && !exists(opened, model.sensor, model.type)) {
                throw new ModelNotFoundException(model.modelId());
            }
            if (json) {
                Formats.printJson(out(), versions.stream().map(JsonViews::version).toList());
                return RegistryCli.OK;
            }
            if (versions.isEmpty()) {
                out().println("Model " + model.modelId() + " has no versions (its last version was deleted).");
                return RegistryCli.OK;
            }
            out().println("Versions of " + model.modelId() + " (newest first, * = active)");
            Table table = Table.of(" ", "version", "created at (UTC)", "score", "model path").right(3);
            versions.forEach(v -> table.row(v.isActive() ? "*" : " ", v.versionId(), Formats.table(v.createdAt()),
                    Formats.score(v.performanceScore()), v.modelPath()));
            table.print(out());
            return RegistryCli.OK;
        }
    }

    static boolean exists(ModelRegistry registry, String sensor, String type) {
        return registry.listModels(type).stream().anyMatch(model -> model.sensorId().equals(sensor));
    }
}
