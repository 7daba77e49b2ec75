package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.domain.InvalidArtifactException;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registerModel} with a model path whose reading never ends: a FIFO nobody writes to,
 * {@code /dev/zero}, {@code /proc/kmsg}. The registry refuses what is not a regular file or a
 * folder before opening it, and reads a regular file only up to the length the file system
 * reports. The timeout is a guard against a hang (the old code blocked forever on the FIFO),
 * not a speed assertion.
 */
class UnendingArtifactsThroughTheApiTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;

    private static ModelRegistry registry;

    @BeforeAll
    static void open() {
        registry = ModelRegistrySQLite.open(tmp.resolve("models/registry_sqlite"), ScoringWeights.DEFAULTS, tmp.resolve("models"));
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    @Test
    void aFifoIsRefusedNamingThePathAndNothingIsRegistered() throws Exception {
        Path fifo = mkfifo(tmp.resolve("models/telemanom/FIFO"));

        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(() -> registry.registerModel(ApiRegistrar.registration("FIFO", fifo)))
                .isInstanceOf(InvalidArtifactException.class)
                .hasMessageContaining(fifo.toString()));
        assertThat(registry.listVersions("FIFO", "telemanom")).isEmpty();
    }

    @Test
    void aLinkToAFifoAndACharacterDeviceAreRefused() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("models/telemanom")).resolve("LINK"),
                mkfifo(tmp.resolve("elsewhere.fifo")));
        for (Path unending : new Path[] {link, Path.of("/dev/zero")}) {
            assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(
                    () -> registry.registerModel(ApiRegistrar.registration("LINK", unending)))
                    .as(unending.toString())
                    .isInstanceOf(InvalidArtifactException.class)
                    .hasMessageContaining("neither a regular file nor a folder"));
        }
        assertThat(registry.listVersions("LINK", "telemanom")).isEmpty();
    }

    @Test
    void aFolderHoldingAFifoAndALinkToADeviceIsFingerprintedByItsRegularFilesOnly() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("models/telemanom/FOLDER"));
        Files.writeString(folder.resolve("weights.bin"), "abc");
        mkfifo(folder.resolve("pipe"));
        Files.createSymbolicLink(folder.resolve("zero"), Path.of("/dev/zero"));

        String id = assertTimeoutPreemptively(HANG_GUARD, () -> registry.registerModel(ApiRegistrar.registration("FOLDER", folder)));

        assertThat(registry.getModelMetadata(id).orElseThrow().modelSizeBytes()).isEqualTo(3);
    }

    @Test
    void aKernelFileThatNeverEndsIsReadOnlyUpToItsReportedLength() {
        Path kmsg = Path.of("/proc/kmsg");
        assumeTrue(Files.exists(kmsg), "no /proc/kmsg on this system");

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                String id = registry.registerModel(ApiRegistrar.registration("KMSG", kmsg));
                ModelVersionDetails details = registry.getModelMetadata(id).orElseThrow();
                assertThat(details.modelSizeBytes()).as("the length stat reports for /proc/kmsg").isZero();
            } catch (InvalidArtifactException unreadable) { // without the privilege to read the kernel log
                assertThat(unreadable).hasMessageContaining(kmsg.toString());
            }
        });
    }

    private static Path mkfifo(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assumeTrue(process.waitFor() == 0 && Files.exists(path), "mkfifo is not available");
        return path;
    }
}
