package dev.modelregistry.persistence;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.persistence.jpa.PersistenceFailures;
import dev.modelregistry.persistence.schema.RegistryFileLock;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.sqlite.SQLiteDataSource;

/**
 * Creates a new SQLite registry database all at once: the whole changelog runs on
 * {@code model_registry.db.creating} in the registry folder, which is then flushed to disk and
 * renamed to {@code model_registry.db} (an atomic rename on one file system). So a process killed
 * while a registry is being created leaves either no database or a complete one, never a file
 * where some changesets took effect without being recorded in {@code DATABASECHANGELOG} (SQLite
 * commits some of Liquibase's statements on their own; a later open would then run them again
 * and fail, e.g. on a duplicate key). A leftover {@code .creating} file of a killed creation is
 * removed by the next one.
 *
 * <p>Runs under the folder's {@link RegistryFileLock}, so two processes creating the same
 * registry at once create it once. A file that already exists (even empty: the user's, or the
 * Python registry's to adopt) is left alone; {@link SchemaMigrator} brings it up to date in place.
 */
final class FreshSqliteFile {

    static final String SUFFIX = ".creating";
    private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm", "-journal");

    private FreshSqliteFile() {
    }

    /** Creates {@code <registryDir>/model_registry.db} with the latest schema when there is no such file. */
    static void createIfAbsent(Path registryDir) {
        Path file = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        if (Files.exists(file)) {
            return;
        }
        try (RegistryFileLock held = RegistryFileLock.acquire(registryDir)) {
            if (Files.exists(file)) {
                return; // another process created it while this one waited
            }
            Path creating = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME + SUFFIX);
            removeLeftovers(creating);
            try {
                SQLiteDataSource dataSource = new SQLiteDataSource();
                dataSource.setUrl(RegistryDatabase.sqliteUrl(creating));
                SchemaMigrator.update(dataSource, SchemaMigrator.MASTER_CHANGELOG);
                flush(creating);
                Files.move(creating, file, StandardCopyOption.ATOMIC_MOVE);
                flush(registryDir);
            } catch (IOException | RuntimeException e) {
                removeLeftovers(creating);
                throw new RegistryUnavailableException("cannot create the registry database " + file + ": "
                        + (e instanceof IOException io ? RegistryFolder.why(io) : PersistenceFailures.rootMessage(e))
                        + "; nothing was created", e);
            }
        }
    }

    /** The unfinished file of a killed creation, with its journal files. */
    private static void removeLeftovers(Path creating) {
        for (String side : SIDE_FILES) {
            try {
                Files.deleteIfExists(creating.resolveSibling(creating.getFileName() + side));
            } catch (IOException e) {
                throw new RegistryUnavailableException("cannot remove the unfinished database " + creating + side
                        + " left by an earlier creation: " + RegistryFolder.why(e), e);
            }
        }
    }

    /** Forces a file's content, or a folder's entries, to the disk. */
    private static void flush(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
