package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelFilter;
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

    @Option(names = "--sensor", paramLabel = "S", description = "Only models of this sensor.")
    String sensor;

    @Mixin
    Limit limit;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openForReading()) {
            List<ModelSummary> all = opened.listModels(ModelFilter.all().type(type).sensor(sensor));
            List<ModelSummary> models = limit.apply(all);
            if (json) {
                Formats.printJson(out(), models.stream().map(JsonViews::model).toList());
                return RegistryCli.OK;
            }
            if (models.isEmpty()) {
                out().println("No models" + (type == null ? "" : " of type " + type)
                        + (sensor == null ? "" : " of sensor " + sensor) + ".");
                return RegistryCli.OK;
            }
            Table table = Table.of("model id", "sensor", "type", "active version", "versions", "best score", "held since")
                    .right(4, 5);
            models.forEach(m -> table.row(m.modelId(), m.sensorId(), m.modelType(), m.activeVersion(),
                    m.versionCount() + (m.archivedCount() == 0 ? "" : " (+" + m.archivedCount() + " archived)"),
                    Formats.score(m.bestScore()), m.isHeld() ? Formats.iso(m.heldSince()) : "-"));
            table.print(out());
            long empty = all.stream().filter(m -> m.versionCount() == 0).count();
            out().println(all.size() + (all.size() == 1 ? " model" : " models")
                    + (empty == 0 ? "" : " (" + empty + " without versions)"));
            limit.footnote(out(), all.size(), "models");
            return RegistryCli.OK;
        }
    }
}
