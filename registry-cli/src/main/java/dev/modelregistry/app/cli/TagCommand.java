package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Key-value tags of a version, or of a model with --model SENSOR TYPE.",
        subcommands = {TagCommand.Set.class, TagCommand.Remove.class})
final class TagCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: set or rm");
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set tag KEY to VALUE: registry tag set VERSION_ID KEY VALUE, or",
                    "registry tag set --model SENSOR TYPE KEY VALUE. A present key takes the new value.",
                    "KEY: 1-256 characters, no '=', no control characters; VALUE: at most 5000 characters."})
    static final class Set extends RegistryCommand {

        @Mixin
        RegistryOptions registry;

        @Mixin
        EditTarget target;

        @Option(names = "--json", description = "Print the target's tags after the edit as JSON (keys: see the README).")
        boolean json;

        @Override
        public Integer call() {
            List<String> keyValue = target.rest(spec, "KEY", "VALUE");
            try (ModelRegistry opened = registry.openExisting()) {
                if (target.isModel()) {
                    opened.setModelTag(target.sensorId(), target.modelType(), keyValue.get(0), keyValue.get(1));
                } else {
                    opened.setVersionTag(target.versionId(), keyValue.get(0), keyValue.get(1));
                }
                if (json) {
                    Formats.printJson(out(), target.state(opened));
                } else {
                    out().println("Tag " + keyValue.get(0) + " of " + target.shown() + " set to \"" + keyValue.get(1) + "\".");
                }
                return RegistryCli.OK;
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = {"Remove tag KEY (with its value, if any): registry tag rm VERSION_ID KEY, or",
                    "registry tag rm --model SENSOR TYPE KEY. Removing a tag that is not there changes nothing."})
    static final class Remove extends RegistryCommand {

        @Mixin
        RegistryOptions registry;

        @Mixin
        EditTarget target;

        @Option(names = "--json", description = "Print the target's tags after the edit as JSON (keys: see the README).")
        boolean json;

        @Override
        public Integer call() {
            String key = target.rest(spec, "KEY").get(0);
            try (ModelRegistry opened = registry.openExisting()) {
                boolean present = tagKeys(target.state(opened)).contains(key);
                if (target.isModel()) {
                    opened.removeModelTag(target.sensorId(), target.modelType(), key);
                } else {
                    opened.removeVersionTag(target.versionId(), key);
                }
                if (json) {
                    Formats.printJson(out(), target.state(opened));
                } else {
                    out().println(present ? "Removed tag " + key + " of " + target.shown() + "."
                            : target.shown().substring(0, 1).toUpperCase() + target.shown().substring(1)
                                    + " has no tag " + key + "; nothing changed.");
                }
                return RegistryCli.OK;
            }
        }

        @SuppressWarnings("unchecked")
        private static List<String> tagKeys(Map<String, Object> state) {
            return (List<String>) state.get("tags");
        }
    }
}
