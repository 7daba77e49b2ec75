package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelSummary;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models with their active version.")
final class ModelsCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Option(names = "--type", paramLabel = "T", description = "Only models of this type (e.g. transformer, telemanom).")
    String type;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openForReading()) {
            List<ModelSummary> models = type == null ? opened.listModels() : opened.listModels(type);
            if (json) {
                Formats.printJson(out(), models.stream().map(JsonViews::model).toList());
                return RegistryCli.OK;
            }
            if (models.isEmpty()) {
                out().println(type == null ? "No models." : "No models of type " + type + ".");
                return RegistryCli.OK;
            }
            Table table = Table.of("model id", "sensor", "type", "active version", "versions", "best score").right(4, 5);
            models.forEach(m -> table.row(m.modelId(), m.sensorId(), m.modelType(),
                    m.activeVersion() == null ? "none" : m.activeVersion(), m.versionCount(),
                    Formats.score(m.bestScore())));
            table.print(out());
            long empty = models.stream().filter(m -> m.versionCount() == 0).count();
            out().println(models.size() + (models.size() == 1 ? " model" : " models")
                    + (empty == 0 ? "" : " (" + empty + " without versions)"));
            return RegistryCli.OK;
        }
    }
}
