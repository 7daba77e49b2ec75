package dev.modelregistry.app.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.modelregistry.domain.InvalidArtifactException;
import dev.modelregistry.domain.artifact.ArtifactFingerprint;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.artifact.ArtifactRemoval.Outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemArtifactStoreTest {

    @TempDir
    Path tmp;

    Path root;
    Path outside;
    Path secret;
    byte[] secretBytes;
    FileSystemArtifactStore store;

    @BeforeEach
    void layOut() throws IOException {
        root = Files.createDirectories(tmp.resolve("data/models"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        secretBytes = "do not delete me".getBytes(StandardCharsets.UTF_8);
        secret = Files.write(outside.resolve("secret.bin"), secretBytes);
        store = new FileSystemArtifactStore(root, List.of());
    }

    @Test
    void theDefaultRootIsTheParentOfTheRegistryFolder() {
        assertThat(FileSystemArtifactStore.defaultRootFor(Path.of("data/models/registry_sqlite")))
                .isEqualTo(Path.of("data/models"));
        assertThat(FileSystemArtifactStore.defaultRootFor(Path.of("data/models/registry_sqlite/")))
                .isEqualTo(Path.of("data/models"));
        assertThat(FileSystemArtifactStore.defaultRootFor(Path.of("registry_sqlite")))
                .isEqualTo(Path.of("").toAbsolutePath());
    }

    @Nested
    class Fingerprints {

        @Test
        void aFileIsFingerprintedByItsSizeAndTheSha256OfItsBytes() throws Exception {
            Path model = Files.write(root.resolve("model.pt"), bytes("weights"));

            ArtifactFingerprint fingerprint = store.fingerprint(model.toString());

            assertThat(fingerprint.sizeBytes()).isEqualTo(7);
            assertThat(fingerprint.sha256()).isEqualTo(sha256(bytes("weights")));
        }

        @Test
        void aFileFingerprintIsStableAndChangesWhenOneByteChanges() throws Exception {
            Path model = Files.write(root.resolve("model.pt"), bytes("weights"));
            ArtifactFingerprint first = store.fingerprint(model.toString());

            assertThat(store.fingerprint(model.toString())).isEqualTo(first);

            Files.write(model, bytes("weighty"));
            ArtifactFingerprint changed = store.fingerprint(model.toString());
            assertThat(changed.sizeBytes()).isEqualTo(first.sizeBytes());
            assertThat(changed.sha256()).isNotEqualTo(first.sha256());
        }

        @Test
        void aFolderFingerprintFollowsTheDocumentedScheme() throws Exception {
            Path folder = Files.createDirectories(root.resolve("transformer/SMAP-PWR-001"));
            Files.write(folder.resolve("model.pt"), bytes("abc"));
            Files.createDirectories(folder.resolve("sub"));
            Files.write(folder.resolve("sub/scaler.pkl"), bytes("xy"));
            Files.write(folder.resolve("a.json"), bytes("{}"));

            ArtifactFingerprint fingerprint = store.fingerprint(folder.toString());

            String expected = sha256(concat(
                    bytes("a.json\0" + "2\0{}"),
                    bytes("model.pt\0" + "3\0abc"),
                    bytes("sub/scaler.pkl\0" + "2\0xy")));
            assertThat(fingerprint).isEqualTo(new ArtifactFingerprint(7, expected));
        }

        @Test
        void aFolderFingerprintIsStableAndChangesWhenOneByteChanges() throws Exception {
            Path folder = Files.createDirectories(root.resolve("telemanom/sensor_001"));
            Files.write(folder.resolve("model.h5"), bytes("layer weights"));
            Files.createDirectories(folder.resolve("config"));
            Files.write(folder.resolve("config/params.json"), bytes("{\"lr\":0.01}"));
            ArtifactFingerprint first = store.fingerprint(folder.toString());

            assertThat(store.fingerprint(folder.toString())).isEqualTo(first);
            assertThat(first.sizeBytes()).isEqualTo(13 + 11);

            Files.write(folder.resolve("config/params.json"), bytes("{\"lr\":0.02}"));
            ArtifactFingerprint changed = store.fingerprint(folder.toString());
            assertThat(changed.sizeBytes()).isEqualTo(first.sizeBytes());
            assertThat(changed.sha256()).isNotEqualTo(first.sha256());
        }

        @Test
        void aFolderFingerprintChangesWhenAFileIsRenamed() throws Exception {
            Path folder = Files.createDirectories(root.resolve("m"));
            Files.write(folder.resolve("a"), bytes("same"));
            ArtifactFingerprint before = store.fingerprint(folder.toString());

            Files.move(folder.resolve("a"), folder.resolve("b"));

            assertThat(store.fingerprint(folder.toString()).sha256()).isNotEqualTo(before.sha256());
        }

        @Test
        void anEmptyFolderHasSizeZeroAndTheHashOfNothing() throws Exception {
            Path folder = Files.createDirectories(root.resolve("empty"));

            assertThat(store.fingerprint(folder.toString()))
                    .isEqualTo(new ArtifactFingerprint(0, sha256(new byte[0])))
                    .isNotEqualTo(ArtifactFingerprint.ABSENT);
        }

        @Test
        void aPathThatDoesNotExistIsAbsent() {
            assertThat(store.fingerprint(root.resolve("nope").toString())).isEqualTo(ArtifactFingerprint.ABSENT);
        }

        @Test
        void linksLeavingTheFolderAreSkippedAndLinksStayingInsideCountAsFiles() throws Exception {
            Path folder = Files.createDirectories(root.resolve("m"));
            Files.write(folder.resolve("model.pt"), bytes("abc"));
            ArtifactFingerprint plain = store.fingerprint(folder.toString());

            Files.createSymbolicLink(folder.resolve("leak"), secret);
            Files.createSymbolicLink(folder.resolve("leak-dir"), outside);
            Files.createSymbolicLink(folder.resolve("dangling"), tmp.resolve("gone"));
            assertThat(store.fingerprint(folder.toString())).isEqualTo(plain);

            Files.createSymbolicLink(folder.resolve("latest.pt"), folder.resolve("model.pt"));
            ArtifactFingerprint withInnerLink = store.fingerprint(folder.toString());
            assertThat(withInnerLink.sizeBytes()).isEqualTo(6);
            assertThat(withInnerLink.sha256()).isEqualTo(sha256(concat(
                    bytes("latest.pt\0" + "3\0abc"), bytes("model.pt\0" + "3\0abc"))));
        }

        @Test
        void anUnreadableFolderFailsWithAnErrorNamingThePath() throws Exception {
            Path folder = Files.createDirectories(root.resolve("locked"));
            Files.write(folder.resolve("model.pt"), bytes("abc"));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
            try {
                assumeFalse(Files.isReadable(folder), "running with privileges that ignore permissions (root)");

                assertThatThrownBy(() -> store.fingerprint(folder.toString()))
                        .isInstanceOf(InvalidArtifactException.class)
                        .hasMessageContaining(folder.toString());
            } finally {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Nested
    class Removal {

        @Test
        void aFileInsideTheRootIsRemoved() throws Exception {
            Path model = Files.write(root.resolve("model.pt"), bytes("weights"));

            ArtifactRemoval removal = store.remove(model.toString(), List.of());

            assertThat(removal.outcome()).isEqualTo(Outcome.REMOVED);
            assertThat(removal.modelPath()).isEqualTo(model.toString());
            assertThat(model).doesNotExist();
            assertThat(root).isDirectory();
        }

        @Test
        void aFolderInsideTheRootIsRemovedWithEverythingInIt() throws Exception {
            Path folder = Files.createDirectories(root.resolve("telemanom/sensor_001/sub"));
            Files.write(folder.resolve("weights.bin"), bytes("w"));
            Files.write(folder.getParent().resolve("model.h5"), bytes("m"));

            ArtifactRemoval removal = store.remove(root.resolve("telemanom/sensor_001").toString(), List.of());

            assertThat(removal.outcome()).isEqualTo(Outcome.REMOVED);
            assertThat(root.resolve("telemanom/sensor_001")).doesNotExist();
            assertThat(root.resolve("telemanom")).isDirectory();
        }

        @Test
        void aRelativePathIsResolvedAgainstTheArtifactRootNotTheWorkingDirectory() throws Exception {
            Path model = Files.write(Files.createDirectories(root.resolve("telemanom")).resolve("model.pt"), bytes("weights"));

            assertThat(store.fingerprint("telemanom/model.pt").sizeBytes()).isEqualTo(7);
            assertThat(store.storedForm("telemanom/./model.pt")).isEqualTo(model.toRealPath().toString());
            ArtifactRemoval removal = store.remove("telemanom/model.pt", List.of());

            assertThat(removal.outcome()).isEqualTo(Outcome.REMOVED);
            assertThat(model).doesNotExist();
        }

        @Test
        void aDotDotEscapeFromTheRootIsRefused() {
            String escape = root + "/../../outside/secret.bin";

            ArtifactRemoval removal = store.remove(escape, List.of());

            assertRefused(removal, secret);
            assertThat(removal.detail()).contains(secret.toString()).contains(root.toString());
        }

        @Test
        void aDotDotEscapeToAFolderOutsideIsRefused() {
            ArtifactRemoval removal = store.remove(root + "/../../outside", List.of());

            assertRefused(removal, secret);
            assertThat(outside).isDirectory();
        }

        @Test
        void anAbsolutePathOutsideTheRootIsRefused() {
            ArtifactRemoval removal = store.remove(secret.toString(), List.of());

            assertRefused(removal, secret);
        }

        @Test
        void theRootItselfIsRefused() throws Exception {
            Files.write(root.resolve("model.pt"), bytes("weights"));

            for (String asked : new String[] {root.toString(), root + "/.", root + "/sub/..", root + "/"}) {
                if (asked.contains("sub")) {
                    Files.createDirectories(root.resolve("sub"));
                }
                ArtifactRemoval removal = store.remove(asked, List.of());

                assertThat(removal.outcome()).as(asked).isEqualTo(Outcome.REFUSED_PROTECTED);
                assertThat(removal.detail()).contains("artifact root");
                assertThat(root.resolve("model.pt")).exists();
            }
        }

        @Test
        void aSymlinkInsideTheRootToAFileOutsideIsRefusedAndBothSurvive() throws Exception {
            Path link = Files.createSymbolicLink(root.resolve("model.pt"), secret);

            ArtifactRemoval removal = store.remove(link.toString(), List.of());

            assertRefused(removal, secret);
            assertThat(removal.detail()).contains(link.toString()).contains(secret.toString());
            assertThat(Files.isSymbolicLink(link)).isTrue();
        }

        @Test
        void aSymlinkInsideTheRootToAFolderOutsideIsRefusedAndBothSurvive() throws Exception {
            Path link = Files.createSymbolicLink(root.resolve("sensor_001"), outside);

            ArtifactRemoval removal = store.remove(link.toString(), List.of());

            assertRefused(removal, secret);
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(outside).isDirectory();
        }

        @Test
        void aPathThroughASymlinkedFolderLeadingOutsideIsRefused() throws Exception {
            Files.createSymbolicLink(root.resolve("telemanom"), outside);

            ArtifactRemoval removal = store.remove(root.resolve("telemanom/secret.bin").toString(), List.of());

            assertRefused(removal, secret);
        }

        @Test
        void aSymlinkInsideTheRootToAnotherArtifactInsideRemovesOnlyTheLink() throws Exception {
            Path target = Files.write(root.resolve("v1.pt"), bytes("v1"));
            Path link = Files.createSymbolicLink(root.resolve("latest.pt"), target);

            ArtifactRemoval removal = store.remove(link.toString(), List.of());

            assertThat(removal.outcome()).isEqualTo(Outcome.REMOVED);
            assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(target).hasBinaryContent(bytes("v1"));
        }

        @Test
        void aSymlinkOutsideTheRootToAnArtifactInsideIsRefused() throws Exception {
            Path target = Files.write(root.resolve("v1.pt"), bytes("v1"));
            Path link = Files.createSymbolicLink(outside.resolve("shortcut.pt"), target);

            ArtifactRemoval removal = store.remove(link.toString(), List.of());

            assertThat(removal.outcome()).isEqualTo(Outcome.REFUSED_OUTSIDE_ROOT);
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(target).hasBinaryContent(bytes("v1"));
        }

        @Test
        void aFolderWithSymlinksToOutsideIsRemovedWhileTheOutsideTargetsSurvive() throws Exception {
            Path folder = Files.createDirectories(root.resolve("telemanom/sensor_001"));
            Files.write(folder.resolve("model.h5"), bytes("m"));
            Files.createSymbolicLink(folder.resolve("data.bin"), secret);
            Files.createSymbolicLink(folder.resolve("shared"), outside);
            Files.createDirectories(folder.resolve("nested"));
            Files.createSymbolicLink(folder.resolve("nested/deeper"), outside);

            ArtifactRemoval removal = store.remove(folder.toString(), List.of());

            assertThat(removal.outcome()).isEqualTo(Outcome.REMOVED);
            assertThat(folder).doesNotExist();
            assertThat(secret).hasBinaryContent(secretBytes);
            assertThat(outside).isDirectory();
        }

        @Test
        void aMissingPathIsNotFound() {
            ArtifactRemoval removal = store.remove(root.resolve("telemanom/nope").toString(), List.of());

            assertThat(removal.outcome()).isEqualTo(Outcome.NOT_FOUND);
            assertThat(removal.detail()).contains("telemanom/nope");
        }

        @Test
        void aDanglingSymlinkIsNotFoundAndLeftAlone() throws Exception {
            Path link = Files.createSymbolicLink(root.resolve("gone.pt"), tmp.resolve("gone"));

            ArtifactRemoval removal = store.remove(link.toString(), List.of());

            assertThat(removal.outcome()).isEqualTo(Outcome.NOT_FOUND);
            assertThat(Files.isSymbolicLink(link)).isTrue();
        }

        @Test
        void anythingIsRefusedWhenTheRootDoesNotExist() throws Exception {
            Path model = Files.write(tmp.resolve("model.pt"), bytes("m"));
            FileSystemArtifactStore rootless = new FileSystemArtifactStore(tmp.resolve("no-root"), List.of());

            assertThat(rootless.remove(model.toString(), List.of()).outcome()).isEqualTo(Outcome.REFUSED_OUTSIDE_ROOT);
            assertThat(model).exists();
        }

        @Test
        void aFileThatCannotBeDeletedFailsWithoutThrowing() throws Exception {
            Path folder = Files.createDirectories(root.resolve("locked"));
            Path model = Files.write(folder.resolve("model.pt"), bytes("m"));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            try {
                assumeFalse(Files.isWritable(folder), "running with privileges that ignore permissions (root)");

                ArtifactRemoval removal = store.remove(model.toString(), List.of());

                assertThat(removal.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(removal.detail()).contains(model.toString());
                assertThat(model).exists();
            } finally {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }

        @Test
        void aPathTheFileSystemCannotRepresentFailsWithoutThrowing() {
            ArtifactRemoval removal = store.remove(root + "/bad\0name", List.of());

            assertThat(removal.outcome()).isEqualTo(Outcome.FAILED);
        }

        @Test
        void aBlankPathFailsWithoutThrowing() {
            assertThat(store.remove(" ", List.of()).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(store.remove(null, List.of()).outcome()).isEqualTo(Outcome.FAILED);
        }

        private void assertRefused(ArtifactRemoval removal, Path survivor) {
            assertThat(removal.outcome()).isEqualTo(Outcome.REFUSED_OUTSIDE_ROOT);
            assertThat(removal.removed()).isFalse();
            assertThat(survivor).hasBinaryContent(secretBytes);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
