package dev.modelregistry.app.cli;

import dev.modelregistry.app.ArchiveReport;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.VersionNotFoundException;
import dev.modelregistry.domain.model.ChangeNote;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Archive a version instead of deleting it: it keeps its record (show finds it) but leaves the"
                + " elections, its aliases and the default listings. The active version is refused unless --force"
                + " (the best other version in elections then becomes active); the last version in elections never.",
                "--undo puts an archived version back into the elections."})
final class ArchiveCommand extends RegistryCommand {

    @Mixin
    RegistryOptions registry;

    @Parameters(paramLabel = "VERSION_ID", description = "The version to archive (or, with --undo, to unarchive).")
    String versionId;

    @Option(names = "--force", description = "Also archive the active version (another one is re-elected).")
    boolean force;

    @Option(names = "--undo", description = "Unarchive: put the archived version back into the elections.")
    boolean undo;

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
            boolean changed;
            String activeAfter;
            boolean reelected = false;
            if (undo) {
                changed = opened.unarchiveVersion(versionId, recorded);
                activeAfter = opened.getActiveModelVersion(version.sensorId(), version.modelType()).orElse(null);
            } else {
                ArchiveReport report = opened.archiveVersion(versionId, force, recorded);
                changed = report.archived();
                activeAfter = report.activeVersionAfter().orElse(null);
                reelected = report.reelected();
            }
            if (json) {
                Map<String, Object> tree = new LinkedHashMap<>();
                tree.put("version_id", versionId);
                tree.put("model_id", version.modelId());
                tree.put("archived", !undo);
                tree.put("changed", changed);
                tree.put("active_version", activeAfter);
                tree.put("reelected", reelected);
                JsonViews.putNote(tree, recorded);
                Formats.printJson(out(), tree);
            } else if (!changed) {
                out().println("Version " + versionId + " of " + version.modelId() + " was " + (undo ? "not" : "already")
                        + " archived: nothing changed.");
            } else if (undo) {
                out().println("Unarchived " + versionId + " of " + version.modelId() + ": it takes part in elections again"
                        + " (active version: " + activeAfter + ").");
            } else {
                out().println("Archived " + versionId + " of " + version.modelId() + (reelected
                        ? "; it was the active version: " + activeAfter + " is active now (re-elected)."
                        : "; it stays on record but leaves the elections and the default listings."));
            }
            return RegistryCli.OK;
        }
    }
}
