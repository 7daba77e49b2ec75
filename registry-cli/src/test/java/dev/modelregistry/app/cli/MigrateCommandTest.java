package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void a_dry_run_prints_the_plan_and_writes_nothing() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path target = tmp.resolve("registry_sqlite");
        Map<String, String> before = LegacyFixtures.hashTree(tmp);

        CliRun run = registry("migrate", "--dry-run", "--old-path", legacy.toString(), "--new-path", target.toString(),
                "--legacy-timezone", "Europe/Paris");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.errWithoutProgress()).isEmpty();
        assertThat(run.out()).contains("Migration plan (dry run: nothing was written)")
                .containsPattern("models\\s+12\\b").containsPattern("versions\\s+12\\b").containsPattern("unvalidated\\s+0\\b")
                .contains(target.resolve("model_registry.db") + " (would be created)")
                .containsPattern("registry_backup_\\d{8}_\\d{6} \\(would be created\\)")
                .contains("A real run would import 12 version(s) of 12 model(s).");
        assertThat(LegacyFixtures.hashTree(tmp)).isEqualTo(before);
        assertThat(target).doesNotExist();
    }

    @Test
    void a_real_run_imports_the_fixture_and_a_second_run_says_already_migrated() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path target = tmp.resolve("registry_sqlite");
        Map<String, String> legacyBefore = LegacyFixtures.hashTree(legacy);

        CliRun first = registry("migrate", "--old-path", legacy.toString(), "--new-path", target.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.errWithoutProgress()).isEmpty();
        assertThat(first.out()).startsWith("Migration complete")
                .containsPattern("models\\s+12\\b").containsPattern("versions imported\\s+12\\b")
                .containsPattern("already present\\s+0\\b").containsPattern("unvalidated imported\\s+0\\b")
                .containsPattern("skipped\\s+0\\b").containsPattern("backup\\s+\\S*registry_backup_\\d{8}_\\d{6}")
                .contains(target.resolve("model_registry.db").toString())
                .containsPattern("seconds\\s+\\d+\\.\\d{2}").containsPattern("verification\\s+passed");
        assertThat(target.resolve("model_registry.db")).isRegularFile();
        assertThat(LegacyFixtures.hashTree(legacy)).isEqualTo(legacyBefore);

        CliRun again = registry("migrate", "--old-path", legacy.toString(), "--new-path", target.toString());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).startsWith("Already migrated: nothing new to import (12 version(s) already present, no backup needed)")
                .containsPattern("versions imported\\s+0\\b");
    }

    @Test
    void a_missing_metadata_file_stops_the_run_naming_the_file_and_nothing_is_written() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path target = tmp.resolve("registry_sqlite");
        deleteMetadata(legacy, "7f282096");
        Map<String, String> before = LegacyFixtures.hashTree(tmp);

        CliRun run = registry("migrate", "--old-path", legacy.toString(), "--new-path", target.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("Migration refused: nothing was written").contains("7f282096.json");
        assertThat(run.errWithoutProgress()).startsWith("error: ").contains("--skip-invalid").hasLineCount(1);
        assertThat(LegacyFixtures.hashTree(tmp)).isEqualTo(before);
        assertThat(target).doesNotExist();

        CliRun dryRun = registry("migrate", "--dry-run", "--old-path", legacy.toString(), "--new-path", target.toString());
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(1);
        assertThat(dryRun.out()).contains("7f282096.json").contains("A real run would refuse");
        assertThat(LegacyFixtures.hashTree(tmp)).isEqualTo(before);
    }

    @Test
    void with_skip_invalid_the_rest_is_imported_the_skipped_item_listed_and_the_exit_code_is_1() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path target = tmp.resolve("registry_sqlite");
        deleteMetadata(legacy, "7f282096");

        CliRun run = registry("migrate", "--skip-invalid", "--old-path", legacy.toString(), "--new-path", target.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("Migration complete, with skipped items")
                .containsPattern("versions imported\\s+11\\b").containsPattern("skipped\\s+1\\b")
                .contains("Skipped (1)").contains("7f282096.json");
        assertThat(run.errWithoutProgress()).isEqualTo("error: migrated, but 1 item(s) were skipped (listed above)" + System.lineSeparator());

        assertThat(run.out()).contains("Not created (1)").contains("transformer_SMAP-PWR-001: not created");
        CliRun models = registry("models", "--registry", target.toString());
        assertThat(models.out()).as("never a model without versions").doesNotContain("SMAP-PWR-001");
        assertThat(registry("stats", "--registry", target.toString()).out()).containsPattern("versions\\s+11\\b");
    }

    @Test
    void a_missing_legacy_folder_is_one_error_line() {
        CliRun run = registry("migrate", "--old-path", tmp.resolve("nowhere").toString(),
                "--new-path", tmp.resolve("new").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errWithoutProgress()).startsWith("error: ").contains("nowhere").hasLineCount(1);
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    private static void deleteMetadata(Path legacy, String versionId) {
        try {
            Files.delete(LegacyFixtures.metadata(legacy, versionId));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
