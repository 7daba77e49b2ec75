package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void promote_delete_and_cleanup_on_a_migrated_registry() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path target = tmp.resolve("registry_sqlite");
        String dir = target.toString();
        assertThat(registry("migrate", "--old-path", legacy.toString(), "--new-path", dir).exitCode()).isZero();
        String newer;
        try (ModelRegistry opened = ModelRegistrySQLite.open(target)) {
            newer = opened.registerModel(ModelRegistration.builder()
                    .sensorId("SMAP-PWR-001").modelType("transformer").modelPath(tmp.resolve("models/retrained"))
                    .trainingConfig(Map.of("epochs", 20)).trainingMetrics(Map.of("final_loss", 0.2))
                    .validationMetrics(Map.of("validation_performed", true, "mae", 0.01, "r2_score", 0.99))
                    .trainingTimeSeconds(50.0).dataHash("abc123").dataSource("nasa_smap").numSamples(100)
                    .description("retrained").tags(List.of("transformer")).build());
        }

        assertThat(registry("versions", "--sensor", "SMAP-PWR-001", "--type", "transformer", "--registry", dir).out())
                .as("the better new version became active").containsPattern("\\*\\s+" + newer);

        CliRun refused = registry("delete", newer, "--registry", dir);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("error: version " + newer + " is the active version")
                .hasLineCount(1).doesNotContain("Exception").doesNotContain("\tat ");

        CliRun promote = registry("promote", "7f282096", "--registry", dir);
        assertThat(promote.exitCode()).as(promote.toString()).isZero();
        assertThat(promote.out()).isEqualTo("Promoted 7f282096: now the active version of transformer_SMAP-PWR-001 (was "
                + newer + ")." + System.lineSeparator());
        assertThat(registry("versions", "--sensor", "SMAP-PWR-001", "--type", "transformer", "--registry", dir).out())
                .containsPattern("\\*\\s+7f282096").containsPattern("(?m)^\\s+" + newer);
        assertThat(registry("history", "--sensor", "SMAP-PWR-001", "--type", "transformer", "--registry", dir).out())
                .contains("PROMOTED").contains(newer);

        CliRun delete = registry("delete", newer, "--registry", dir);
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        assertThat(delete.out()).contains("Deleted version " + newer + " of transformer_SMAP-PWR-001; active version now: 7f282096.");

        CliRun forced = registry("delete", "7f282096", "--force", "--registry", dir);
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("Deleted version 7f282096 of transformer_SMAP-PWR-001; it was the model's last version");

        CliRun cleanup = registry("cleanup", "--keep", "1", "--registry", dir);
        assertThat(cleanup.exitCode()).as(cleanup.toString()).isZero();
        assertThat(cleanup.out()).startsWith("Deleted 0 versions");

        CliRun badKeep = registry("cleanup", "--keep", "0", "--registry", dir);
        assertThat(badKeep.exitCode()).isEqualTo(2);
        assertThat(badKeep.err()).startsWith("error: Invalid value for option '--keep': '0'");
    }

    @Test
    void db_upgrade_creates_a_fresh_database_and_then_has_nothing_to_do() {
        String dir = tmp.resolve("fresh").toString();
        CliRun created = registry("db", "upgrade", "--registry", dir);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("(created)").contains("Applied ").contains("1.0-models");

        CliRun again = registry("db", "upgrade", "--registry", dir);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Schema already current");

        CliRun status = registry("db", "status", "--registry", tmp.resolve("nothing").toString());
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).startsWith("error: no registry database at");
        assertThat(tmp.resolve("nothing")).doesNotExist();
    }

    @Test
    void db_status_of_a_database_created_outside_liquibase_lists_everything_as_pending_and_changes_nothing()
            throws Exception {
        Path dir = tmp.resolve("python");
        java.nio.file.Files.createDirectories(dir);
        Path file = dir.resolve("model_registry.db");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE models (model_id TEXT PRIMARY KEY)");
            statement.execute("CREATE TABLE versions (version_id TEXT PRIMARY KEY)");
        }
        java.util.Map<String, String> before = LegacyFixtures.hashTree(dir);

        CliRun status = registry("db", "status", "--registry", dir.toString());

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("no Liquibase history (registry tables exist")
                .contains("Applied (0)").contains("Pending (" + packagedSqliteChangesets() + ")").contains("1.0-models")
                .doesNotContain("1.1-models-columns-postgresql")
                .contains("not in the release-1.0 shape").contains("column models.sensor_id is missing");
        assertThat(LegacyFixtures.hashTree(dir)).isEqualTo(before);
    }

    @Test
    void db_status_of_the_python_fixture_counts_what_the_upgrade_will_repair_and_db_upgrade_adopts_it() throws Exception {
        Path dir = tmp.resolve("py");
        java.nio.file.Files.createDirectories(dir);
        try (java.io.InputStream in = getClass().getResourceAsStream(
                "/fixtures/python-sqlite-registry/data/models/registry_sqlite/model_registry.db")) {
            java.nio.file.Files.copy(in, dir.resolve("model_registry.db"));
        }
        java.util.Map<String, String> before = LegacyFixtures.hashTree(dir);

        CliRun status = registry("db", "status", "--registry", dir.toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("written by the Python ModelRegistrySQLite (10 models, 32 versions)")
                .contains("models with more than one is_active version   3")
                .contains("dangling active versions (re-elected)         5")
                .contains("orphaned lineage rows (deleted)               5")
                .contains("timestamps in Python format                   77");
        assertThat(LegacyFixtures.hashTree(dir)).isEqualTo(before);

        CliRun badZone = registry("db", "upgrade", "--registry", dir.toString(), "--legacy-timezone", "Mars/Olympus");
        assertThat(badZone.exitCode()).isEqualTo(2);
        assertThat(LegacyFixtures.hashTree(dir)).isEqualTo(before);

        CliRun upgrade = registry("db", "upgrade", "--registry", dir.toString(), "--legacy-timezone", "UTC");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        assertThat(upgrade.out()).contains("Adopted").contains("Backup    ").contains("model_registry.db.bak-")
                .contains("5 dangling active version(s) re-elected").contains("1.1-adopt-active-flags");

        CliRun after = registry("db", "status", "--registry", dir.toString());
        assertThat(after.out()).contains("Schema    current").doesNotContain("Python");
        CliRun models = registry("models", "--registry", dir.toString());
        assertThat(models.exitCode()).as(models.toString()).isZero();
    }

    /** How many changesets Liquibase runs on a new SQLite registry: all the packaged ones for SQLite. */
    private int packagedSqliteChangesets() {
        Path fresh = tmp.resolve("fresh-" + System.nanoTime());
        dev.modelregistry.persistence.RegistryDatabase.openSqlite(fresh).close();
        return dev.modelregistry.persistence.RegistryDatabase.schemaStatus(fresh).applied().size();
    }
}
