package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelFilter;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "versions", mixinStandardHelpOptions = true,
        description = {"List the versions of one model, or of every model of a sensor (without --type),"
                + " newest first; * marks the active one."})
final class VersionsCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Option(names = "--sensor", paramLabel = "S", required = true, description = "Sensor id.")
    String sensor;

    @Option(names = "--type", paramLabel = "T",
            description = "Model type; without it, the versions of all the sensor's models (by model id).")
    String type;

    @Mixin
    Limit limit;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openForReading()) {
            String modelId = type == null ? null : ModelId.of(SensorId.of(sensor), ModelType.of(type)).value();
            List<VersionSummary> all = type == null ? opened.listVersionsOfSensor(sensor) : opened.listVersions(sensor, type);
            if (type != null && all.isEmpty() && !exists(opened, sensor, type)) {
                throw new ModelNotFoundException(modelId);
            }
            List<VersionSummary> versions = limit.apply(all);
            if (json) {
                Formats.printJson(out(), versions.stream().map(JsonViews::version).toList());
                return RegistryCli.OK;
            }
            if (all.isEmpty()) {
                out().println((modelId == null ? "The models of sensor " + sensor + " have" : "Model " + modelId + " has")
                        + " no versions (the last one was deleted).");
                return RegistryCli.OK;
            }
            out().println("Versions of " + (modelId == null ? "every model of sensor " + sensor : modelId)
                    + " (newest first, * = active)");
            Table table = modelId == null
                    ? Table.of(" ", "model id", "version", "created at (UTC)", "score", "model path").right(4)
                    : Table.of(" ", "version", "created at (UTC)", "score", "model path").right(3);
            for (VersionSummary v : versions) {
                String mark = v.isActive() ? "*" : " ";
                if (modelId == null) {
                    table.row(mark, v.modelId(), v.versionId(), Formats.table(v.createdAt()),
                            Formats.score(v.performanceScore()), v.modelPath());
                } else {
                    table.row(mark, v.versionId(), Formats.table(v.createdAt()), Formats.score(v.performanceScore()),
                            v.modelPath());
                }
            }
            table.print(out());
            limit.footnote(out(), all.size(), "versions");
            return RegistryCli.OK;
        }
    }

    private static boolean exists(ModelRegistry registry, String sensor, String type) {
        return !registry.listModels(ModelFilter.all().type(type).sensor(sensor)).isEmpty();
    }
}
