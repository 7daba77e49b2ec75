package dev.modelregistry.app.migration;

/** Hears how a migration advances (M8); the CLI shows it on a terminal. */
public interface MigrationListener {

    MigrationListener SILENT = new MigrationListener() {
    };

    /** A new phase starts: "reading", "backup", "import", "verify". */
    default void phase(String name) {
    }

    /** {@code done} of {@code total} items of the current phase are finished. */
    default void progress(long done, long total) {
    }
}
