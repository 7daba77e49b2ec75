package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Replace the description of a version: registry describe VERSION_ID TEXT, or of a model:",
                "registry describe --model SENSOR TYPE TEXT. An empty or blank TEXT clears it."})
final class DescribeCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Mixin
    EditTarget target;

    @Option(names = "--json", description = "Print the target's description and tags after the edit as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String text = target.rest(spec, "TEXT").get(0);
        try (ModelRegistry opened = registry.openExisting()) {
            if (target.isModel()) {
                opened.updateModelDescription(target.sensorId(), target.modelType(), text);
            } else {
                opened.updateVersionDescription(target.versionId(), text);
            }
            if (json) {
                Formats.printJson(out(), target.state(opened));
            } else {
                out().println(text.isBlank() ? "Cleared the description of " + target.shown() + "."
                        : "Described " + target.shown() + ".");
            }
            return RegistryCli.OK;
        }
    }
}
