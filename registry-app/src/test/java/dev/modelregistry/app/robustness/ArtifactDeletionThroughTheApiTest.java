package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.DeletionReport;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.domain.artifact.ArtifactRemoval.Outcome;
import dev.modelregistry.domain.scoring.ScoringWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deleteVersion(id, force = true, deleteArtifacts = true)} through the public API with
 * hostile model paths: {@code ..} segments, absolute paths outside the artifact root, a relative
 * path that climbs out, a symlink inside the root pointing outside, the root itself, and a
 * folder shared by two versions. Nothing outside the artifact root is removed, the root and the
 * registry survive, a shared folder stays until its last version goes.
 */
class ArtifactDeletionThroughTheApiTest {

    @TempDir
    Path tmp;

    @Test
    void forcedDeletionsWithArtifactsNeverRemoveAnythingOutsideTheArtifactRoot() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data/models"));
        Path outside = Files.createDirectories(tmp.resolve("outside/model"));
        Files.writeString(outside.resolve("weights.bin"), "precious");
        Files.writeString(tmp.resolve("outside/secret.txt"), "precious too");
        Path link = Files.createSymbolicLink(root.resolve("telemanom-link"), outside);
        Path shared = Files.createDirectories(root.resolve("transformer/SHARED"));
        Files.writeString(shared.resolve("weights.bin"), "shared");
        Path own = Files.createDirectories(root.resolve("telemanom/OWN"));
        Files.writeString(own.resolve("weights.bin"), "own");
        Map<String, String> outsideBefore = LegacyFixtures.hashTree(tmp.resolve("outside"));

        List<Path> hostile = List.of(
                Path.of(root + "/telemanom/../../outside/model"),
                outside.toAbsolutePath(),
                tmp.resolve("outside/secret.txt").toAbsolutePath(),
                Path.of("").toAbsolutePath().relativize(outside.toAbsolutePath()),
                link,
                Path.of(root + "/telemanom-link/../../outside"),
                root,
                Path.of(root + "/."));
        try (ModelRegistry registry = ModelRegistrySQLite.open(root.resolve("registry_sqlite"), ScoringWeights.DEFAULTS, root)) {
            for (Path path : hostile) {
                String id = registry.registerModel(ApiRegistrar.registration("S1", path));
                registry.deleteVersion(id, true, true);
                assertThat(LegacyFixtures.hashTree(tmp.resolve("outside"))).as("after deleting " + path).isEqualTo(outsideBefore);
                assertThat(root.resolve("registry_sqlite/model_registry.db")).as("after deleting " + path).exists();
            }
            String first = registry.registerModel(ApiRegistrar.registration("S2", shared));
            String second = registry.registerModel(ApiRegistrar.registration("S2", shared));
            registry.deleteVersion(first, true, true);
            assertThat(shared.resolve("weights.bin")).as("still used by another version").exists();
            registry.deleteVersion(second, true, true);

            String mine = registry.registerModel(ApiRegistrar.registration("S3", own));
            registry.deleteVersion(mine, true, true);
            assertThat(own).as("a folder inside the root used by no other version is removed").doesNotExist();
        }
        assertThat(LegacyFixtures.hashTree(tmp.resolve("outside"))).isEqualTo(outsideBefore);
        assertThat(root).isDirectory();
        assertThat(Files.isSymbolicLink(link) || !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void deletingAVersionWhosePathIsAnAliasOfAnotherVersionsFolderKeepsTheFolder() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("R"));
        Path m1 = Files.createDirectories(root.resolve("art/m1"));
        Files.writeString(m1.resolve("weights.bin"), "A");
        Files.createDirectories(root.resolve("art/x"));
        Path link = Files.createSymbolicLink(root.resolve("art/alias"), m1);
        Map<String, String> before = LegacyFixtures.hashTree(m1);
        try (ModelRegistry registry = ModelRegistrySQLite.open(root.resolve("registry_sqlite"), ScoringWeights.DEFAULTS, root)) {
            registry.registerModel(ApiRegistrar.registration("A", m1));
            for (Path alias : List.of(Path.of(root + "/art/./m1"), Path.of(root + "/art/x/../m1"), Path.of(root + "/art/m1/"),
                    link, Path.of(root + "/art/alias/."))) {
                String b = registry.registerModel(ApiRegistrar.registration("B", alias));

                DeletionReport report = registry.deleteVersion(b, true, true);

                assertThat(report.artifact().orElseThrow().outcome()).as(alias.toString()).isEqualTo(Outcome.KEPT_SHARED);
                assertThat(LegacyFixtures.hashTree(m1)).as("A's folder after deleting B at " + alias).isEqualTo(before);
            }
        }
    }

    @Test
    void aVersionWhosePathIsTheRegistrysOwnFilesIsDeletedButTheFilesAreKept() throws Exception {
        Path legacyHere = LegacyFixtures.copyOfRealRegistry(tmp);
        Path root = legacyHere.getParent();
        Path registryDir = root.resolve("registry_sqlite");
        Path backup = Files.createDirectories(root.resolve("registry_backup_20250930_120000"));
        Files.writeString(backup.resolve("models_index.json"), "{}");
        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir, ScoringWeights.DEFAULTS, root)) {
            registry.registerModel(ApiRegistrar.registration("KEEP", null));
            Map<String, String> legacyBefore = LegacyFixtures.hashTree(legacyHere);
            for (Path own : List.of(registryDir, registryDir.resolve("model_registry.db"), legacyHere,
                    legacyHere.resolve("metadata"), backup)) {
                String id = registry.registerModel(ApiRegistrar.registration("OWN", own));

                DeletionReport report = registry.deleteVersion(id, true, true);

                assertThat(report.artifact().orElseThrow().outcome()).as(own.toString()).isEqualTo(Outcome.REFUSED_PROTECTED);
                assertThat(report.artifact().orElseThrow().refused()).isTrue();
                assertThat(registry.getModelMetadata(id)).as("the database change committed").isEmpty();
                assertThat(registryDir.resolve("model_registry.db")).exists();
                assertThat(LegacyFixtures.hashTree(legacyHere)).isEqualTo(legacyBefore);
                assertThat(backup.resolve("models_index.json")).exists();
            }
        }
        try (ModelRegistry reopened = ModelRegistrySQLite.open(registryDir, ScoringWeights.DEFAULTS, root)) {
            assertThat(reopened.getRegistryStats().totalVersions()).as("the registry survives a reopen").isEqualTo(1);
        }
    }
}
