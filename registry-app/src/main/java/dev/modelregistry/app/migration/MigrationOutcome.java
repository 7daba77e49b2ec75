package dev.modelregistry.app.migration;

/**
 * How a migration ended, with the CLI exit code it maps to (0 success, 1 failure). A dry run
 * reports the outcome the real run would have (only the backup, the import and the verification
 * themselves cannot be predicted), with {@link MigrationReport#dryRun()} set.
 */
public enum MigrationOutcome {
    /** Everything was imported and verified. */
    MIGRATED(0),
    /** The registry had been migrated before: nothing new to import, verification passed; no backup taken. */
    ALREADY_MIGRATED(0),
    /** The legacy registry is missing or holds no version that could be imported: nothing was written. */
    NOTHING_TO_MIGRATE(1),
    /** The target registry cannot be read, created or reached: nothing was written. */
    TARGET_UNAVAILABLE(1),
    /** Problems were found and --skip-invalid was not given: nothing was written. */
    REFUSED(1),
    /** Imported and verified, but broken items were skipped (listed). */
    MIGRATED_WITH_SKIPS(1),
    /** A version id exists in the database with different content: nothing was changed. */
    CONFLICT(1),
    /** The backup could not be made or verified: nothing was imported. */
    BACKUP_FAILED(1),
    /** The import failed and was rolled back. */
    IMPORT_FAILED(1),
    /** The import committed but the database disagrees with the legacy files. */
    VERIFICATION_FAILED(1);

    private final int exitCode;

    MigrationOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
