package dev.modelregistry.app.cli;

import dev.modelregistry.app.transfer.RegistryImport;
import dev.modelregistry.app.transfer.TransferSummary;
import dev.modelregistry.persistence.RegistryDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read a file written by 'registry export' into the registry (created if absent), all or nothing:"
                + " the whole file is checked first (format, truncation, every rule of the model), then its models are"
                + " added in one transaction.",
                "Only models the registry does not have are added; a model or version id it already has stops the"
                + " import and nothing is written."})
final class ImportCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Parameters(paramLabel = "FILE", description = "The export file to read.")
    Path file;

    @Override
    public Integer call() {
        RegistryImport transfer = new RegistryImport(file);
        transfer.check(); // before the database is opened or created
        try (RegistryDatabase database = registry.openDatabase()) {
            TransferSummary summary = transfer.into(database.repository(), database.unitOfWork());
            out().println("Imported " + summary.models() + " model(s), " + summary.versions() + " version(s) from "
                    + file + " into " + registry.location());
            return RegistryCli.OK;
        }
    }
}
