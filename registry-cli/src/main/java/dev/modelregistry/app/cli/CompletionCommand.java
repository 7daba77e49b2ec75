package dev.modelregistry.app.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** Prints the bash/zsh completion script picocli generates from the command tree (README, "Shell completion"). */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash (and zsh) completion script for registry.",
                "Use it in the current shell:  source <(registry completion)",
                "For every new shell:  registry completion > ~/.registry-completion.bash and source that file from ~/.bashrc",
                "(zsh: run 'autoload -U +X bashcompinit && bashcompinit' first)."})
final class CompletionCommand extends RegistryCommand {

    @Override
    public Integer call() {
        out().print(AutoComplete.bash("registry", spec.root().commandLine()));
        out().flush();
        return RegistryCli.OK;
    }
}
