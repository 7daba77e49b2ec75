package dev.modelregistry.app.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.artifact.ArtifactRemoval.Outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Whatever relative path is asked for below the root, built from {@code ..}, {@code .},
 * names and links that lead outside, {@code remove} never touches a file outside the root;
 * and whatever other versions still reference (spelled with the same ingredients, links that
 * alias folders included), nothing they reference and none of the registry's own files is
 * ever touched.
 */
class ArtifactRemovalPropertyTest {

    private static final List<String> SEGMENTS = List.of("..", ".", "a", "b", "link-out", "link-in", "/");
    private static final int MAX_SEGMENTS = 7;

    @TempDir
    Path tmp;

    private final AtomicInteger examples = new AtomicInteger();
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

    @Test
    void noGeneratedPathEverRemovesAFileOutsideTheRoot() {
        Gen<String> segment = integers().between(0, SEGMENTS.size() - 1).map(SEGMENTS::get);
        Gen<List<String>> paths = lists().of(segment).ofSizeBetween(0, MAX_SEGMENTS);

        qt().withExamples(400)
                .forAll(paths)
                .checkAssert(segments -> removeInAFreshSandbox(String.join("/", segments)));

        // The generator reaches removals, refusals and missing paths alike.
        assertThat(outcomes).containsKeys(Outcome.REMOVED, Outcome.REFUSED_OUTSIDE_ROOT, Outcome.NOT_FOUND);
    }

    private static final List<String> TREE_SEGMENTS =
            List.of("..", ".", "a", "b", "c", "f.bin", "alias", "registry_sqlite", "registry", "registry_backup_1", "");

    @Test
    void noRemovalEverTouchesWhatAnotherVersionReferencesOrTheRegistryNeeds() {
        Gen<String> segment = integers().between(0, TREE_SEGMENTS.size() - 1).map(TREE_SEGMENTS::get);
        Gen<String> path = lists().of(segment).ofSizeBetween(1, 5).map(segments -> String.join("/", segments));
        Gen<List<String>> referenced = lists().of(path).ofSizeBetween(0, 3);

        qt().withExamples(200)
                .forAll(path, referenced)
                .checkAssert(this::removeAmongReferences);

        assertThat(outcomes).containsKeys(Outcome.REMOVED, Outcome.KEPT_SHARED, Outcome.REFUSED_PROTECTED, Outcome.NOT_FOUND);
    }

    /**
     * root/{a/{f.bin, b/{f.bin, c/f.bin}}, b/f.bin, c/, alias -> a/b, registry_sqlite/model_registry.db(-wal),
     * registry/{models_index.json, metadata/v.json}, registry_backup_1/metadata/v.json}.
     */
    private void removeAmongReferences(String target, List<String> references) {
        try {
            // Deeper than the longest generated path has segments, so even five ".." stay inside the example's
            // own folder: the oracle below walks every referenced folder and must never walk /tmp or /.
            Path root = tmp.resolve("tree-" + examples.incrementAndGet()).resolve("1/2/3/4/5/models");
            for (String file : List.of("a/f.bin", "a/b/f.bin", "a/b/c/f.bin", "b/f.bin", "registry_sqlite/model_registry.db",
                    "registry_sqlite/model_registry.db-wal", "registry/models_index.json", "registry/metadata/v.json",
                    "registry_backup_1/metadata/v.json")) {
                write(root.resolve(file), file);
            }
            Files.createDirectories(root.resolve("c"));
            Files.createSymbolicLink(root.resolve("alias"), root.resolve("a/b"));
            List<String> spelled = references.stream().map(reference -> root + "/" + reference).toList();
            Map<Path, String> kept = new TreeMap<>();
            for (String reference : spelled) {
                kept.putAll(filesAtOrBelow(Path.of(reference)));
            }
            for (String own : List.of("registry_sqlite", "registry", "registry_backup_1")) {
                kept.putAll(filesAtOrBelow(root.resolve(own)));
            }
            FileSystemArtifactStore store = new FileSystemArtifactStore(root,
                    FileSystemArtifactStore.sqliteRegistryFiles(root.resolve("registry_sqlite")));

            ArtifactRemoval removal = store.remove(root + "/" + target, spelled);

            outcomes.merge(removal.outcome(), 1, Integer::sum);
            assertThat(root).isDirectory();
            for (Map.Entry<Path, String> file : kept.entrySet()) {
                assertThat(file.getKey()).as("%s after removing %s with %s referenced (%s)", file.getKey(), target,
                        references, removal).isRegularFile();
                assertThat(sha256(file.getKey())).isEqualTo(file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regular files at or below a path's real path (links below it not followed), by real path. */
    private static Map<Path, String> filesAtOrBelow(Path path) throws IOException {
        if (!Files.exists(path)) {
            return Map.of();
        }
        try (Stream<Path> all = Files.walk(path.toRealPath())) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .collect(Collectors.toMap(p -> p, ArtifactRemovalPropertyTest::sha256));
        }
    }

    private void removeInAFreshSandbox(String relative) {
        try {
            // Deep enough that MAX_SEGMENTS times ".." (even after a link) stays inside the sandbox.
            Path sandbox = tmp.resolve("example-" + examples.incrementAndGet());
            Path base = Files.createDirectories(sandbox.resolve("1/2/3/4/5/6/7/8"));
            Path root = base.resolve("models");
            layOut(base, root);
            Map<Path, String> outsideBefore = filesOutside(sandbox, root);
            FileSystemArtifactStore store = new FileSystemArtifactStore(root, List.of());

            ArtifactRemoval removal = store.remove(root + "/" + relative, List.of());

            assertThat(removal.outcome()).as(relative).isNotNull();
            outcomes.merge(removal.outcome(), 1, Integer::sum);
            assertThat(root).as(relative).isDirectory();
            assertThat(filesOutside(sandbox, root)).as("files outside the root after removing %s (%s)", relative, removal)
                    .isEqualTo(outsideBefore);
            if (removal.outcome() == Outcome.REMOVED) {
                assertThat(removal.detail()).contains(root.toRealPath().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * base/{a/x.bin, b/y.bin, outside/secret.bin, outside/a/z.bin} are outside;
     * root/{a/{m.pt, b/n.pt, link-out -> outside/secret.bin}, b/o.pt,
     * link-out -> outside, link-in -> root/a} are inside. Every ancestor of base holds a file too.
     */
    private static void layOut(Path base, Path root) throws IOException {
        for (Path level = base; level.getFileName().toString().length() == 1; level = level.getParent()) {
            write(level.resolve("a.bin"), "ancestor " + level.getFileName());
        }
        write(base.resolve("a/x.bin"), "x");
        write(base.resolve("b/y.bin"), "y");
        Path outside = base.resolve("outside");
        write(outside.resolve("secret.bin"), "secret");
        write(outside.resolve("a/z.bin"), "z");

        write(root.resolve("a/m.pt"), "m");
        write(root.resolve("a/b/n.pt"), "n");
        write(root.resolve("b/o.pt"), "o");
        Files.createSymbolicLink(root.resolve("a/link-out"), outside.resolve("secret.bin"));
        Files.createSymbolicLink(root.resolve("link-out"), outside);
        Files.createSymbolicLink(root.resolve("a/b/link-out"), base);
        Files.createSymbolicLink(root.resolve("link-in"), root.resolve("a"));
    }

    private static Map<Path, String> filesOutside(Path sandbox, Path root) throws IOException {
        try (Stream<Path> all = Files.walk(sandbox)) {
            return all.filter(p -> !p.startsWith(root))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .collect(Collectors.toMap(p -> p, ArtifactRemovalPropertyTest::sha256, (x, y) -> x, TreeMap::new));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
