package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Replace the description of a version: registry describe VERSION_ID TEXT, or of a model:",
                "registry describe --model SENSOR TYPE TEXT. An empty or blank TEXT clears it."})
final class DescribeCommand extends EditCommand {

    @Override
    String[] labels() {
        return new String[] {"TEXT"};
    }

    @Override
    String edit(ModelRegistry registry, List<String> parameters) {
        String text = parameters.get(0);
        if (target.isModel()) {
            registry.updateModelDescription(target.sensorId(), target.modelType(), text);
        } else {
            registry.updateVersionDescription(target.versionId(), text);
        }
        return (text.isBlank() ? "Cleared the description of " : "Described ") + target.shown() + ".";
    }
}
