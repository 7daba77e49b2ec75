package dev.modelregistry.persistence;

import dev.modelregistry.domain.NoRegistrySchemaException;
import dev.modelregistry.domain.RegistryNotFoundException;
import dev.modelregistry.domain.SchemaUpgradeRequiredException;
import dev.modelregistry.persistence.adoption.PythonRegistryAdoption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * The checks and the connections of a read-only open ({@link RegistryDatabase#openSqliteReadOnly},
 * {@link RegistryDatabase#openJdbcReadOnly}): only an existing registry with a current schema is
 * opened; anything else is reported, never created or upgraded.
 */
final class ReadOnlyOpening {

    /** The most of a file a read-only connection maps (SQLite maps no more than the file's size). */
    static final long READ_MMAP_BYTES = 16L << 30;

    private ReadOnlyOpening() {
    }

    /** The schema status of an existing SQLite registry file, read without writing anything. */
    static SchemaStatus sqliteStatus(Path file) {
        if (!Files.isRegularFile(file) || size(file) == 0) {
            throw new RegistryNotFoundException(file.toString(), Files.isRegularFile(file) ? "the file is empty" : null);
        }
        AdoptionStatus inspection = PythonRegistryAdoption.inspect(file);
        if (inspection.pythonCreated()) {
            throw new SchemaUpgradeRequiredException(file.toString(),
                    "was written by the Python ModelRegistrySQLite and must be adopted");
        }
        if (!inspection.schema().historyPresent() && !inspection.schema().registryTables()) {
            throw new RegistryNotFoundException(file.toString(), "the file holds no registry tables");
        }
        return inspection.schema();
    }

    /** Refuses a database whose schema is absent or not at the packaged release. */
    static void requireCurrent(SchemaStatus status) {
        requireCurrent(status, "run `registry db upgrade` first");
    }

    /** The most pending changesets a refusal names one by one. */
    private static final int NAMED_PENDING = 5;

    /**
     * Refuses a database whose schema is absent or not at the packaged release, naming the
     * pending changesets (the first {@value #NAMED_PENDING}) and {@code remedy}.
     */
    static void requireCurrent(SchemaStatus status, String remedy) {
        if (!status.historyPresent() && !status.registryTables()) {
            throw new NoRegistrySchemaException(status.location(), remedy);
        }
        if (!status.historyPresent()) {
            throw new SchemaUpgradeRequiredException(status.location(), "has registry tables but no Liquibase history",
                    remedy);
        }
        if (!status.pending().isEmpty()) {
            List<String> names = status.pending().stream().limit(NAMED_PENDING).map(SchemaStatus.ChangeSetState::key)
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
            if (status.pending().size() > NAMED_PENDING) {
                names.add("and " + (status.pending().size() - NAMED_PENDING) + " more");
            }
            throw new SchemaUpgradeRequiredException(status.location(), "has an older schema ("
                    + status.pending().size() + " changeset(s) pending: " + String.join(", ", names) + ")", remedy);
        }
    }

    /**
     * Connections that cannot write ({@code SQLITE_OPEN_READONLY}). A WAL-mode file without its
     * {@code -wal} file in a folder this process cannot write is opened immutable: SQLite could
     * not create the {@code -shm} index there, and no writer of this folder can be active. They
     * read the file memory-mapped (up to {@link #READ_MMAP_BYTES}): a page already in the
     * operating system's cache is read without a system call and a copy, which is most of the
     * cost of a lookup that touches a few rows of a large file.
     */
    static DataSource sqliteDataSource(Path file) {
        Path absolute = file.toAbsolutePath();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setDateClass("TEXT");
        config.setBusyTimeout(10_000);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(READ_MMAP_BYTES));
        SQLiteDataSource dataSource;
        if (PythonRegistryAdoption.walMode(absolute) && !Files.exists(Path.of(absolute + "-wal"))
                && !Files.isWritable(absolute.getParent())) {
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
            dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + absolute.toUri() + "?immutable=1");
        } else {
            dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + absolute);
        }
        return dataSource;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
