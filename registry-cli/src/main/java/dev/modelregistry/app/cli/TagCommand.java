package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
    static final class Set extends EditCommand {

        @Override
        String[] labels() {
            return new String[] {"KEY", "VALUE"};
        }

        @Override
        String edit(ModelRegistry registry, List<String> keyValue) {
            if (target.isModel()) {
                registry.setModelTag(target.sensorId(), target.modelType(), keyValue.get(0), keyValue.get(1));
            } else {
                registry.setVersionTag(target.versionId(), keyValue.get(0), keyValue.get(1));
            }
            return "Tag " + keyValue.get(0) + " of " + target.shown() + " set to \"" + keyValue.get(1) + "\".";
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = {"Remove tag KEY (with its value, if any): registry tag rm VERSION_ID KEY, or",
                    "registry tag rm --model SENSOR TYPE KEY. Removing a tag that is not there changes nothing."})
    static final class Remove extends EditCommand {

        @Override
        String[] labels() {
            return new String[] {"KEY"};
        }

        @Override
        String edit(ModelRegistry registry, List<String> parameters) {
            String key = parameters.get(0);
            boolean present = target.tagKeys(registry).contains(key);
            if (target.isModel()) {
                registry.removeModelTag(target.sensorId(), target.modelType(), key);
            } else {
                registry.removeVersionTag(target.versionId(), key);
            }
            String shown = target.shown();
            return present ? "Removed tag " + key + " of " + shown + "."
                    : Character.toUpperCase(shown.charAt(0)) + shown.substring(1) + " has no tag " + key + "; nothing changed.";
        }
    }
}
