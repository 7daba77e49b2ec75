package dev.modelregistry.app.artifact;

import dev.modelregistry.app.files.FileTrees;
import dev.modelregistry.domain.InvalidArtifactException;
import dev.modelregistry.domain.artifact.ArtifactFingerprint;
import dev.modelregistry.domain.artifact.ArtifactRemoval;
import dev.modelregistry.domain.artifact.ArtifactRemoval.Outcome;
import dev.modelregistry.domain.artifact.ArtifactStore;
import dev.modelregistry.persistence.RegistryDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ArtifactStore} on the local file system: fingerprints artifacts and deletes them
 * only inside one artifact root (R8).
 *
 * <h2>Paths</h2>
 * The registry stores model paths in {@link #storedForm the absolute, canonical form}
 * ({@link ArtifactPaths}). A relative {@code model_path} (written by the Python registry, or
 * an older version of this one) names a path below the artifact root, never one below the
 * current working directory. The artifact root given to the constructor is made absolute
 * against the working directory once; its real path is resolved on every call (it may be
 * created after the store).
 *
 * <h2>Fingerprint</h2>
 * <ul>
 *   <li>A file (or a link to one): size = its length; hash = SHA-256 of its bytes, as
 *       {@code sha256sum} prints it.</li>
 *   <li>A folder (or a link to one): size = the sum of the lengths of the files below it;
 *       hash = SHA-256 over, for every file below the folder in ascending order of its relative
 *       path (segments joined with {@code '/'}, compared as unsigned UTF-8 bytes):
 *       <pre>  UTF-8(relative path) 0x00 ASCII-decimal(length) 0x00 bytes</pre>
 *       concatenated without anything between files. "Files" are the regular files below the
 *       folder, plus symbolic links whose real path is a regular file inside the folder (hashed
 *       under the link's own relative path with the target's bytes). Links that leave the folder,
 *       dangling links, links to folders and special files are skipped; folders themselves
 *       contribute nothing, so an empty folder hashes to SHA-256 of nothing
 *       ({@code e3b0c442...b855}). The same digest in Python:
 *       <pre>
 * h = hashlib.sha256()
 * for rel, f in sorted(files, key=lambda e: e[0].encode()):
 *     h.update(rel.encode() + b"\0" + str(os.path.getsize(f)).encode() + b"\0")
 *     h.update(open(f, "rb").read())</pre></li>
 *   <li>A path that does not exist (or a dangling link): {@link ArtifactFingerprint#ABSENT}.</li>
 * </ul>
 * Only regular files are ever opened, and each is read for exactly the length {@code stat}
 * reports, streamed, never whole into memory: a device, FIFO or socket given as the path (or
 * reached through a link) is refused before it is opened, one inside a folder is skipped, and a
 * file whose length changes while it is hashed is refused. Every refusal and I/O error throws an
 * {@link InvalidArtifactException} naming the path (a model path that cannot be fingerprinted
 * is bad input for a registration).
 *
 * <h2>Removal</h2>
 {@link #remove(String, Collection)} deletes only what lies strictly inside the real path of
 * the artifact root and belongs to no one else, judged on real paths ({@link Path#toRealPath},
 * all symlinks resolved), checked in this order before anything is touched:
 * <ul>
 *   <li>the root itself, or a folder containing it -> {@link Outcome#REFUSED_PROTECTED};</li>
 *   <li>the path's real path must be strictly inside the root's real path: never a {@code ..} escape, an absolute path elsewhere, or anything reached
 *       through a symlink pointing outside -> {@link Outcome#REFUSED_OUTSIDE_ROOT}. A symlink
 *       inside the root that points outside is <em>refused</em> as a whole: neither the link
 *       nor its target is deleted;</li>
 *   <li>the registry's own files (see {@link RemovalGuard}: the protected paths given to the
 *       constructor, and any legacy registry, migration backup or SQLite registry recognised by
 *       its files), the path being one, containing one or lying inside one
 *       -> {@link Outcome#REFUSED_PROTECTED};</li>
 *   <li>another version's artifact: the same file system object, a folder containing it or
 *       something inside it, compared on canonical forms ({@link ArtifactPaths})
 *       -> {@link Outcome#KEPT_SHARED};</li>
 *   <li>when the path itself is a symlink whose target is inside the root, only the link is
 *       deleted (its target may be another version's artifact under its own name), and only if
 *       the link's own location is inside the root too;</li>
 *   <li>a folder is deleted recursively without following any symlink inside it: a link is
 *       unlinked, its target never touched. Where the platform offers a
 *       {@link SecureDirectoryStream} (Linux), the walk works on open directory handles with
 *       {@code NOFOLLOW_LINKS}, so a folder swapped for a link during the walk is not
 *       followed;</li>
 *   <li>a missing path (or a dangling link) -> {@link Outcome#NOT_FOUND}; any I/O error ->
 *       {@link Outcome#FAILED} with the error in the detail. It never throws.</li>
 * </ul>
 */
public final class FileSystemArtifactStore implements ArtifactStore {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path root;
    private final RemovalGuard guard;

    /**
     * @param artifactRoot   the folder inside which artifacts may be deleted; relative paths are
     *                       resolved against the current working directory
     * @param protectedPaths files and folders never deleted, nor anything containing them or
     *                       inside them (the registry folder, the database and its side files)
     */
    public FileSystemArtifactStore(Path artifactRoot, List<Path> protectedPaths) {
        this.root = Objects.requireNonNull(artifactRoot, "artifactRoot").toAbsolutePath();
        this.guard = new RemovalGuard(protectedPaths, this::absolute);
    }

    /** A stored model path as an absolute path: a relative one lies below the artifact root. */
    private Path absolute(String modelPath) {
        return ArtifactPaths.against(root, modelPath);
    }

    @Override
    public String storedForm(String modelPath) {
        Objects.requireNonNull(modelPath, "modelPath");
        return new ArtifactPaths().storedForm(root, modelPath);
    }

    /**
     * What a SQLite registry folder holds that removals must never touch: the folder itself,
     * the database and its {@code -wal}, {@code -shm}, {@code -journal} and lock files.
     */
    public static List<Path> sqliteRegistryFiles(Path registryDir) {
        Path database = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        String name = database.getFileName().toString();
        return List.of(registryDir, database, database.resolveSibling(name + "-wal"),
                database.resolveSibling(name + "-shm"), database.resolveSibling(name + "-journal"),
                database.resolveSibling(name + ".liquibase-lock"));
    }

    /**
     * The default artifact root of a registry: the parent of the registry folder, e.g.
     * {@code data/models} for {@code data/models/registry_sqlite}.
     */
    public static Path defaultRootFor(Path registryDir) {
        Objects.requireNonNull(registryDir, "registryDir");
        Path parent = registryDir.normalize().getParent();
        if (parent == null) {
            parent = registryDir.toAbsolutePath().normalize().getParent();
        }
        if (parent == null) {
            throw new IllegalArgumentException(
                    "The registry folder " + registryDir + " has no parent folder to serve as artifact root.");
        }
        return parent;
    }

    /** The artifact root, absolute (resolved against the working directory when the store was made). */
    public Path root() {
        return root;
    }

    // ------------------------------------------------------------------ fingerprint

    @Override
    public ArtifactFingerprint fingerprint(String modelPath) {
        Objects.requireNonNull(modelPath, "modelPath");
        Path path = absolute(modelPath);
        try {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class); // stat: never blocks
            } catch (NoSuchFileException absent) {
                return ArtifactFingerprint.ABSENT;
            }
            if (attributes.isRegularFile()) {
                MessageDigest digest = sha256();
                hashExactly(path, attributes.size(), digest);
                return new ArtifactFingerprint(attributes.size(), hex(digest));
            }
            if (attributes.isDirectory()) {
                return fingerprintFolder(path.toRealPath());
            }
            throw new InvalidArtifactException(modelPath, "is neither a regular file nor a folder (a device, FIFO or"
                    + " socket, whose reading may never end, is never opened)");
        } catch (IOException e) {
            throw new InvalidArtifactException(modelPath, "could not be fingerprinted (" + describe(e) + ")");
        }
    }

    private record Entry(String relative, byte[] sortKey, Path file) {
    }

    private static ArtifactFingerprint fingerprintFolder(Path folder) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() || (attrs.isSymbolicLink() && isFileInside(file, folder))) {
                    String relative = relativeName(folder, file);
                    entries.add(new Entry(relative, relative.getBytes(StandardCharsets.UTF_8), file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        entries.sort((a, b) -> Arrays.compareUnsigned(a.sortKey(), b.sortKey()));

        MessageDigest digest = sha256();
        long total = 0;
        for (Entry entry : entries) {
            BasicFileAttributes attributes = Files.readAttributes(entry.file(), BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw changedWhileHashing(entry.file());
            }
            long size = attributes.size();
            digest.update(entry.sortKey());
            digest.update((byte) 0);
            digest.update(Long.toString(size).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            hashExactly(entry.file(), size, digest);
            total += size;
        }
        return new ArtifactFingerprint(total, hex(digest));
    }

    /** A link counts as a file of the folder when its real path is a regular file inside it. */
    private static boolean isFileInside(Path link, Path folder) {
        try {
            Path target = link.toRealPath();
            return target.startsWith(folder) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException dangling) {
            return false;
        }
    }

    private static String relativeName(Path folder, Path file) {
        Path relative = folder.relativize(file);
        StringBuilder name = new StringBuilder();
        for (Path segment : relative) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(segment);
        }
        return name.toString();
    }

    /**
     * Hashes exactly the {@code size} bytes the file system reported for a regular file, never
     * reading on to an end that may not come (a kernel file such as {@code /proc/kmsg} reports 0
     * and would block); a file that grows, shrinks or changes length meanwhile is an error.
     */
    private static void hashExactly(Path file, long size, MessageDigest digest) throws IOException {
        if (size > 0) {
            byte[] buffer = new byte[BUFFER_SIZE];
            long remaining = size;
            try (InputStream in = Files.newInputStream(file)) {
                while (remaining > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (n == -1) {
                        throw changedWhileHashing(file);
                    }
                    digest.update(buffer, 0, n);
                    remaining -= n;
                }
            }
        }
        if (Files.size(file) != size) {
            throw changedWhileHashing(file);
        }
    }

    private static IOException changedWhileHashing(Path file) {
        return new IOException("the file " + file + " changed while it was being hashed");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    // ------------------------------------------------------------------ removal

    @Override
    public ArtifactRemoval remove(String modelPath, Collection<String> stillReferenced) {
        Objects.requireNonNull(stillReferenced, "stillReferenced");
        if (modelPath == null || modelPath.isBlank()) {
            return new ArtifactRemoval(modelPath, Outcome.FAILED, "No artifact path was given, so nothing was deleted.");
        }
        Path path;
        try {
            path = absolute(modelPath);
        } catch (InvalidPathException e) {
            return new ArtifactRemoval(modelPath, Outcome.FAILED,
                    "Could not delete " + modelPath + ": it is not a valid path (" + e.getMessage() + ").");
        }
        try {
            return removeResolved(modelPath, path, stillReferenced);
        } catch (IOException | RuntimeException e) {
            return new ArtifactRemoval(modelPath, Outcome.FAILED,
                    "Could not delete " + path + ": " + describe(e));
        }
    }

    private ArtifactRemoval removeResolved(String modelPath, Path path, Collection<String> stillReferenced)
            throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return notFound(modelPath, path + " does not exist");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            return notFound(modelPath, path + " is a link to nothing (" + e.getFile() + " does not exist)");
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (NoSuchFileException e) {
            return refused(modelPath, "Refused to delete " + path + ": the artifact root "
                    + root + " does not exist, so nothing can lie inside it.");
        }
        if (realRoot.startsWith(real)) {
            return new ArtifactRemoval(modelPath, Outcome.REFUSED_PROTECTED, "Refused to delete " + path + ": "
                    + (real.equals(realRoot) ? "it is" : "it contains") + " the artifact root " + realRoot + ".");
        }
        if (!real.startsWith(realRoot)) {
            return refused(modelPath, "Refused to delete " + path + ": its real path " + real
                    + " lies outside the artifact root " + realRoot + ".");
        }
        ArtifactPaths paths = new ArtifactPaths();
        Optional<String> isProtected = guard.protectedReason(real, paths);
        if (isProtected.isPresent()) {
            return new ArtifactRemoval(modelPath, Outcome.REFUSED_PROTECTED,
                    "Refused to delete " + path + ": " + isProtected.get() + ".");
        }
        Optional<String> shared = guard.sharedReason(real, stillReferenced, paths);
        if (shared.isPresent()) {
            return new ArtifactRemoval(modelPath, Outcome.KEPT_SHARED, "Kept " + path + ": " + shared.get() + ".");
        }

        if (Files.isSymbolicLink(path)) {
            // The path names a link whose target lies inside the root: delete the link only,
            // and only if the link itself sits inside the root as well.
            Path realParent = path.getParent().toRealPath();
            Path link = realParent.resolve(path.getFileName());
            if (!link.startsWith(realRoot) || link.equals(realRoot)) {
                return refused(modelPath, "Refused to delete " + path + ": it is a link located at " + link
                        + ", outside the artifact root " + realRoot + ".");
            }
            Files.delete(link);
            return new ArtifactRemoval(modelPath, Outcome.REMOVED,
                    "Deleted the link " + link + " (its target " + real + " was left in place).");
        }

        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isDirectory()) {
            deleteTree(real);
            return new ArtifactRemoval(modelPath, Outcome.REMOVED,
                    "Deleted the folder " + real + " and everything in it.");
        }
        Files.delete(real);
        return new ArtifactRemoval(modelPath, Outcome.REMOVED, "Deleted the file " + real + ".");
    }

    /** Deletes a folder and its content, unlinking symlinks without ever following them. */
    private static void deleteTree(Path folder) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            if (stream instanceof SecureDirectoryStream<Path> secure) {
                deleteContents(secure);
            } else {
                deleteContentsByPath(folder);
            }
        }
        Files.delete(folder);
    }

    private static void deleteContents(SecureDirectoryStream<Path> folder) throws IOException {
        for (Path entry : folder) {
            Path name = entry.getFileName();
            try {
                BasicFileAttributes attrs = folder
                        .getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .readAttributes();
                if (attrs.isDirectory()) {
                    try (SecureDirectoryStream<Path> child = folder.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                        deleteContents(child);
                    }
                    folder.deleteDirectory(name);
                } else {
                    folder.deleteFile(name);
                }
            } catch (EntryException e) {
                throw e;
            } catch (IOException e) {
                throw new EntryException(entry, e);
            }
        }
    }

    /** Fallback where no secure directory stream exists: a walk that does not follow links. */
    private static void deleteContentsByPath(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                FileTrees.delete(entry);
            }
        }
    }

    /** An I/O error while deleting one entry of a folder, naming that entry's full path. */
    private static final class EntryException extends IOException {
        EntryException(Path entry, IOException cause) {
            super("could not delete " + entry + " (" + describe(cause) + ")", cause);
        }
    }

    private static ArtifactRemoval notFound(String modelPath, String why) {
        return new ArtifactRemoval(modelPath, Outcome.NOT_FOUND, "Nothing to delete: " + why + ".");
    }

    private static ArtifactRemoval refused(String modelPath, String sentence) {
        return new ArtifactRemoval(modelPath, Outcome.REFUSED_OUTSIDE_ROOT, sentence);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
