package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registry delete --delete-artifacts} after {@code registry migrate}: what goes, what stays, the exit code. */
class DeleteArtifactsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void deletingAVersionWhoseModelPathIsTheLegacyFolderIsRefusedWithExitCode1AndTheLegacyFolderIntact() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path models = legacy.getParent();
        String dir = models.resolve("registry_sqlite").toString();
        assertThat(registry("migrate", "--old-path", legacy.toString(), "--new-path", dir).exitCode()).isZero();
        Path backup;
        try (Stream<Path> siblings = Files.list(models)) {
            backup = siblings.filter(p -> p.getFileName().toString().startsWith("registry_backup_")).findFirst().orElseThrow();
        }
        Map<String, String> legacyBefore = LegacyFixtures.hashTree(legacy);
        Map<String, String> backupBefore = LegacyFixtures.hashTree(backup);
        String hostile = register(Path.of(dir), legacy);
        String own = register(Path.of(dir), Path.of(dir));

        for (String id : List.of(hostile, own)) {
            CliRun delete = registry("delete", id, "--force", "--delete-artifacts", "--registry", dir);

            assertThat(delete.exitCode()).as(delete.toString()).isEqualTo(1);
            assertThat(delete.out()).contains("Deleted version " + id).contains("Artifact: Refused to delete ");
            assertThat(delete.err()).startsWith("error: the version was deleted but its files were kept").hasLineCount(1);
        }
        assertThat(LegacyFixtures.hashTree(legacy)).isEqualTo(legacyBefore);
        assertThat(LegacyFixtures.hashTree(backup)).isEqualTo(backupBefore);
        CliRun stats = registry("stats", "--registry", dir);
        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        assertThat(stats.out()).containsPattern("versions\\s+12");
    }

    @Test
    void aVersionAtAnAliasOfAMigratedFolderLeavesItAndTheLastVersionRemovesIt() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path models = legacy.getParent();
        String dir = models.resolve("registry_sqlite").toString();
        assertThat(registry("migrate", "--old-path", legacy.toString(), "--new-path", dir).exitCode()).isZero();
        Path folder = models.resolve("transformer/SMAP-PWR-001");
        String alias = register(Path.of(dir), Path.of(models + "/transformer/../transformer/./SMAP-PWR-001"));

        CliRun kept = registry("delete", alias, "--force", "--delete-artifacts", "--registry", dir);
        assertThat(kept.exitCode()).as(kept.toString()).isZero();
        assertThat(kept.out()).contains("Artifact: Kept ").doesNotContainIgnoringCase("kept shared");
        assertThat(folder.resolve("transformer_metadata.json")).isRegularFile();

        CliRun removed = registry("delete", "7f282096", "--force", "--delete-artifacts", "--registry", dir);
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.out()).contains("Artifact: Deleted the folder ");
        assertThat(folder).doesNotExist();
        assertThat(models.resolve("transformer/SMAP-COM-001")).isDirectory();
    }

    private static String register(Path registryDir, Path modelPath) {
        try (ModelRegistry opened = ModelRegistrySQLite.open(registryDir)) {
            return opened.registerModel(ModelRegistration.builder()
                    .sensorId("SMAP-PWR-001").modelType("transformer").modelPath(modelPath)
                    .trainingConfig(Map.of("epochs", 20)).trainingMetrics(Map.of("final_loss", 0.2))
                    .validationMetrics(Map.of("validation_performed", true, "mae", 0.5, "r2_score", 0.1))
                    .trainingTimeSeconds(50.0).dataHash("abc123").dataSource("nasa_smap").numSamples(100)
                    .description("hostile path").tags(List.of("transformer")).build());
        }
    }
}
