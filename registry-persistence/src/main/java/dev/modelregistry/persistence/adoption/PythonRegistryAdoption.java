package dev.modelregistry.persistence.adoption;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.persistence.AdoptionStatus;
import dev.modelregistry.persistence.IncompatibleSchemaException;
import dev.modelregistry.persistence.LegacyDefects;
import dev.modelregistry.persistence.NormaliseLegacyTimestamps;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.SchemaStatus;
import dev.modelregistry.persistence.UpgradeProgress;
import dev.modelregistry.persistence.UpgradeReport;
import dev.modelregistry.persistence.schema.RegistryFileLock;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Adoption of SQLite databases written by the Python {@code ModelRegistrySQLite}: registry
 * tables ({@code models}, {@code versions}, {@code data_lineage}) but no {@code DATABASECHANGELOG}.
 *
 * <ol>
 *   <li>Recognise and check, read-only: the tables must have the release-1.0 shape
 *       ({@link LegacySchemaShape}); otherwise {@link IncompatibleSchemaException}, nothing changed.</li>
 *   <li>Settle the file (a WAL is checkpointed, a hot journal rolled back: the logical content
 *       stays), hash it (SHA-256).</li>
 *   <li>Back it up to {@code model_registry.db.bak-YYYYMMDD_HHMMSS} (a new name, never
 *       overwriting): copied under a temporary name, its SHA-256 compared with the original's,
 *       then renamed; a crash leaves no half backup under the final name.</li>
 *   <li>Copy it to {@code model_registry.db.adopting} (verified the same way) and work on the
 *       copy only: its tables are rebuilt with the exact 1.0 DDL, keeping every row
 *       ({@link LegacyTableRebuild}: the Python DDL has NOT NULL constraints the domain does not
 *       satisfy), Liquibase {@code changelogSync} of {@code releases/1.0.xml} records the 1.0
 *       changesets as applied, then {@code update} of the master changelog runs 1.1 with the
 *       adoption repairs ({@code releases/1.1-adopt.xml}) and everything later.</li>
 *   <li>Verify the copy ({@code PRAGMA integrity_check}, {@code PRAGMA foreign_key_check}, one
 *       active version per model, no defect left) and that the original is still the file that
 *       was backed up (same SHA-256: nobody wrote to it meanwhile), then rename the copy over
 *       the original atomically.</li>
 * </ol>
 * A crash (kill -9) at any point leaves either the original file or the adopted one under
 * {@code model_registry.db}; leftovers ({@code .adopting}, a temporary backup) are removed by
 * the next run. Stop the Python registry before adopting its file.
 */
public final class PythonRegistryAdoption {

    static final String ADOPTING_SUFFIX = ".adopting";
    static final String BACKUP_INFIX = ".bak-";
    private static final String PARTIAL_SUFFIX = ".partial";
    private static final String CHANGELOG_10 = "changelog/releases/1.0.xml";
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private PythonRegistryAdoption() {
    }

    // ---------------------------------------------------------------- recognition and status

    /** Read-only facts about a database file (its schema status from {@link SchemaMigrator#status}). */
    public static AdoptionStatus inspect(Path file) {
        if (!Files.isRegularFile(file)) {
            return new AdoptionStatus(file, false, false, List.of(), SchemaMigrator.absent(file.toString(), "sqlite"),
                    null);
        }
        try (Connection connection = openReadOnly(file)) {
            SchemaStatus schema = SchemaMigrator.status(connection, file.toString());
            var tables = LegacySchemaShape.tableNames(connection);
            boolean registryTables = LegacySchemaShape.TABLES.keySet().stream().anyMatch(tables::contains);
            if (schema.historyPresent() || !registryTables) {
                return new AdoptionStatus(file, true, false, List.of(), schema, null);
            }
            List<String> problems = LegacySchemaShape.problems(connection);
            LegacyDefects defects = problems.isEmpty() ? LegacyDefectCount.count(connection) : null;
            return new AdoptionStatus(file, true, true, problems, schema, defects);
        } catch (SQLException e) {
            throw new RegistryUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static AdoptionStatus status(Path registryDir) {
        return inspect(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME));
    }

    // ---------------------------------------------------------------- adoption

    /**
     * Adopts {@code <registryDir>/model_registry.db} when the Python registry wrote it; returns
     * null (and does nothing) for any other file or no file.
     */
    public static UpgradeReport adoptIfPythonCreated(Path registryDir, ZoneId legacyZone) {
        return adoptIfPythonCreated(registryDir, legacyZone, UpgradeProgress.NONE);
    }

    /** As {@link #adoptIfPythonCreated(Path, ZoneId)}, telling {@code progress} before each of its {@value #ADOPTION_STEPS} steps. */
    public static UpgradeReport adoptIfPythonCreated(Path registryDir, ZoneId legacyZone, UpgradeProgress progress) {
        Path file = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        AdoptionStatus inspection = inspect(file);
        if (!inspection.pythonCreated()) {
            if (Files.exists(Path.of(file + ADOPTING_SUFFIX))) {
                removeLeftovers(file); // a crash after the rename, before the clean-up
            }
            return null;
        }
        if (!inspection.shapeProblems().isEmpty()) {
            throw new IncompatibleSchemaException(file, "refusing to adopt", inspection.shapeProblems());
        }
        // one schema change at a time per folder (two processes opening the same Python file):
        // the second waits, then finds the file adopted
        try (RegistryFileLock held = RegistryFileLock.acquire(registryDir)) {
            if (!inspect(file).pythonCreated()) { // adopted meanwhile by another thread or process
                return null;
            }
            removeLeftovers(file);
            return adopt(file, legacyZone, progress);
        }
    }

    static final int ADOPTION_STEPS = 7;

    private static UpgradeReport adopt(Path file, ZoneId legacyZone, UpgradeProgress progress) {
        progress.step("backup", 0, ADOPTION_STEPS);
        settle(file);
        String originalHash = sha256(file);
        Path backup = backup(file, originalHash);
        Path work = file.resolveSibling(file.getFileName() + ADOPTING_SUFFIX);
        try {
            progress.step("copying", 1, ADOPTION_STEPS);
            copyVerified(file, work, originalHash);
            LegacyDefects before;
            LegacyDefects after;
            List<String> applied;
            SQLiteDataSource copy = new SQLiteDataSource();
            copy.setUrl(workUrl(work));
            progress.step("checking the tables", 2, ADOPTION_STEPS);
            try (Connection connection = copy.getConnection()) {
                List<String> problems = LegacySchemaShape.problems(connection);
                if (!problems.isEmpty()) {
                    throw new IncompatibleSchemaException(file, "refusing to adopt", problems);
                }
                before = LegacyDefectCount.count(connection);
                refuseUnrepairable(file, before);
            }
            progress.step("rebuilding the tables", 3, ADOPTION_STEPS);
            LegacyTableRebuild.rebuild(work);
            Map<String, Object> zone = Map.of(NormaliseLegacyTimestamps.SCOPE_LEGACY_ZONE, legacyZone);
            progress.step("upgrading the schema and repairing the data", 4, ADOPTION_STEPS);
            runLiquibase(copy, ChangelogSyncCommandStep.COMMAND_NAME, CHANGELOG_10, zone);
            runLiquibase(copy, UpdateCommandStep.COMMAND_NAME, SchemaMigrator.MASTER_CHANGELOG, zone);
            progress.step("verifying", 5, ADOPTION_STEPS);
            try (Connection connection = copy.getConnection()) {
                after = LegacyDefectCount.count(connection);
                verifyAdopted(file, connection, after);
                applied = SchemaMigrator.status(connection, work.toString()).applied().stream()
                        .map(SchemaStatus.ChangeSetState::key).toList();
            }
            if (!originalHash.equals(sha256(file))) {
                throw new RegistryUnavailableException(file + " changed while it was being adopted (is the Python"
                        + " registry still running?); it was left as it is, run the upgrade again once it is stopped", null);
            }
            progress.step("replacing the file", 6, ADOPTION_STEPS);
            force(work);
            Files.move(work, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(file.toAbsolutePath().getParent());
            return new UpgradeReport(file, true, backup, before, after, applied);
        } catch (SQLException | IOException e) {
            throw new RegistryUnavailableException("cannot adopt " + file + ": " + e.getMessage()
                    + "; the file was not changed (backup " + backup + ")", e);
        } finally {
            deleteQuietly(work);
            deleteQuietly(Path.of(work + "-journal"));
        }
    }

    /** Versions whose model is gone cannot be repaired without inventing or dropping data. */
    private static void refuseUnrepairable(Path file, LegacyDefects defects) {
        List<String> problems = new ArrayList<>();
        if (defects.versionsWithoutModel() > 0) {
            problems.add(defects.versionsWithoutModel() + " version(s) belong to no model row");
        }
        if (defects.unreadableTimestamps() > 0) {
            problems.add(defects.unreadableTimestamps() + " timestamp(s) are no date-time text");
        }
        if (!problems.isEmpty()) {
            throw new IncompatibleSchemaException(file, "cannot repair", problems);
        }
    }

    private static void verifyAdopted(Path file, Connection connection, LegacyDefects after) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            if (!"ok".equalsIgnoreCase(rows.getString(1))) {
                problems.add("PRAGMA integrity_check: " + rows.getString(1));
            }
        }
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("PRAGMA foreign_key_check")) {
            if (rows.next()) {
                problems.add("PRAGMA foreign_key_check reports " + rows.getString(1) + " row " + rows.getString(2)
                        + " referencing a missing " + rows.getString(3));
            }
        }
        if (!after.clean()) {
            problems.add("defects left after the repairs: " + after);
        }
        if (!problems.isEmpty()) {
            throw new IncompatibleSchemaException(file, "adoption check failed for", problems);
        }
    }

    private static void runLiquibase(DataSource dataSource, String[] command, String changelog,
                                     Map<String, Object> scope) {
        try {
            SchemaMigrator.inLiquibaseScope(scope, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                    CommandScope run = new CommandScope(command)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, changelog);
                    if (command == UpdateCommandStep.COMMAND_NAME) {
                        run.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG);
                    }
                    run.execute();
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase " + String.join(" ", command) + " with " + changelog
                    + " failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- files

    /** Rollback journal, synchronous commits, foreign keys on: the adoption runs on a private copy. */
    static String workUrl(Path work) {
        return "jdbc:sqlite:" + work.toAbsolutePath()
                + "?foreign_keys=true&journal_mode=DELETE&synchronous=FULL&busy_timeout=10000&date_class=TEXT";
    }

    /**
     * A connection that cannot write. A read-only connection to a WAL-mode file would still
     * create the {@code -wal} and {@code -shm} files (and leave them behind): when the file is
     * in WAL mode and has no {@code -wal} file, everything is in the main file, which is then
     * opened as immutable instead, creating nothing.
     */
    static Connection openReadOnly(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        properties.setProperty("date_class", "TEXT");
        Path absolute = file.toAbsolutePath();
        if (walMode(absolute) && !Files.exists(Path.of(absolute + "-wal"))) {
            properties.setProperty("open_mode", String.valueOf(1 | 0x40)); // READONLY | URI
            return DriverManager.getConnection("jdbc:sqlite:" + absolute.toUri() + "?immutable=1", properties);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + absolute, properties);
    }

    /** The file header's read/write versions are 2 for WAL mode (sqlite.org/fileformat.html). */
    public static boolean walMode(Path file) {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(header, 0, 20) == 20 && header[18] == 2 && header[19] == 2;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes the main file hold the whole database before it is copied: a write-ahead log is
     * checkpointed into it, a hot rollback journal rolled back (SQLite does both on open). The
     * Python registry does not use WAL, so this normally does nothing.
     */
    private static void settle(Path file) {
        Path wal = Path.of(file + "-wal");
        Path journal = Path.of(file + "-journal");
        if (!Files.exists(wal) && !Files.exists(journal)) {
            return;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement sql = connection.createStatement()) {
            sql.executeQuery("SELECT COUNT(*) FROM sqlite_master").close();
            sql.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new RegistryUnavailableException("cannot checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (size(wal) > 0) {
            throw new RegistryUnavailableException(file + " has a write-ahead log that could not be checkpointed;"
                    + " stop every program using it and retry", null);
        }
    }

    private static Path backup(Path file, String expectedHash) {
        String stamp = LocalDateTime.now().format(BACKUP_STAMP);
        Path backup = file.resolveSibling(file.getFileName() + BACKUP_INFIX + stamp);
        for (int n = 1; Files.exists(backup); n++) {
            backup = file.resolveSibling(file.getFileName() + BACKUP_INFIX + stamp + "-" + n);
        }
        Path partial = Path.of(backup + PARTIAL_SUFFIX);
        try {
            copyVerified(file, partial, expectedHash);
            Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new RegistryUnavailableException("cannot back up " + file + " to " + backup + ": " + e.getMessage()
                    + "; nothing was changed", e);
        }
        if (!expectedHash.equals(sha256(backup))) {
            throw new RegistryUnavailableException("the backup " + backup + " does not match " + file
                    + " (SHA-256); nothing was changed", null);
        }
        return backup;
    }

    private static void copyVerified(Path from, Path to, String expectedHash) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        force(to);
        String copied = sha256(to);
        if (!expectedHash.equals(copied)) {
            throw new IOException("the copy " + to + " differs from " + from + " (SHA-256 " + copied + " instead of "
                    + expectedHash + "): was the file being written?");
        }
    }

    /** Scratch files of an adoption that did not finish (a crash): never the database or a backup. */
    private static void removeLeftovers(Path file) {
        Path work = Path.of(file + ADOPTING_SUFFIX);
        deleteQuietly(work);
        deleteQuietly(Path.of(work + "-journal"));
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        String prefix = file.getFileName() + BACKUP_INFIX;
        try (var entries = Files.list(folder)) {
            entries.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(PARTIAL_SUFFIX))
                    .forEach(PythonRegistryAdoption::deleteQuietly);
        } catch (IOException ignored) {
            // leftovers are harmless
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new RegistryUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can sync a directory; the rename itself is atomic
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover scratch file is removed by the next run
        }
    }
}
