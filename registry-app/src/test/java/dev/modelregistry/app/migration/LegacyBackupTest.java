package dev.modelregistry.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyBackupTest {

    @TempDir
    Path parent;

    @Test
    void theBackupIsAByteIdenticalCopyKeepingTimesAndPermissionsNextToTheLegacyFolder() throws Exception {
        Path legacy = Files.createDirectories(parent.resolve("registry"));
        Files.createDirectories(legacy.resolve("metadata"));
        Path index = Files.writeString(legacy.resolve("models_index.json"), "{}");
        byte[] big = new byte[200_000]; // more than one copy buffer
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Path metadata = Files.write(legacy.resolve("metadata").resolve("v1.json"), big);
        Files.createDirectories(legacy.resolve("empty"));
        FileTime then = FileTime.from(Instant.parse("2025-01-02T03:04:05Z"));
        Files.setLastModifiedTime(metadata, then);
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r--r-----"));

        Path backup = LegacyBackup.create(legacy, LocalDateTime.of(2025, 9, 30, 12, 0, 0));

        assertThat(backup).isEqualTo(parent.resolve("registry_backup_20250930_120000"));
        assertThat(Files.readAllBytes(backup.resolve("metadata").resolve("v1.json"))).isEqualTo(big);
        assertThat(Files.readString(backup.resolve("models_index.json"))).isEqualTo("{}");
        assertThat(backup.resolve("empty")).isDirectory();
        assertThat(Files.getLastModifiedTime(backup.resolve("metadata").resolve("v1.json"))).isEqualTo(then);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.resolve("models_index.json"))))
                .isEqualTo("r--r-----");
        assertThat(LegacyBackup.create(legacy, LocalDateTime.of(2025, 9, 30, 12, 0, 0)))
                .isEqualTo(parent.resolve("registry_backup_20250930_120000_2"));
    }
}
