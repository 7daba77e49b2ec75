package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelFilter;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.SensorNotFoundException;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "versions", mixinStandardHelpOptions = true,
        description = {"List the versions of one model, or of every model of a sensor (without --type),"
                + " newest first; * marks the active one. Archived versions only with --archived (marked a)."})
final class VersionsCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Option(names = "--sensor", paramLabel = "S", required = true, description = "Sensor id.")
    String sensor;

    @Option(names = "--type", paramLabel = "T",
            description = "Model type; without it, the versions of all the sensor's models (by model id).")
    String type;

    @Option(names = "--archived", description = "Also list the archived versions (marked a).")
    boolean archived;

    @Mixin
    Limit limit;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openForReading()) {
            String modelId = type == null ? null : ModelId.of(SensorId.of(sensor), ModelType.of(type)).value();
            List<VersionSummary> all = type != null ? opened.listVersions(sensor, type, archived)
                    : archived ? ofSensorWithArchived(opened, sensor) : opened.listVersionsOfSensor(sensor);
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
                    + " (newest first, * = active" + (archived ? ", a = archived)" : ")"));
            Table table = modelId == null
                    ? Table.of(" ", "model id", "version", "created at (UTC)", "score", "model path").right(4)
                    : Table.of(" ", "version", "created at (UTC)", "score", "model path").right(3);
            for (VersionSummary v : versions) {
                String mark = v.isActive() ? "*" : v.isArchived() ? "a" : " ";
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

    /** Every model of the sensor by model id, each model's versions newest first, the archived ones too. */
    private static List<VersionSummary> ofSensorWithArchived(ModelRegistry registry, String sensor) {
        List<ModelSummary> models = registry.listModels(ModelFilter.all().sensor(sensor));
        if (models.isEmpty()) {
            throw new SensorNotFoundException(SensorId.of(sensor).value());
        }
        return models.stream().flatMap(model -> registry.listVersions(sensor, model.modelType(), true).stream()).toList();
    }

    private static boolean exists(ModelRegistry registry, String sensor, String type) {
        return !registry.listModels(ModelFilter.all().type(type).sensor(sensor)).isEmpty();
    }
}
