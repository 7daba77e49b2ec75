package dev.modelregistry.app.backup;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * One {@code registry_backup_YYYYMMDD_HHMMSS[_N]} folder made by a migration.
 *
 * @param createdAt when it was made (the stamp of its name, the migrating machine's local time)
 * @param sequence  the {@code _N} suffix of backups made in the same second (1 without one)
 * @param sizeBytes the bytes of its regular files
 * @param verified  whether it carries the {@link BackupManifest} (checked file by file when made)
 */
public record MigrationBackup(Path path, LocalDateTime createdAt, int sequence, long sizeBytes, boolean verified) {

    public String name() {
        return path.getFileName().toString();
    }
}
