package dev.modelregistry.persistence;

import dev.modelregistry.domain.RegistryUnavailableException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Creates a SQLite registry folder, or says in words why it cannot. */
final class RegistryFolder {

    private RegistryFolder() {
    }

    static void create(Path registryDir) {
        try {
            Files.createDirectories(registryDir);
        } catch (IOException e) {
            Path file = fileInTheWay(registryDir);
            throw new RegistryUnavailableException("cannot create the registry folder " + registryDir + ": "
                    + (file != null ? file + " is a file, not a folder" : why(e)), e);
        }
    }

    /** The folder itself or the nearest existing part of its path when that is not a folder; else null. */
    private static Path fileInTheWay(Path registryDir) {
        for (Path part = registryDir.toAbsolutePath(); part != null; part = part.getParent()) {
            if (Files.exists(part)) {
                return Files.isDirectory(part) ? null : part;
            }
        }
        return null;
    }

    /** The reason, e.g. "permission denied on /srv", "/srv/registry is a file, not a folder", "Read-only file system". */
    static String why(IOException e) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
        if (e instanceof FileAlreadyExistsException) {
            return (file == null ? "a part of the path" : file) + " is a file, not a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied" + (file == null ? "" : " on " + file);
        }
        if (e instanceof NoSuchFileException) {
            return (file == null ? "a part of the path" : file) + " does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (file == null ? "" : " (" + file + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
