package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A tag or description edit of a version or a model ({@link EditTarget}): checks the parameter
 * count, makes the edit, prints one line, or with {@code --json} the target after the edit.
 */
abstract class EditCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Mixin
    EditTarget target;

    @Option(names = "--json", description = "Print the target's description and tags after the edit as JSON (keys: see the README).")
    boolean json;

    /** The labels of the parameters after the target (KEY VALUE, KEY, TEXT). */
    abstract String[] labels();

    /** Makes the edit with these parameters; returns the line printed without {@code --json}. */
    abstract String edit(ModelRegistry registry, List<String> parameters);

    @Override
    public Integer call() {
        List<String> parameters = target.rest(spec, labels());
        try (ModelRegistry opened = registry.openExisting()) {
            String done = edit(opened, parameters);
            if (json) {
                Formats.printJson(out(), target.state(opened));
            } else {
                out().println(done);
            }
            return RegistryCli.OK;
        }
    }
}
