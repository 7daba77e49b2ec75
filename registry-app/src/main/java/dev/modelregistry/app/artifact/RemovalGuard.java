package dev.modelregistry.app.artifact;

import dev.modelregistry.app.migration.legacy.LegacyRegistryReader;
import dev.modelregistry.persistence.RegistryDatabase;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides, before anything is deleted, whether the real path of an artifact may go (R8): it
 * must not be, contain or lie inside
 * <ul>
 *   <li>a protected path given to the store (the registry folder, the database file and its
 *       {@code -wal}/{@code -shm}/{@code -journal}/lock files);</li>
 *   <li>a registry the store recognises by its files, wherever it is: a folder holding
 *       {@code models_index.json} or {@code versions_index.json} (a legacy JSON registry or a
 *       copy of one), a folder named {@code registry_backup_*} (a migration backup), a file whose
 *       name starts with {@code model_registry.db} (a SQLite registry: database, journal, lock,
 *       adoption backup);</li>
 *   <li>another version's artifact: compared on canonical forms ({@link ArtifactPaths}), so
 *       {@code R/art/./m1}, {@code R/art/x/../m1}, {@code R/art/m1/} and a link to
 *       {@code R/art/m1} are all {@code R/art/m1}.</li>
 * </ul>
 * Symbolic links below the artifact are never followed (the removal unlinks them), so only
 * what is physically inside it counts.
 */
final class RemovalGuard {

    static final String BACKUP_FOLDER_PREFIX = "registry_backup_";

    private final List<Path> protectedPaths;
    private final Function<String, Path> absolute;

    /**
     * @param protectedPaths absolute paths that must survive every removal
     * @param absolute       how the store turns a stored model path into an absolute path
     */
    RemovalGuard(List<Path> protectedPaths, Function<String, Path> absolute) {
        this.protectedPaths = List.copyOf(protectedPaths);
        this.absolute = absolute;
    }

    /** Why {@code real} (an existing real path) is the registry's own, or empty. */
    Optional<String> protectedReason(Path real, ArtifactPaths paths) throws IOException {
        for (Path given : protectedPaths) {
            Path canonical = paths.canonical(given.toAbsolutePath());
            if (ArtifactPaths.overlap(real, canonical)) {
                return Optional.of(relation(real, canonical) + " " + canonical + ", which the registry itself needs");
            }
        }
        for (Path folder = real.getParent(); folder != null; folder = folder.getParent()) {
            Optional<String> marker = registryFolder(folder);
            if (marker.isPresent()) {
                return Optional.of("it lies inside " + folder + " (" + marker.get() + ")");
            }
        }
        return markerAtOrBelow(real);
    }

    /** Which still-referenced model path overlaps {@code real}, as a sentence, or empty. */
    Optional<String> sharedReason(Path real, Collection<String> stillReferenced, ArtifactPaths paths) throws IOException {
        for (String other : stillReferenced) {
            Path canonical = paths.canonical(absolute.apply(other));
            if (ArtifactPaths.overlap(real, canonical)) {
                return Optional.of(relation(real, canonical) + " " + other
                        + ", the artifact of a version that remains");
            }
        }
        return Optional.empty();
    }

    private static String relation(Path real, Path other) {
        if (real.equals(other)) {
            return "it is the same file system object as";
        }
        return real.startsWith(other) ? "it lies inside" : "it contains";
    }

    /** Whether a folder is a registry by its files or name, as a phrase. */
    private static Optional<String> registryFolder(Path folder) {
        Path name = folder.getFileName();
        if (name != null && name.toString().startsWith(BACKUP_FOLDER_PREFIX)) {
            return Optional.of("a migration backup");
        }
        if (Files.exists(folder.resolve(LegacyRegistryReader.MODELS_INDEX), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(folder.resolve(LegacyRegistryReader.VERSIONS_INDEX), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("a legacy registry");
        }
        if (Files.exists(folder.resolve(RegistryDatabase.SQLITE_FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("a registry folder");
        }
        return Optional.empty();
    }

    private static Optional<String> markerAtOrBelow(Path real) throws IOException {
        String[] found = new String[1];
        Files.walkFileTree(real, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return check(dir, registryFolder(dir).map(what -> dir + " (" + what + ")"));
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                boolean database = !attrs.isSymbolicLink()
                        && file.getFileName().toString().startsWith(RegistryDatabase.SQLITE_FILE_NAME);
                return check(file, database ? Optional.of(file + " (a registry database file)") : Optional.empty());
            }

            private FileVisitResult check(Path path, Optional<String> what) {
                if (what.isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                found[0] = (path.equals(real) ? "it is " : "it contains ") + what.get();
                return FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        return Optional.ofNullable(found[0]);
    }
}
