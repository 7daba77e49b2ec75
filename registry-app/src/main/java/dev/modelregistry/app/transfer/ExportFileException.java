package dev.modelregistry.app.transfer;

import dev.modelregistry.domain.RegistryException;
import java.nio.file.Path;

/**
 * An export file that cannot be imported: unreadable, not an export, of an unknown format
 * version, truncated, or with a line whose content the registry refuses. Names the file and the
 * line; the cause, when there is one, is the domain's own exception.
 */
public class ExportFileException extends RegistryException {

    private final Path file;
    private final long line;

    ExportFileException(Path file, long line, String reason, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, 0 when the problem is the file as a whole. */
    public long line() {
        return line;
    }
}
