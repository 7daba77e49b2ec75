package dev.modelregistry.app;

import dev.modelregistry.domain.artifact.ArtifactRemoval;
import java.util.List;

/**
 * What a cleanup (R9) deleted (or, in {@link CleanupMode#ARCHIVE}, archived), or with
 * {@code dryRun} would.
 *
 * @param keepLastN      the newest versions kept per model (the active one is kept besides)
 * @param dryRun         nothing was deleted: {@code versions} lists what a real run would delete
 * @param modelsAffected models that lost (or would lose) versions
 * @param versions       the deleted versions, by model id, each model's newest first
 * @param artifacts      what happened to their files, when asked to delete them (one entry per
 *                       distinct path; empty otherwise and in a dry run)
 * @param mode           whether the versions were deleted or archived
 */
public record CleanupReport(int keepLastN, boolean dryRun, int modelsAffected, List<VersionSummary> versions,
                            List<ArtifactRemoval> artifacts, CleanupMode mode) {

    public CleanupReport {
        versions = List.copyOf(versions);
        artifacts = List.copyOf(artifacts);
    }

    public int removedCount() {
        return versions.size();
    }
}
