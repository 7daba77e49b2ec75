package dev.modelregistry.app.migration.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The legacy registry folder itself does not exist or is not a folder. This is the only
 * condition for which {@link LegacyRegistryReader} throws; everything wrong inside the
 * folder is reported as a {@link LegacyProblem}.
 */
public class LegacyRegistryNotFoundException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    LegacyRegistryNotFoundException(Path path, IOException cause) {
        super(describe(path, cause), cause);
        this.path = path;
    }

    static LegacyRegistryNotFoundException missing(Path path) {
        return new LegacyRegistryNotFoundException(path, new NoSuchFileException(path.toString()));
    }

    static LegacyRegistryNotFoundException notAFolder(Path path) {
        return new LegacyRegistryNotFoundException(path, new NotDirectoryException(path.toString()));
    }

    private static String describe(Path path, IOException cause) {
        if (cause instanceof NotDirectoryException) {
            return "Legacy registry " + path + " is not a folder.";
        }
        return "Legacy registry folder " + path + " does not exist.";
    }

    /** The registry path that was asked for. */
    public Path path() {
        return path;
    }
}
