package dev.modelregistry.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code registry help [COMMAND [SUBCOMMAND]]}: prints exactly what {@code registry COMMAND
 * [SUBCOMMAND] --help} prints, at any depth ({@code registry help db status}); an unknown
 * command is a usage error.
 */
@Command(name = "help", mixinStandardHelpOptions = true,
        description = "Show the help of registry or of a command, like --help after it (e.g. registry help db status).")
final class HelpCommand extends RegistryCommand {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to explain.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine target = spec.root().commandLine();
        for (String name : command) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown command '"
                        + String.join(" ", command) + "'");
            }
            target = sub;
        }
        target.usage(out());
        out().flush();
        return RegistryCli.OK;
    }
}
