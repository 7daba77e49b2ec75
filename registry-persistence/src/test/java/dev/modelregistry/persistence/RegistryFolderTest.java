package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.RegistryUnavailableException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "cannot create the registry folder X" says why. */
class RegistryFolderTest {

    @TempDir
    Path tmp;

    @Test
    void aRegistryFolderBelowAFileIsRefusedSayingThatItIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("models"), "not a folder");

        assertThatThrownBy(() -> RegistryDatabase.openSqlite(file.resolve("registry_sqlite")))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("cannot create the registry folder " + file.resolve("registry_sqlite") + ": " + file
                        + " is a file, not a folder");
    }

    @Test
    void permissionAndFileSystemFailuresAreNamedInWords() {
        assertThat(RegistryFolder.why(new AccessDeniedException("/srv"))).isEqualTo("permission denied on /srv");
        assertThat(RegistryFolder.why(new FileSystemException("/mnt/ro/registry", null, "Read-only file system")))
                .isEqualTo("Read-only file system (/mnt/ro/registry)");
    }
}
