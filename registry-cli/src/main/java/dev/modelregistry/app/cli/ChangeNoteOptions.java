package dev.modelregistry.app.cli;

import dev.modelregistry.domain.InvalidChangeNoteException;
import dev.modelregistry.domain.model.ChangeNote;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The change note of a command that changes an active version or an alias (README, "Who and
 * why"): {@code --actor}, {@code --reason}, {@code --ref}; the actor defaults to the
 * operating-system user. For any such command: {@code @Mixin ChangeNoteOptions note;}, then
 * {@link #note()} before opening the registry, so a refused note writes nothing (exit code 2).
 */
final class ChangeNoteOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--actor", paramLabel = "WHO",
            description = "Who makes the change, recorded in the history (default: the operating-system user).")
    String actor;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded in the history.")
    String reason;

    @Option(names = "--ref", paramLabel = "REF", description = "An external reference recorded with it, e.g. a ticket id.")
    String reference;

    /** The note these options give; a refused part is a usage error naming the option. */
    ChangeNote note() {
        try {
            return ChangeNote.by(actor != null ? actor : System.getProperty("user.name")).because(reason)
                    .referencing(reference);
        } catch (InvalidChangeNoteException e) {
            String option = switch (e.field()) {
                case "reason" -> "--reason";
                case "reference" -> "--ref";
                default -> actor != null ? "--actor" : "the operating-system user (name the actor with --actor)";
            };
            throw new CommandLine.ParameterException(mixee.commandLine(), option + ": " + e.getMessage());
        }
    }
}
