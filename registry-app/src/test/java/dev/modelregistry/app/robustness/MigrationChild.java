package dev.modelregistry.app.robustness;

import dev.modelregistry.app.migration.DatabaseMigrationTarget;
import dev.modelregistry.app.migration.LegacyMigration;
import dev.modelregistry.app.migration.MigrationListener;
import dev.modelregistry.app.migration.MigrationReport;
import dev.modelregistry.app.migration.MigrationRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code MigrationChild OLD_PATH NEW_PATH}: the {@code migrate} use case in a JVM of its own, as
 * the CLI runs it, so tests can kill it. Prints the outcome; exits with the report's exit code.
 */
public final class MigrationChild {

    private MigrationChild() {
    }

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        Path oldPath = Path.of(args[0]);
        MigrationReport report = new LegacyMigration(DatabaseMigrationTarget.sqlite(), Clock.systemUTC(),
                MigrationListener.SILENT).migrate(new MigrationRequest(oldPath, Path.of(args[1]), oldPath.getParent(),
                ZoneId.of("UTC"), false, false));
        System.out.println(report.outcome() + " imported=" + report.imported() + " " + report.failure().orElse(""));
        System.exit(report.exitCode());
    }
}
