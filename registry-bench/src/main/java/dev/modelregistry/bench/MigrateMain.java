package dev.modelregistry.bench;

import dev.modelregistry.app.migration.DatabaseMigrationTarget;
import dev.modelregistry.app.migration.LegacyMigration;
import dev.modelregistry.app.migration.MigrationListener;
import dev.modelregistry.app.migration.MigrationReport;
import dev.modelregistry.app.migration.MigrationRequest;
import dev.modelregistry.app.migration.legacy.LegacyRegistryReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code MigrateMain OLD_PATH NEW_PATH}: the migration use case alone, as the CLI's
 * {@code migrate} runs it, for child JVMs when the CLI jar is not built.
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        System.setProperty("liquibase.analytics.enabled", "false");
        Path oldPath = Path.of(args[0]);
        MigrationRequest request = new MigrationRequest(oldPath, Path.of(args[1]),
                LegacyRegistryReader.defaultModelsRoot(oldPath), ZoneId.systemDefault(), false, false);
        MigrationReport report = new LegacyMigration(DatabaseMigrationTarget.sqlite(), Clock.systemUTC(),
                MigrationListener.SILENT).migrate(request);
        System.out.println(report.outcome() + " imported=" + report.imported() + " failure=" + report.failure().orElse("-"));
        System.exit(report.exitCode());
    }
}
