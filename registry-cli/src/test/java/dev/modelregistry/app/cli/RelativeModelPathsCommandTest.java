package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relative model path means the same files whatever the current folder: the migration stores
 * the absolute, canonical form of the legacy paths (relative ones resolved against the legacy
 * registry's models root), so the stored form does not depend on how {@code --old-path} was
 * spelled, and {@code delete --delete-artifacts} run from another folder finds the files.
 */
class RelativeModelPathsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theStoredModelPathIsTheSameHoweverOldPathWasSpelled() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path workingDir = Path.of("").toAbsolutePath();
        List<String> spellings = List.of(legacy.toString(), workingDir.relativize(legacy).toString(),
                legacy.getParent() + "/./transformer/../registry/");
        Set<String> stored = new LinkedHashSet<>();
        for (int i = 0; i < spellings.size(); i++) {
            String dir = tmp.resolve("target-" + i).toString();
            CliRun migrate = registry("migrate", "--old-path", spellings.get(i), "--new-path", dir);
            assertThat(migrate.exitCode()).as(spellings.get(i) + ": " + migrate).isZero();
            CliRun show = registry("show", "7f282096", "--json", "--registry", dir);
            assertThat(show.exitCode()).as(show.toString()).isZero();
            stored.add(new ObjectMapper().readTree(show.out()).get("model_path").asText());
        }

        assertThat(stored).containsExactly(legacy.getParent().toRealPath().resolve("transformer/SMAP-PWR-001").toString());
    }

    @Test
    void deleteWithArtifactsFromAnotherFolderFindsTheFilesOfARegistryMigratedWithARelativeOldPath() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path folder = legacy.resolveSibling("transformer/SMAP-PWR-001");
        String dir = legacy.resolveSibling("registry_sqlite").toString();
        CliRun migrate = registry("migrate", "--old-path", Path.of("").toAbsolutePath().relativize(legacy).toString(),
                "--new-path", dir);
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/deeper"));

        Path out = tmp.resolve("delete.out");
        Process delete = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), RegistryCli.class.getName(),
                "delete", "7f282096", "--force", "--delete-artifacts", "--registry", dir)
                .directory(elsewhere.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(delete.waitFor(120, TimeUnit.SECONDS)).as("the child CLI finished").isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);

        assertThat(delete.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Artifact: Deleted the folder ");
        assertThat(folder).doesNotExist();
        assertThat(legacy.resolveSibling("transformer/SMAP-COM-001")).isDirectory();
    }
}
