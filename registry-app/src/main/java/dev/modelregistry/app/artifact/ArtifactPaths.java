package dev.modelregistry.app.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Canonical forms of model paths: "the same path" means the same file system object.
 *
 * <p>The canonical form of an absolute path is what {@code realpath(3)} gives for the part of
 * it that exists (every symbolic link resolved, {@code .} and {@code ..} applied to real
 * folders, no trailing separator), followed by the remaining, missing segments normalised
 * lexically. Two paths name the same object exactly when their canonical forms are equal, and
 * one lies inside the other exactly when its canonical form starts with the other's
 * (segment-wise). An instance remembers every folder it resolved, so canonicalising many paths
 * below the same folders costs about one {@code lstat} per path; use one instance per
 * operation (the file system may change between operations).
 *
 * <p>The form the registry stores for a model path ({@link #storedForm}) is this canonical form
 * of the path made absolute against a base: the artifact root for the API, the legacy
 * registry's models root for the migration. So a relative {@code model_path} names the same
 * files whatever the current folder of the process that reads it, and the stored text does not
 * depend on how the path was spelled.
 */
public final class ArtifactPaths {

    /** Like the kernel's limit: a chain of more links than this is treated as a loop. */
    private static final int MAX_LINKS = 40;

    /** A segment's real path, and whether an object exists there. */
    private record Resolved(Path real, boolean exists) {
    }

    /** Real path of each segment met, keyed by its real parent and its name. */
    private final Map<Path, Resolved> resolved = new HashMap<>();
    /** Real path of each parent folder asked for, keyed as it was spelled. */
    private final Map<Path, Resolved> folders = new HashMap<>();

    /**
     * The absolute, canonical form of {@code modelPath}, a relative path resolved against
     * {@code base} (itself made absolute against the working directory). A path whose links
     * cannot be resolved (a loop) is kept in its absolute, lexically normalised form.
     *
     * @throws java.nio.file.InvalidPathException if the text is no path on this platform
     */
    public String storedForm(Path base, String modelPath) {
        Path absolute = against(base, modelPath);
        try {
            return canonical(absolute).toString();
        } catch (IOException unresolvable) {
            return absolute.normalize().toString();
        }
    }

    /** {@code modelPath} as an absolute path: relative ones resolved against {@code base}. */
    static Path against(Path base, String modelPath) {
        Path path = Path.of(modelPath);
        return path.isAbsolute() ? path : base.toAbsolutePath().resolve(path);
    }

    /**
     * The canonical form of an absolute path (see the class comment); never throws for a missing
     * path. Paths below an already resolved folder cost one {@code lstat}.
     */
    Path canonical(Path absolute) throws IOException {
        Path parent = absolute.getParent();
        Path name = absolute.getFileName();
        if (parent == null || name == null || name.toString().equals(".") || name.toString().equals("..")) {
            return walk(absolute, 0).real();
        }
        Resolved folder = folders.get(parent);
        if (folder == null) {
            folder = walk(parent, 0);
            folders.put(parent, folder);
        }
        Path child = folder.real().resolve(name.toString());
        return folder.exists() ? resolve(child, 0).real() : child;
    }

    /** Resolves segment by segment, each real folder once. */
    private Resolved walk(Path absolute, int links) throws IOException {
        if (!absolute.isAbsolute()) {
            throw new IllegalArgumentException("not an absolute path: " + absolute);
        }
        Path current = absolute.getRoot();
        boolean exists = true;
        for (Path segment : absolute) {
            String name = segment.toString();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                current = current.getParent() == null ? current : current.getParent();
                continue;
            }
            Path next = current.resolve(name);
            if (!exists) {
                current = next;
                continue;
            }
            Resolved step = resolved.get(next);
            if (step == null) {
                step = resolve(next, links);
                resolved.put(next, step);
            }
            current = step.real();
            exists = step.exists();
        }
        return new Resolved(current, exists);
    }

    /** {@code child} has a real parent: its real path, or itself when nothing exists there. */
    private Resolved resolve(Path child, int links) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            return new Resolved(child, false);
        }
        if (!attributes.isSymbolicLink()) {
            return new Resolved(child, true);
        }
        if (links >= MAX_LINKS) {
            throw new IOException("more than " + MAX_LINKS + " symbolic links (a loop?) at " + child);
        }
        return walk(child.getParent().resolve(Files.readSymbolicLink(child)), links + 1);
    }

    /** Whether one of two canonical paths is the other or lies inside it. */
    static boolean overlap(Path a, Path b) {
        return a.startsWith(b) || b.startsWith(a);
    }
}
