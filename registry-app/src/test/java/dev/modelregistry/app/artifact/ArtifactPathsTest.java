package dev.modelregistry.app.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canonical forms of model paths, and the form the registry stores (relative paths against the artifact root). */
class ArtifactPathsTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path m1;
    private final ArtifactPaths paths = new ArtifactPaths();

    @BeforeEach
    void layOut() throws IOException {
        root = tmp.toRealPath().resolve("data/models");
        m1 = Files.createDirectories(root.resolve("art/m1"));
        Files.createDirectories(root.resolve("art/x"));
        Files.createSymbolicLink(root.resolve("art/alias"), m1);
        Files.createSymbolicLink(root.resolve("art/relative-alias"), Path.of("m1"));
    }

    @Test
    void everySpellingOfAnExistingFolderHasItsRealPathAsCanonicalForm() throws IOException {
        for (String spelling : List.of("/art/m1", "/art/./m1", "/art/x/../m1", "/art/m1/", "//art//m1", "/art/alias",
                "/art/relative-alias", "/art/alias/.", "/art/alias/../m1")) {
            assertThat(paths.canonical(Path.of(root + spelling))).as(spelling).isEqualTo(m1);
        }
    }

    @Test
    void dotDotAfterALinkLeavesTheLinksTargetNotTheLinkLikeTheKernelDoes() throws IOException {
        Files.createDirectories(root.resolve("deep/inside"));
        Files.createSymbolicLink(root.resolve("shortcut"), root.resolve("deep/inside"));

        assertThat(paths.canonical(root.resolve("shortcut/.."))).isEqualTo(root.resolve("deep"));
    }

    @Test
    void theMissingRestOfAPathIsNormalisedAfterItsExistingPartIsResolved() throws IOException {
        assertThat(paths.canonical(root.resolve("art/alias/new/./sub/../weights.bin")))
                .isEqualTo(m1.resolve("new/weights.bin"));
        assertThat(paths.canonical(root.resolve("missing/.."))).isEqualTo(root);
    }

    @Test
    void aDanglingLinkStandsForItsTarget() throws IOException {
        Files.createSymbolicLink(root.resolve("dangling"), root.resolve("art/gone"));

        assertThat(paths.canonical(root.resolve("dangling/sub"))).isEqualTo(root.resolve("art/gone/sub"));
    }

    @Test
    void aLinkLoopIsAnErrorNotAHang() throws IOException {
        Files.createSymbolicLink(root.resolve("loop-a"), root.resolve("loop-b"));
        Files.createSymbolicLink(root.resolve("loop-b"), root.resolve("loop-a"));

        assertThatThrownBy(() -> paths.canonical(root.resolve("loop-a/x"))).isInstanceOf(IOException.class)
                .hasMessageContaining("symbolic links");
    }

    @Test
    void overlapIsSegmentWiseNotByCharacters() {
        assertThat(ArtifactPaths.overlap(m1, m1.resolve("sub"))).isTrue();
        assertThat(ArtifactPaths.overlap(m1.resolve("sub"), m1)).isTrue();
        assertThat(ArtifactPaths.overlap(m1, m1)).isTrue();
        assertThat(ArtifactPaths.overlap(m1, root.resolve("art/m10"))).isFalse();
    }
}
