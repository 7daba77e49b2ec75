package dev.modelregistry.app.cli;

import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import picocli.CommandLine.Option;

/** One model, named by its sensor and type. */
final class ModelSelection {

    @Option(names = "--sensor", paramLabel = "S", required = true, description = "Sensor id.")
    String sensor;

    @Option(names = "--type", paramLabel = "T", required = true, description = "Model type.")
    String type;

    String modelId() {
        return ModelId.of(SensorId.of(sensor), ModelType.of(type)).value();
    }
}
