package dev.modelregistry.persistence.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.persistence.AdoptionStatus;
import dev.modelregistry.persistence.RegistryDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of an adoption: a child JVM adopts a copy of the Python fixture and is
 * destroyed forcibly (SIGKILL) after a random delay within its run. Afterwards the database
 * file is either byte-identical to the Python original or completely adopted, never in between,
 * and a rerun completes.
 */
class AdoptionCrashTest {

    private static final int KILLS = 3;

    @TempDir
    Path root;

    @Test
    void aKilledAdoptionLeavesTheOriginalOrTheAdoptedFileAndARerunCompletes() throws Exception {
        Path reference = root.resolve("reference");
        Path referenceFile = PythonRegistries.copyFixture(reference);
        String originalHash = PythonRegistryAdoption.sha256(referenceFile);
        long started = System.nanoTime();
        Process whole = child(reference);
        assertThat(whole.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.exitValue()).isZero();
        long runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertAdopted(reference);

        Random random = new Random(20261126L);
        List<String> outcomes = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Path registryDir = root.resolve("kill-" + kill);
            Path file = PythonRegistries.copyFixture(registryDir);
            // spread the kills over the child's run: JVM start, backup, copy, Liquibase, rename
            long delay = (long) (runMillis * (0.25 + 0.75 * (kill + random.nextDouble()) / KILLS));
            Process process = child(registryDir);
            boolean finished = process.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }

            boolean original = PythonRegistryAdoption.sha256(file).equals(originalHash);
            if (original) {
                outcomes.add(delay + " ms: original");
            } else {
                assertAdopted(registryDir);
                outcomes.add(delay + " ms: adopted");
            }

            RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC);
            assertAdopted(registryDir);
            assertThat(PythonRegistries.fileNames(registryDir))
                    .allSatisfy(name -> assertThat(name).matches("model_registry\\.db(\\.bak-[0-9_\\-]+|\\.liquibase-lock)?"));
        }
        System.out.println("AdoptionCrashTest (uninterrupted run " + runMillis + " ms): " + outcomes);
    }

    private static void assertAdopted(Path registryDir) throws Exception {
        AdoptionStatus status = RegistryDatabase.status(registryDir);
        assertThat(status.pythonCreated()).as("still a Python file").isFalse();
        assertThat(status.current()).as("all changesets applied").isTrue();
        Path file = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        assertThat(PythonRegistries.count(file, "SELECT COUNT(*) FROM versions")).isEqualTo(32);
        assertThat(PythonRegistries.count(file, "SELECT COUNT(*) FROM activation_history")).isEqualTo(10);
        assertThat(PythonRegistries.rows(file, "PRAGMA foreign_key_check")).isEmpty();
    }

    private static Process child(Path registryDir) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                "-Dliquibase.analytics.enabled=false",
                AdoptionChild.class.getName(), registryDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
