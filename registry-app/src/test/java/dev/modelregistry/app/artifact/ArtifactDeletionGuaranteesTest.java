package dev.modelregistry.app.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.artifact.ArtifactRemoval.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R8 on the real file system: "the same path" is the same file system object, a folder
 * sharing anything with another version's artifact stays, and the registry's own files
 * (database, registry folder, legacy registry, migration backups, the artifact root) are
 * never deleted, nor anything containing them.
 */
class ArtifactDeletionGuaranteesTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path m1;
    private FileSystemArtifactStore store;
    private Map<String, String> before;

    @BeforeEach
    void layOut() throws Exception {
        root = Files.createDirectories(tmp.resolve("data/models"));
        m1 = Files.createDirectories(root.resolve("art/m1/sub"));
        Files.writeString(m1.resolve("weights.bin"), "A");
        m1 = m1.getParent();
        Files.writeString(m1.resolve("config.json"), "{}");
        Files.createDirectories(root.resolve("art/x"));
        Files.createSymbolicLink(root.resolve("art/alias"), m1);
        Path registry = Files.createDirectories(root.resolve("registry_sqlite"));
        Files.writeString(registry.resolve("model_registry.db"), "db");
        Files.writeString(registry.resolve("model_registry.db-wal"), "wal");
        Path legacy = Files.createDirectories(root.resolve("registry/metadata"));
        Files.writeString(legacy.resolve("v1.json"), "{}");
        Files.writeString(root.resolve("registry/models_index.json"), "{}");
        Path backup = Files.createDirectories(root.resolve("registry_backup_20250101_000000/metadata"));
        Files.writeString(backup.resolve("v1.json"), "{}");
        store = new FileSystemArtifactStore(root, FileSystemArtifactStore.sqliteRegistryFiles(registry));
        before = LegacyFixtures.hashTree(tmp);
    }

    @Test
    void anAliasOfAnotherVersionsFolderIsKeptHoweverItIsSpelled() {
        for (String alias : List.of(root + "/art/./m1", root + "/art/x/../m1", root + "/art/m1/", root + "/art/alias",
                root + "/art/alias/.", root + "//art//m1")) {
            ArtifactRemoval removal = store.remove(alias, List.of(m1.toString()));

            assertThat(removal.outcome()).as(alias).isEqualTo(Outcome.KEPT_SHARED);
            assertThat(removal.detail()).as(alias).contains("same file system object").contains(m1.toString());
            assertThat(LegacyFixtures.hashTree(tmp)).as(alias).isEqualTo(before);
        }
    }

    @Test
    void aFolderIsKeptWhenAnotherVersionsArtifactLiesInsideItOrContainsIt() {
        ArtifactRemoval container = store.remove(m1.toString(), List.of(root + "/art/alias/sub/weights.bin"));
        ArtifactRemoval inside = store.remove(m1.resolve("sub").toString(), List.of(root + "/art/./m1"));

        assertThat(container.outcome()).isEqualTo(Outcome.KEPT_SHARED);
        assertThat(container.detail()).contains("it contains");
        assertThat(inside.outcome()).isEqualTo(Outcome.KEPT_SHARED);
        assertThat(inside.detail()).contains("it lies inside");
        assertThat(LegacyFixtures.hashTree(tmp)).isEqualTo(before);
    }

    @Test
    void aFolderWhoseNameMerelyStartsLikeAnotherVersionsFolderIsRemoved() throws Exception {
        Path m10 = Files.createDirectories(root.resolve("art/m10"));
        Files.writeString(m10.resolve("weights.bin"), "B");

        ArtifactRemoval removal = store.remove(m10.toString(), List.of(m1.toString(), root + "/art/m1/sub"));

        assertThat(removal.outcome()).as(removal.detail()).isEqualTo(Outcome.REMOVED);
        assertThat(m10).doesNotExist();
        assertThat(LegacyFixtures.hashTree(tmp)).isEqualTo(before);
    }

    @Test
    void theRegistryFolderTheDatabaseAndItsSideFilesAreNeverDeleted() {
        for (String own : List.of("registry_sqlite", "registry_sqlite/model_registry.db",
                "registry_sqlite/model_registry.db-wal", "registry_sqlite/./", "art/../registry_sqlite")) {
            ArtifactRemoval removal = store.remove(root.resolve(own).toString(), List.of());

            assertThat(removal.outcome()).as(own).isEqualTo(Outcome.REFUSED_PROTECTED);
            assertThat(removal.detail()).as(own).contains("registry_sqlite");
            assertThat(LegacyFixtures.hashTree(tmp)).as(own).isEqualTo(before);
        }
    }

    @Test
    void aLegacyRegistryABackupAndAnythingInsideOrAroundThemAreNeverDeleted() throws Exception {
        Path nested = Files.createDirectories(root.resolve("old/platform"));
        Files.move(root.resolve("registry_backup_20250101_000000"), nested.resolve("registry_backup_20250101_000000"));
        before = LegacyFixtures.hashTree(tmp);

        for (String own : List.of("registry", "registry/metadata", "registry/metadata/v1.json",
                "registry/models_index.json", "old", "old/platform",
                "old/platform/registry_backup_20250101_000000/metadata")) {
            ArtifactRemoval removal = store.remove(root.resolve(own).toString(), List.of());

            assertThat(removal.outcome()).as(own).isEqualTo(Outcome.REFUSED_PROTECTED);
            assertThat(removal.detail()).as(own).containsAnyOf("a legacy registry", "a migration backup");
            assertThat(LegacyFixtures.hashTree(tmp)).as(own).isEqualTo(before);
        }
    }

    @Test
    void anotherSqliteRegistryIsRecognisedByItsDatabaseFile() throws Exception {
        Path other = Files.createDirectories(root.resolve("telemanom/sensor_1/registry"));
        Files.writeString(other.resolve("model_registry.db"), "someone else's registry");
        before = LegacyFixtures.hashTree(tmp);

        ArtifactRemoval removal = store.remove(root.resolve("telemanom/sensor_1").toString(), List.of());

        assertThat(removal.outcome()).isEqualTo(Outcome.REFUSED_PROTECTED);
        assertThat(removal.detail()).contains("a registry folder");
        assertThat(LegacyFixtures.hashTree(tmp)).isEqualTo(before);
    }

    @Test
    void theArtifactRootAndAnythingContainingItAreNeverDeleted() {
        for (Path own : List.of(root, root.resolve("art/.."), root.getParent())) {
            ArtifactRemoval removal = store.remove(own.toString(), List.of());

            assertThat(removal.outcome()).as(own.toString()).isEqualTo(Outcome.REFUSED_PROTECTED);
            assertThat(removal.detail()).contains("the artifact root");
            assertThat(LegacyFixtures.hashTree(tmp)).isEqualTo(before);
        }
    }

    @Test
    void aLinkToTheRegistryInsideAnArtifactIsUnlinkedWithoutTouchingTheRegistry() throws Exception {
        Path model = Files.createDirectories(root.resolve("art/m2"));
        Files.writeString(model.resolve("weights.bin"), "C");
        Files.createSymbolicLink(model.resolve("registry-link"), root.resolve("registry_sqlite"));
        before = LegacyFixtures.hashTree(root.resolve("registry_sqlite"));

        ArtifactRemoval removal = store.remove(model.toString(), List.of(m1.toString()));

        assertThat(removal.outcome()).as(removal.detail()).isEqualTo(Outcome.REMOVED);
        assertThat(model).doesNotExist();
        assertThat(LegacyFixtures.hashTree(root.resolve("registry_sqlite"))).isEqualTo(before);
    }
}
