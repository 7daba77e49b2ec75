package dev.modelregistry.persistence.schema;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.persistence.RegistryDatabase;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock that serialises every schema change of one SQLite registry folder (adoption of a
 * Python-written file, Liquibase update) across threads and processes:
 * {@code <registryDir>/model_registry.db.liquibase-lock}.
 *
 * <ul>
 *   <li>Across processes: an exclusive OS lock ({@link FileChannel#lock()}) on the lock file. The
 *       kernel releases it when the process dies, kill -9 included, so a crash never leaves it
 *       held (unlike Liquibase's {@code DATABASECHANGELOGLOCK} row).</li>
 *   <li>Within one JVM: a {@link ReentrantLock} per lock file, taken first, because a second
 *       {@code FileChannel.lock} on the same file in one JVM throws
 *       {@code OverlappingFileLockException} instead of waiting. Re-entrant: a thread that holds
 *       the lock may acquire it again (the OS lock is taken once, by the outermost hold).</li>
 * </ul>
 * The lock file is never deleted: removing a lock file while others wait on it lets two
 * processes lock two different files of the same name. It stays empty.
 */
public final class RegistryFileLock implements AutoCloseable {

    /** The lock file's name inside the registry folder. */
    public static final String FILE_NAME = RegistryDatabase.SQLITE_FILE_NAME + ".liquibase-lock";

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock osLock;

    private RegistryFileLock(ReentrantLock inProcess, FileChannel channel, FileLock osLock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.osLock = osLock;
    }

    /** Waits for, then holds, the schema lock of {@code registryDir} (which must exist). */
    public static RegistryFileLock acquire(Path registryDir) {
        Path lockFile = lockFile(registryDir);
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, key -> new ReentrantLock());
        inProcess.lock();
        if (inProcess.getHoldCount() > 1) {
            return new RegistryFileLock(inProcess, null, null); // this thread already holds the OS lock
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new RegistryFileLock(inProcess, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            inProcess.unlock();
            throw new RegistryUnavailableException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** {@code <registryDir>/model_registry.db.liquibase-lock}, by real path (one key per folder in the JVM). */
    static Path lockFile(Path registryDir) {
        Path folder;
        try {
            folder = registryDir.toRealPath();
        } catch (IOException e) {
            folder = registryDir.toAbsolutePath().normalize();
        }
        return folder.resolve(FILE_NAME);
    }

    /** Whether the current thread holds the lock of {@code registryDir}. */
    static boolean heldByCurrentThread(Path registryDir) {
        ReentrantLock lock = IN_PROCESS.get(lockFile(registryDir));
        return lock != null && lock.isHeldByCurrentThread();
    }

    @Override
    public void close() {
        try {
            if (osLock != null) {
                osLock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
            inProcess.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel (or the process)
            }
        }
    }
}
