package dev.modelregistry.persistence;

/**
 * What is wrong in a registry database written by the Python {@code ModelRegistrySQLite}, by
 * defect, as counted before an upgrade (what it will repair) or after it (all zero but
 * {@link #versionsWithoutModel}, which the upgrade refuses rather than repairs).
 *
 * @param models                        models in the file
 * @param versions                      versions in the file
 * @param modelsWithSeveralActiveFlags  models with more than one version flagged {@code is_active}
 * @param danglingActiveVersions        models whose {@code active_version} names no version of theirs
 *                                      (force-deleted): the best remaining version is re-elected (REELECTED)
 * @param modelsWithoutActiveVersion    models with versions but no {@code active_version}: re-elected too
 * @param misflaggedVersions            versions whose {@code is_active} flag disagrees with
 *                                      {@code models.active_version}
 * @param orphanedLineageRows           {@code data_lineage} rows whose version is gone: deleted
 * @param naiveLocalTimestamps          Python isoformat local times (read in the operator's zone)
 * @param utcTextTimestamps             SQLite {@code CURRENT_TIMESTAMP} texts (UTC)
 * @param otherZonedTimestamps          other ISO-8601 texts with an offset
 * @param unreadableTimestamps          texts that are no timestamp: the upgrade stops on them
 * @param modelsWithoutHistory          models that will get their first history entry (MIGRATED or REELECTED)
 * @param versionsWithoutModel          versions whose model row is gone: not repaired, the upgrade stops
 */
public record LegacyDefects(int models, int versions, int modelsWithSeveralActiveFlags, int danglingActiveVersions,
                            int modelsWithoutActiveVersion, int misflaggedVersions, int orphanedLineageRows,
                            int naiveLocalTimestamps, int utcTextTimestamps, int otherZonedTimestamps,
                            int unreadableTimestamps, int modelsWithoutHistory, int versionsWithoutModel) {

    /** Timestamps not yet in the library's format. */
    public int pythonTimestamps() {
        return naiveLocalTimestamps + utcTextTimestamps + otherZonedTimestamps + unreadableTimestamps;
    }

    /** True when nothing needs repairing. */
    public boolean clean() {
        return modelsWithSeveralActiveFlags == 0 && danglingActiveVersions == 0 && modelsWithoutActiveVersion == 0
                && misflaggedVersions == 0 && orphanedLineageRows == 0 && pythonTimestamps() == 0
                && modelsWithoutHistory == 0 && versionsWithoutModel == 0;
    }
}
