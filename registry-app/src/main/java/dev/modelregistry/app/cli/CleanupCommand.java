package dev.modelregistry.app.cli;

import dev.modelregistry.app.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Delete old versions: every model keeps its active version and its newest N versions.")
final class CleanupCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Option(names = "--keep", paramLabel = "N", required = true, description = "Versions to keep per model (at least 1).")
    int keep;

    @Override
    public Integer call() {
        try (ModelRegistry opened = registry.openExisting()) {
            int removed = opened.cleanupOldVersions(keep);
            out().println("Removed " + removed + (removed == 1 ? " version" : " versions")
                    + " (kept the active and the newest " + keep + " of every model).");
            return RegistryCli.OK;
        }
    }
}
