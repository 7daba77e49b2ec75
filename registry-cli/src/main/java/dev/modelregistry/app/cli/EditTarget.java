package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelFilter;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.ModelNotFoundException;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What a tag or description edit names: a version by its id (the first parameter), or a model
 * with {@code --model SENSOR TYPE}; the other parameters follow (KEY VALUE, KEY, TEXT).
 */
final class EditTarget {

    @Option(names = "--model", arity = "2", paramLabel = "SENSOR TYPE",
            description = "Edit the model of this sensor and type instead of a version (then no VERSION_ID).")
    List<String> model;

    @Parameters(paramLabel = "ARGS", description = "VERSION_ID (without --model), then the edit's parameters.")
    List<String> parameters = List.of();

    boolean isModel() {
        return model != null;
    }

    String sensorId() {
        return model.get(0);
    }

    String modelType() {
        return model.get(1);
    }

    String versionId() {
        return parameters.get(0);
    }

    /** The edit's own parameters after the target, exactly {@code labels} of them, or a usage error naming them. */
    List<String> rest(CommandLine.Model.CommandSpec spec, String... labels) {
        int skip = isModel() ? 0 : 1;
        if (parameters.size() != skip + labels.length) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected "
                    + (isModel() ? "" : "VERSION_ID ") + String.join(" ", labels) + (isModel() ? " after --model SENSOR TYPE" : "")
                    + ", got " + parameters.size() + " parameter(s)");
        }
        return parameters.subList(skip, parameters.size());
    }

    /** What the target holds now: its id(s), description and tags, as the {@code --json} output shows them. */
    Map<String, Object> state(ModelRegistry registry) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (isModel()) {
            String modelId = ModelId.of(SensorId.of(sensorId()), ModelType.of(modelType())).value();
            ModelSummary found = registry.listModels(ModelFilter.all().type(modelType()).sensor(sensorId())).stream()
                    .findFirst().orElseThrow(() -> new ModelNotFoundException(modelId));
            json.put("model_id", found.modelId());
            json.put("version_id", null);
            json.put("description", found.description());
            json.put("tags", found.tags());
            json.put("tag_values", found.tagValues());
        } else {
            ModelVersionDetails found = registry.getModelMetadata(versionId())
                    .orElseThrow(() -> new VersionNotFoundException(versionId()));
            json.put("model_id", found.modelId());
            json.put("version_id", found.versionId());
            json.put("description", found.description());
            json.put("tags", found.tags());
            json.put("tag_values", found.tagValues());
        }
        return json;
    }

    /** The target's tag keys now. */
    @SuppressWarnings("unchecked")
    List<String> tagKeys(ModelRegistry registry) {
        return (List<String>) state(registry).get("tags");
    }

    /** "version ID" or "model MODEL_ID" for text output. */
    String shown() {
        return isModel() ? "model " + ModelId.of(SensorId.of(sensorId()), ModelType.of(modelType())).value()
                : "version " + versionId();
    }
}
