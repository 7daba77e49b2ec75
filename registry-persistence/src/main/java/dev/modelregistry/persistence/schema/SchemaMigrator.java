package dev.modelregistry.persistence.schema;

import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.persistence.QuietLogging;
import dev.modelregistry.persistence.SchemaStatus.ChangeSetState;
import dev.modelregistry.persistence.SchemaStatus.ChangelogLock;
import dev.modelregistry.persistence.SchemaStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Liquibase changelogs packaged under {@code changelog/} on the classpath, and reads,
 * without writing, where a database stands against them ({@link #status(Connection, String)}:
 * the one place that compares {@code DATABASECHANGELOG} with the packaged changesets; the CLI's
 * {@code db status}, the Python adoption and the open fast path all use it). Analytics are
 * always off (Liquibase 4.33 would otherwise fetch a remote config on each run).
 *
 * <h2>Opening ({@link #bringUpToDate})</h2>
 * <ul>
 *   <li>Fast path: when {@code DATABASECHANGELOG} already lists every packaged changeset (same
 *       file, id, author) and none can run again, Liquibase is not started at all: no
 *       {@code DATABASECHANGELOGLOCK}, no Liquibase start-up. Checksums are not compared there:
 *       they cannot change what an update would do to such a database (Liquibase never re-runs
 *       a recorded changeset that is not runOnChange/runAlways, and those disable the fast
 *       path); a mismatch only makes Liquibase refuse. Edited released changesets are caught by
 *       {@code registry db upgrade} / {@link dev.modelregistry.persistence.RegistryDatabase#upgrade}, which always run
 *       Liquibase (and so its validation), and by the rule that released changesets are never
 *       edited.</li>
 *   <li>SQLite, something to do: the update runs holding the folder's {@link RegistryFileLock}
 *       (an OS file lock, released by the kernel when a process dies, plus an in-JVM lock).
 *       Every process that changes the schema holds it, so a {@code DATABASECHANGELOGLOCK} row
 *       found held meanwhile was left by a killed process: it is released, then Liquibase runs.
 *       A kill -9 during an open therefore never locks the registry for good.</li>
 *   <li>PostgreSQL, something to do: the update runs holding a session-level advisory lock
 *       ({@link ServerSchemaLock}), so any number of processes may open a fresh or outdated
 *       schema at once: the first updates, the others wait, then find the schema current (without
 *       it, two processes both create {@code DATABASECHANGELOG}: "relation already exists"). The
 *       server frees the lock when the holder's connection ends, kill -9 included.</li>
 *   <li>PostgreSQL (and other servers), inside that: Liquibase's own locking, unchanged. A
 *       process killed during an update leaves {@code DATABASECHANGELOGLOCK} held and the next
 *       update waits 5 minutes, then fails; release it, once sure no update runs, with
 *       {@code liquibase releaseLocks} (Maven: {@code mvn -pl registry-persistence
 *       liquibase:releaseLocks -Dliquibase.url=...}) or
 *       {@code UPDATE databasechangeloglock SET locked = FALSE, lockgranted = NULL, lockedby = NULL}.
 *       A current schema opens anyway (fast path); {@code registry db status} shows a held lock.</li>
 * </ul>
 */
public final class SchemaMigrator {

    public static final String MASTER_CHANGELOG = "changelog/db.changelog-master.xml";
    static final String ANALYTICS_ENABLED = "liquibase.analytics.enabled";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    /**
     * Brings the database to the latest release (see the class comment).
     *
     * @param sqliteRegistryDir the registry folder for a SQLite database (its OS lock is used),
     *                          null for a server
     */
    public static void bringUpToDate(DataSource dataSource, String location, Path sqliteRegistryDir) {
        bringUpToDate(dataSource, location, sqliteRegistryDir, ChangelogTables.LIQUIBASE_DEFAULTS, null);
    }

    /**
     * As {@link #bringUpToDate(DataSource, String, Path)}, with the history in {@code tables} and
     * Liquibase's default schema {@code schema} (null: the connection's current schema).
     */
    public static void bringUpToDate(DataSource dataSource, String location, Path sqliteRegistryDir,
                                     ChangelogTables tables, String schema) {
        SchemaStatus status = status(dataSource, location, tables);
        if (upToDate(status, dataSource, location)) {
            if (status.lock() == null) {
                return;
            }
            if (sqliteRegistryDir == null) {
                LOG.warn("{}: DATABASECHANGELOGLOCK is held by {} since {}; the schema is current, so it was not needed"
                        + " to open. If no Liquibase update is running, release it: liquibase releaseLocks",
                        location, status.lock().lockedBy(), status.lock().granted());
                return;
            }
        }
        if (sqliteRegistryDir == null) {
            try (ServerSchemaLock held = ServerSchemaLock.acquire(dataSource, location)) {
                if (!held.exclusive() || !upToDate(status(dataSource, location, tables), dataSource, location)) {
                    update(dataSource, MASTER_CHANGELOG, tables, schema);
                }
            }
            return;
        }
        try (RegistryFileLock held = RegistryFileLock.acquire(sqliteRegistryDir)) {
            releaseStaleLock(dataSource, location);
            if (!upToDate(status(dataSource, location), dataSource, location)) {
                update(dataSource, MASTER_CHANGELOG);
            }
        }
    }

    /**
     * Runs Liquibase's update on a SQLite registry, always (no fast path: its checksum validation
     * included), holding the folder's lock; a stale changelog lock is released first.
     */
    public static void updateSqlite(DataSource dataSource, String location, Path registryDir) {
        try (RegistryFileLock held = RegistryFileLock.acquire(registryDir)) {
            releaseStaleLock(dataSource, location);
            update(dataSource, MASTER_CHANGELOG);
        }
    }

    private static boolean upToDate(SchemaStatus status, DataSource dataSource, String location) {
        if (!status.current()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return !PackagedChangelog.forConnection(connection).rerunnable();
        } catch (SQLException e) {
            throw new RegistryUnavailableException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Frees the {@code DATABASECHANGELOGLOCK} row. Only to be called holding the folder's
     * {@link RegistryFileLock}: every process that updates the schema holds it, so a held row
     * belongs to a process that died.
     */
    private static void releaseStaleLock(DataSource dataSource, String location) {
        try (Connection connection = dataSource.getConnection()) {
            if (!tableNames(connection).contains("databasechangeloglock")) {
                return;
            }
            ChangelogLock stale = lock(connection, ChangelogTables.LIQUIBASE_DEFAULTS);
            if (stale == null) {
                return;
            }
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL");
            }
            LOG.warn("{}: released a stale Liquibase changelog lock (held by {} since {}: a process killed during"
                    + " an update)", location, stale.lockedBy(), stale.granted());
        } catch (SQLException e) {
            throw new RegistryUnavailableException("cannot release the changelog lock of " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /** Runs one changelog file (for example {@code changelog/releases/1.0.xml} alone, in upgrade tests). */
    public static void update(DataSource dataSource, String changelogFile) {
        update(dataSource, changelogFile, ChangelogTables.LIQUIBASE_DEFAULTS, null);
    }

    /** Runs one changelog file with its history in {@code tables}, in {@code schema} (null: the connection's current schema). */
    public static void update(DataSource dataSource, String changelogFile, ChangelogTables tables, String schema) {
        try {
            inLiquibaseScope(Map.of(), () -> {
                try (Connection connection = dataSource.getConnection()) {
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                    database.setDatabaseChangeLogTableName(tables.history());
                    database.setDatabaseChangeLogLockTableName(tables.lock());
                    if (schema != null) {
                        database.setDefaultSchemaName(schema);
                        database.setLiquibaseSchemaName(schema);
                    }
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelogFile)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute();
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase update with " + changelogFile + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code runner} in a Liquibase scope: classpath changelogs, analytics off, output to the log. */
    public static void inLiquibaseScope(Map<String, Object> extra, Scope.ScopedRunner<?> runner) throws Exception {
        if (System.getProperty(ANALYTICS_ENABLED) == null) {
            System.setProperty(ANALYTICS_ENABLED, "false");
        }
        Map<String, Object> scope = new HashMap<>(extra);
        scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()));
        scope.put(ANALYTICS_ENABLED, Boolean.FALSE);
        // a library prints nothing on stdout: Liquibase's summaries go to its log
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        // its log is SLF4J, its INFO chatter at debug level (see QuietLogging)
        scope.put(Scope.Attr.logService.name(), QuietLogging.liquibase());
        Scope.child(scope, runner);
    }

    // ---------------------------------------------------------------- status

    public static SchemaStatus status(DataSource dataSource, String location) {
        return status(dataSource, location, ChangelogTables.LIQUIBASE_DEFAULTS);
    }

    /** The status read from the history in {@code tables}. */
    public static SchemaStatus status(DataSource dataSource, String location, ChangelogTables tables) {
        try (Connection connection = dataSource.getConnection()) {
            return status(connection, location, tables);
        } catch (SQLException e) {
            throw new RegistryUnavailableException(
                    "cannot read the schema status of " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where the database behind {@code connection} stands against the packaged changelog: the
     * single comparison of {@code DATABASECHANGELOG} with {@link PackagedChangelog}. Only reads.
     */
    public static SchemaStatus status(Connection connection, String location) throws SQLException {
        return status(connection, location, ChangelogTables.LIQUIBASE_DEFAULTS);
    }

    /** The status read from the history in {@code changelog} (in the connection's current schema). */
    public static SchemaStatus status(Connection connection, String location, ChangelogTables changelog)
            throws SQLException {
        Set<String> tables = tableNames(connection);
        boolean history = tables.contains(changelog.historyName());
        List<ChangeSetState> applied = history ? applied(connection, changelog) : List.of();
        Set<String> appliedKeys = new HashSet<>();
        applied.forEach(state -> appliedKeys.add(state.key()));
        List<ChangeSetState> pending = new ArrayList<>();
        for (ChangeSetState packaged : PackagedChangelog.forConnection(connection).changeSets()) {
            if (!appliedKeys.contains(packaged.key())) {
                pending.add(packaged);
            }
        }
        ChangelogLock lock = tables.contains(changelog.lockName()) ? lock(connection, changelog) : null;
        return new SchemaStatus(location, history, tables.contains("models") && tables.contains("versions"), applied,
                pending, lock);
    }

    /** Tables of the connection's current schema (all of them on SQLite), lower case. */
    static Set<String> tableNames(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    /** The status of a database that does not exist yet: nothing applied, every packaged changeset pending. */
    public static SchemaStatus absent(String location, String dbms) {
        return new SchemaStatus(location, false, false, List.of(), PackagedChangelog.forDbms(dbms).changeSets(), null);
    }

    private static List<ChangeSetState> applied(Connection connection, ChangelogTables changelog) throws SQLException {
        List<ChangeSetState> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT filename, id, author, dateexecuted FROM "
                     + SqlIdentifier.quoted(changelog.history()) + " ORDER BY orderexecuted")) {
            while (rs.next()) {
                applied.add(new ChangeSetState(rs.getString(1), rs.getString(2), rs.getString(3), executedAt(rs)));
            }
        }
        return applied;
    }

    /** The held changelog lock row, or null when it is free (or missing). */
    private static ChangelogLock lock(Connection connection, ChangelogTables changelog) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT locked, lockedby, lockgranted FROM "
                     + SqlIdentifier.quoted(changelog.lock()))) {
            while (rs.next()) {
                if (isTrue(rs.getObject(1))) {
                    return new ChangelogLock(rs.getString(2), rs.getString(3));
                }
            }
        }
        return null;
    }

    private static boolean isTrue(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        return value != null && (value.toString().equalsIgnoreCase("true") || value.toString().equals("1"));
    }

    private static Instant executedAt(ResultSet rs) {
        try {
            Timestamp timestamp = rs.getTimestamp(4);
            return timestamp == null ? null : timestamp.toInstant();
        } catch (SQLException | RuntimeException unreadable) {
            return null; // SQLite keeps it as free text; the status does not depend on it
        }
    }
}
