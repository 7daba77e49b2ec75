package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.migration.LegacyMigration;
import dev.modelregistry.app.migration.MigrationListener;
import dev.modelregistry.app.migration.MigrationOutcome;
import dev.modelregistry.app.migration.MigrationReport;
import dev.modelregistry.app.migration.MigrationRequest;
import dev.modelregistry.app.migration.MigrationTarget;
import dev.modelregistry.app.migration.MigrationTargets;
import dev.modelregistry.app.migration.legacy.LegacyRegistryGenerator;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;
import dev.modelregistry.persistence.RegistryInvariants;
import dev.modelregistry.persistence.SqliteFaults;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate} into a SQLite registry whose disk fills up during the import (SQLite's page
 * budget, {@link SqliteFaults}): the run fails saying "no space left" in words (it used to say
 * "cannot rollback - no transaction is active"), the import is all or nothing, so nothing is
 * half-written, and the same run with space migrates everything.
 */
class MigrationOnAFullDiskTest {

    @TempDir
    Path dir;

    @Test
    void aMigrationThatFillsTheDiskSaysNoSpaceLeftAndWritesNothing() throws IOException, SQLException {
        Path legacy = dir.resolve("registry");
        Path target = dir.resolve("registry_sqlite");
        LegacyRegistryGenerator.Summary generated = new LegacyRegistryGenerator(7).generate(legacy, 12, 4);
        MigrationRequest request = new MigrationRequest(legacy, target, dir, ZoneOffset.UTC, false, false);

        MigrationReport full;
        try (SqliteFaults faults = SqliteFaults.open(target)) {
            faults.fillDisk(4);
            String before = faults.rows();
            full = new LegacyMigration(MigrationTargets.of(opened -> targetOn(faults)), Clock.systemUTC(), MigrationListener.SILENT)
                    .migrate(request);
            assertThat(faults.rows()).as("nothing half-written").isEqualTo(before);
        }
        assertThat(full.outcome()).isEqualTo(MigrationOutcome.IMPORT_FAILED);
        assertThat(full.failure()).hasValueSatisfying(message -> assertThat(message)
                .contains("no space left on device").doesNotContain("no transaction is active"));

        try (SqliteFaults faults = SqliteFaults.open(target)) {
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)); // a backup folder of its own
            MigrationReport spacious = new LegacyMigration(MigrationTargets.of(opened -> targetOn(faults)), later, MigrationListener.SILENT)
                    .migrate(request);
            assertThat(spacious.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
            try (Connection connection = faults.connect()) {
                assertThat(count(connection, "versions")).isEqualTo(generated.versions());
                assertThat(RegistryInvariants.check(connection).violations()).isEmpty();
            }
        }
    }

    /** The migration's target on the fault-injected database; closing it leaves the database to the test. */
    private static MigrationTarget targetOn(SqliteFaults faults) {
        return new MigrationTarget() {
            @Override
            public ModelRepository repository() {
                return faults.database().repository();
            }

            @Override
            public UnitOfWork unitOfWork() {
                return faults.database().unitOfWork();
            }

            @Override
            public void close() {
            }
        };
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
