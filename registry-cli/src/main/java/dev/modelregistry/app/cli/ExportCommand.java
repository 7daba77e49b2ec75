package dev.modelregistry.app.cli;

import dev.modelregistry.app.transfer.RegistryExport;
import dev.modelregistry.app.transfer.TransferSummary;
import dev.modelregistry.persistence.RegistryDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the whole registry (models, versions, lineage, activation history) to a JSON-lines file"
                + " that 'registry import' reads back, on SQLite or PostgreSQL (docs/export-format.md).",
                "The file appears only when complete (written beside it, then renamed); an existing file is replaced."})
final class ExportCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The export file to write.")
    Path out;

    @Override
    public Integer call() {
        try (RegistryDatabase database = registry.openDatabaseForReading()) {
            TransferSummary summary = new RegistryExport(database.repository(), database.unitOfWork()).writeTo(out);
            out().println("Exported " + summary.models() + " model(s), " + summary.versions() + " version(s) from "
                    + registry.location() + " to " + summary.file());
            return RegistryCli.OK;
        }
    }
}
