package dev.modelregistry.persistence;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
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
 */
final class SchemaMigrator {

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
}
