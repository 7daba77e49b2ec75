package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.domain.model.ChangeNote;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hold} and {@code release} (R14): a model by SENSOR TYPE, the change note options and {@code --json}. */
abstract class HoldChangeCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Mixin
    AliasCommand.ModelPair model;

    @Mixin
    ChangeNoteOptions note;

    @Option(names = "--json", description = "Print what was done as JSON (keys: see the README).")
    boolean json;

    @Override
    public Integer call() {
        ChangeNote recorded = note.note();
        try (ModelRegistry opened = registry.openExisting()) {
            change(opened, recorded);
            return RegistryCli.OK;
        }
    }

    /** Changes the model's hold with {@code note} and prints what was done. */
    abstract void change(ModelRegistry opened, ChangeNote note);
}
