package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "alias", mixinStandardHelpOptions = true,
        description = "Named aliases of a model's versions besides the active one (challenger, shadow, ...).",
        subcommands = {AliasCommand.Set.class, AliasCommand.Remove.class, AliasCommand.Listing.class})
final class AliasCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: set, rm or ls");
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Make ALIAS name the version (an alias that named another version of its model moves).")
    static final class Set extends RegistryCommand {

        @Mixin
        RegistryOptions registry;

        @Parameters(index = "0", paramLabel = "VERSION_ID", description = "The version the alias is to name.")
        String versionId;

        @Parameters(index = "1", paramLabel = "ALIAS", description = "1-64 of a-z, 0-9, '-', '_', '.'; not 'active'.")
        String alias;

        @Mixin
        ChangeNoteOptions note;

        @Option(names = "--json", description = "Print what was done as JSON (keys: see the README).")
        boolean json;

        @Override
        public Integer call() {
            ChangeNote recorded = note.note();
            try (ModelRegistry opened = registry.openExisting()) {
                ModelVersionDetails version = opened.getModelMetadata(versionId)
                        .orElseThrow(() -> new VersionNotFoundException(versionId));
                String before = opened.getVersionByAlias(version.sensorId(), version.modelType(), alias)
                        .map(ModelVersionDetails::versionId).orElse(null);
                opened.setAlias(versionId, alias, recorded);
                boolean changed = !versionId.equals(before);
                if (json) {
                    Formats.printJson(out(), change(version.modelId(), alias, versionId, before, changed, recorded));
                } else if (!changed) {
                    out().println("Alias " + alias + " of " + version.modelId() + " already named " + versionId + ".");
                } else {
                    out().println("Alias " + alias + " of " + version.modelId() + " now names " + versionId
                            + (before == null ? "." : " (was " + before + ")."));
                }
                return RegistryCli.OK;
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a model's alias (its version stays).")
    static final class Remove extends RegistryCommand {

        @Mixin
        RegistryOptions registry;

        @Mixin
        ModelPair model;

        @Parameters(index = "2", paramLabel = "ALIAS", description = "The alias to remove.")
        String alias;

        @Mixin
        ChangeNoteOptions note;

        @Option(names = "--json", description = "Print what was done as JSON (keys: see the README).")
        boolean json;

        @Override
        public Integer call() {
            ChangeNote recorded = note.note();
            try (ModelRegistry opened = registry.openExisting()) {
                String modelId = model.modelId();
                String named = opened.getVersionByAlias(model.sensorId, model.modelType, alias)
                        .map(ModelVersionDetails::versionId).orElse(null);
                opened.removeAlias(model.sensorId, model.modelType, alias, recorded); // refuses 'active' and an alias the model lacks
                if (json) {
                    Formats.printJson(out(), change(modelId, alias, null, named, true, recorded));
                } else {
                    out().println("Removed alias " + alias + " of " + modelId + " (it named " + named + ").");
                }
                return RegistryCli.OK;
            }
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true,
            description = "A model's aliases and the versions they name, 'active' first; changes nothing.")
    static final class Listing extends RegistryCommand {

        @Mixin
        RegistryOptions registry;

        @Mixin
        ModelPair model;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            try (ModelRegistry opened = registry.openForReading()) {
                Map<String, String> aliases = opened.listAliases(model.sensorId, model.modelType);
                String active = opened.getActiveModelVersion(model.sensorId, model.modelType).orElse(null);
                if (json) {
                    Map<String, Object> tree = new LinkedHashMap<>();
                    tree.put("model_id", model.modelId());
                    tree.put("active_version", active);
                    tree.put("aliases", aliases);
                    Formats.printJson(out(), tree);
                    return RegistryCli.OK;
                }
                Table table = Table.of("alias", "version");
                table.row("active", active);
                aliases.forEach(table::row);
                table.print(out());
                return RegistryCli.OK;
            }
        }
    }

    /** The model's pair as the first two parameters. */
    static final class ModelPair {

        @Parameters(index = "0", paramLabel = "SENSOR", description = "The model's sensor id.")
        String sensorId;

        @Parameters(index = "1", paramLabel = "TYPE", description = "The model's type.")
        String modelType;

        String modelId() {
            return ModelId.of(SensorId.of(sensorId), ModelType.of(modelType)).value();
        }
    }

    private static Map<String, Object> change(String modelId, String alias, String versionId, String previous,
                                              boolean changed, ChangeNote note) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("model_id", modelId);
        tree.put("alias", alias);
        tree.put("version_id", versionId);
        tree.put("previous_version_id", previous);
        tree.put("changed", changed);
        JsonViews.putNote(tree, note);
        return tree;
    }
}
