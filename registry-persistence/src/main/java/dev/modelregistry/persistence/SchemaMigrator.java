package dev.modelregistry.persistence;

import dev.modelregistry.domain.RegistryUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs the Liquibase changelogs packaged under {@code changelog/} on the classpath. Analytics
 * are always off (Liquibase 4.33 would otherwise fetch a remote config on each run).
 * {@link #status} reports, read-only, which changesets a database has and lacks; opening a
 * {@link RegistryDatabase} applies the missing ones.
 */
public final class SchemaMigrator {

    static final String MASTER_CHANGELOG = "changelog/db.changelog-master.xml";
    static final String ANALYTICS_ENABLED = "liquibase.analytics.enabled";

    private SchemaMigrator() {
    }

    /** Brings the database to the latest release. */
    static void updateToLatest(DataSource dataSource) {
        update(dataSource, MASTER_CHANGELOG);
    }

    /** Runs one changelog file (for example {@code changelog/releases/1.0.xml} alone, in upgrade tests). */
    static void update(DataSource dataSource, String changelogFile) {
        if (System.getProperty(ANALYTICS_ENABLED) == null) {
            System.setProperty(ANALYTICS_ENABLED, "false");
        }
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
                ANALYTICS_ENABLED, Boolean.FALSE,
                // a library prints nothing on stdout: Liquibase's summaries go to its log (java.util.logging)
                Scope.Attr.ui.name(), new LoggerUIService());
        try {
            Scope.child(scope, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
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

    /**
     * The schema status of the SQLite registry in {@code registryDir}, read through a read-only
     * connection (nothing is created or changed).
     *
     * @throws RegistryUnavailableException when there is no database file
     */
    public static SchemaStatus sqliteStatus(Path registryDir) {
        Path file = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new RegistryUnavailableException("no registry database at " + file, null);
        }
        Properties properties = new Properties();
        properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        properties.setProperty("date_class", "TEXT");
        return status("jdbc:sqlite:" + file.toAbsolutePath(), properties, file.toString());
    }

    /** The schema status of a database server, read without writing anything. */
    public static SchemaStatus status(String jdbcUrl, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return status(jdbcUrl, properties, jdbcUrl);
    }

    private static SchemaStatus status(String url, Properties properties, String location) {
        if (System.getProperty(ANALYTICS_ENABLED) == null) {
            System.setProperty(ANALYTICS_ENABLED, "false");
        }
        ClassLoaderResourceAccessor accessor = new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader());
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), accessor,
                ANALYTICS_ENABLED, Boolean.FALSE,
                Scope.Attr.ui.name(), new LoggerUIService());
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.setReadOnly(true);
            Set<String> tables = tableNames(connection);
            boolean history = tables.contains("databasechangelog");
            List<SchemaStatus.ChangeSetState> applied = history ? applied(connection) : List.of();
            Set<String> appliedKeys = new HashSet<>();
            applied.forEach(state -> appliedKeys.add(key(state.file(), state.id(), state.author())));
            List<SchemaStatus.ChangeSetState> pending = new ArrayList<>();
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(MASTER_CHANGELOG, accessor)
                        .parse(MASTER_CHANGELOG, new ChangeLogParameters(database), accessor);
                DbmsChangeSetFilter dbms = new DbmsChangeSetFilter(database);
                for (ChangeSet changeSet : changeLog.getChangeSets()) {
                    if (dbms.accepts(changeSet).isAccepted()
                            && !appliedKeys.contains(key(changeSet.getStoredFilePath(), changeSet.getId(), changeSet.getAuthor()))) {
                        pending.add(new SchemaStatus.ChangeSetState(changeSet.getStoredFilePath(), changeSet.getId(),
                                changeSet.getAuthor(), null));
                    }
                }
            });
            return new SchemaStatus(location, history, tables.contains("models") && tables.contains("versions"), applied,
                    pending);
        } catch (SQLException e) {
            throw new RegistryUnavailableException(
                    "cannot read the schema status of " + location + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the schema status of " + location + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> tableNames(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static List<SchemaStatus.ChangeSetState> applied(Connection connection) throws SQLException {
        List<SchemaStatus.ChangeSetState> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT filename, id, author, dateexecuted FROM databasechangelog ORDER BY orderexecuted")) {
            while (rs.next()) {
                applied.add(new SchemaStatus.ChangeSetState(rs.getString(1), rs.getString(2), rs.getString(3),
                        executedAt(rs)));
            }
        }
        return applied;
    }

    private static Instant executedAt(ResultSet rs) {
        try {
            Timestamp timestamp = rs.getTimestamp(4);
            return timestamp == null ? null : timestamp.toInstant();
        } catch (SQLException | RuntimeException unreadable) {
            return null; // SQLite keeps it as free text; the status does not depend on it
        }
    }

    private static String key(String file, String id, String author) {
        return file + "::" + id + "::" + author;
    }
}
