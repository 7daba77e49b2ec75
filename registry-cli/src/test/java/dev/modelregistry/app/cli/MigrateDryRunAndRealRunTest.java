package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviours 1-3 and 7 of issue 10 through the CLI: the dry run checks the target as it is, and nothing is written by a run that stops. */
class MigrateDryRunAndRealRunTest {

    @TempDir
    Path tmp;

    private Path legacy;
    private Path target;

    private CliRun migrate(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("migrate", "--old-path", legacy.toString(),
                "--new-path", target.toString(), "--legacy-timezone", "UTC"));
        args.addAll(List.of(extra));
        return registry(args.toArray(String[]::new));
    }

    private void givenTheFixture() {
        legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        target = tmp.resolve("registry_sqlite");
    }

    private static List<Path> scratchCopies() throws Exception {
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return temp.filter(p -> p.getFileName().toString().startsWith("registry-migrate-check-")).toList();
        }
    }

    private long backups() throws Exception {
        try (Stream<Path> siblings = Files.list(legacy.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith("registry_backup_")).count();
        }
    }

    @Test
    void a_target_the_real_run_would_upgrade_first_is_checked_by_the_dry_run_as_upgraded_and_left_untouched() throws Exception {
        givenTheFixture();
        Path file = Files.createDirectories(target).resolve("model_registry.db");
        Files.copy(Path.of(getClass().getResource(
                "/fixtures/python-sqlite-registry/data/models/registry_sqlite/model_registry.db").toURI()), file);
        byte[] before = Files.readAllBytes(file);
        List<Path> scratchBefore = scratchCopies();

        CliRun dry = migrate("--dry-run", "--json");
        byte[] afterDryRun = Files.readAllBytes(file);
        CliRun real = migrate("--json");

        System.out.println("=== upgrade, dry run\n" + dry + "=== upgrade, real run\n" + real);
        assertThat(afterDryRun).as("the dry run leaves the file as it was").isEqualTo(before);
        assertThat(scratchCopies()).as("the upgraded scratch copies are deleted").isSubsetOf(scratchBefore);
        assertThat(dry.exitCode()).as(dry + "\n" + real).isEqualTo(real.exitCode());
        JsonNode plan = new ObjectMapper().readTree(dry.out());
        JsonNode run = new ObjectMapper().readTree(real.out());
        assertThat(plan.path("outcome")).isEqualTo(run.path("outcome"));
        assertThat(plan.path("imported")).as(dry.out()).isEqualTo(run.path("imported"));
        assertThat(plan.path("reelected")).isEqualTo(run.path("reelected"));
        assertThat(plan.path("already_present")).isEqualTo(run.path("already_present"));
    }

    @Test
    void a_sensor_id_with_a_trailing_space_is_reported_by_the_dry_run_and_refused_by_the_real_run_without_a_backup() throws Exception {
        givenTheFixture();
        for (Path file : new Path[] {legacy.resolve("models_index.json"), LegacyFixtures.metadata(legacy, "7f282096")}) {
            LegacyFixtures.replaceIn(file, "\"transformer_SMAP-PWR-001\"", "\"transformer_SMAP-PWR-001 \"");
            LegacyFixtures.replaceIn(file, "\"sensor_id\": \"SMAP-PWR-001\"", "\"sensor_id\": \"SMAP-PWR-001 \"");
        }

        CliRun dry = migrate("--dry-run");
        CliRun real = migrate();

        System.out.println("=== reproduction, dry run\n" + dry + "=== reproduction, real run\n" + real);
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(1).isEqualTo(real.exitCode());
        assertThat(dry.out()).containsPattern("problems\\s+1\\b").contains("must not start or end with white space")
                .contains("A real run would refuse").doesNotContain("would be created)\n  backup").doesNotContain("registry_backup_");
        assertThat(real.out()).startsWith("Migration refused: nothing was written").contains("must not start or end with white space");
        assertThat(backups()).as("no backup for a run that refuses").isZero();
        assertThat(target).doesNotExist();
    }

    @Test
    void after_a_migration_the_dry_run_has_nothing_to_import_and_a_rerun_takes_no_backup() throws Exception {
        givenTheFixture();
        assertThat(migrate().exitCode()).isZero();
        assertThat(backups()).isEqualTo(1);

        CliRun dry = migrate("--dry-run");
        CliRun rerun = migrate();

        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).containsPattern("would import\\s+0\\b").containsPattern("already present\\s+12\\b")
                .contains("A real run would import nothing").doesNotContain("registry_backup_");
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).containsPattern("already present\\s+12\\b").containsPattern("backup\\s+none");
        assertThat(backups()).as("the rerun took no backup").isEqualTo(1);
    }

    @Test
    void the_dry_run_names_a_version_whose_content_conflicts_with_the_database_like_the_real_run() {
        givenTheFixture();
        assertThat(migrate().exitCode()).isZero();
        LegacyFixtures.replaceIn(LegacyFixtures.metadata(legacy, "7f282096"), "\"model_size_bytes\": 2738220",
                "\"model_size_bytes\": 2738221");

        CliRun dry = migrate("--dry-run");
        CliRun real = migrate();

        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(1);
        assertThat(dry.errWithoutProgress()).contains("7f282096").contains("model_size_bytes");
        assertThat(real.exitCode()).as(real.toString()).isEqualTo(1);
        assertThat(real.errWithoutProgress()).contains("7f282096");
    }

    @Test
    void a_conflict_in_a_huge_value_is_named_without_embedding_the_value() {
        givenTheFixture();
        assertThat(migrate().exitCode()).isZero();
        String huge = "x".repeat(100_000);
        LegacyFixtures.replaceIn(LegacyFixtures.metadata(legacy, "7f282096"), "\"training_config\": {",
                "\"training_config\": {\"blob\": \"" + huge + "\", ");

        CliRun dry = migrate("--dry-run");
        CliRun real = migrate();

        for (CliRun run : List.of(dry, real)) {
            assertThat(run.exitCode()).as("exit code of %s", run.out().lines().findFirst().orElse("")).isEqualTo(1);
            assertThat(run.out() + run.err()).contains("7f282096").contains("training_config").doesNotContain("x".repeat(300));
        }
    }

    @Test
    void a_new_path_that_is_a_regular_file_fails_the_dry_run_like_the_real_run() throws Exception {
        givenTheFixture();
        target = Files.writeString(tmp.resolve("not-a-folder"), "x");

        CliRun dry = migrate("--dry-run");
        CliRun real = migrate();

        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(1);
        assertThat(real.exitCode()).as(real.toString()).isEqualTo(1);
        assertThat(dry.errWithoutProgress()).contains("not-a-folder");
        assertThat(real.out()).startsWith("Target registry unavailable: nothing was written");
        assertThat(backups()).isZero();
    }

    @Test
    void a_database_file_that_is_not_a_database_fails_the_dry_run_like_the_real_run_and_stays_as_it_was() throws Exception {
        givenTheFixture();
        Path file = Files.createDirectories(target).resolve("model_registry.db");
        byte[] garbage = "this is not an SQLite database, but it is somebody's file\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);

        CliRun dry = migrate("--dry-run");
        CliRun real = migrate();

        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(1);
        assertThat(real.exitCode()).as(real.toString()).isEqualTo(1);
        assertThat(dry.errWithoutProgress()).contains("model_registry.db");
        assertThat(real.out()).startsWith("Target registry unavailable: nothing was written");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(backups()).isZero();
    }

    @Test
    void an_unreachable_server_fails_the_dry_run_like_the_real_run_without_showing_the_password() throws Exception {
        givenTheFixture();

        CliRun dry = migrate("--dry-run", "--json", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none?password=secret",
                "--user", "u", "--password", "p");
        CliRun real = migrate("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none?password=secret", "--user", "u", "--password", "p");

        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(1);
        assertThat(real.exitCode()).as(real.toString()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(dry.out());
        assertThat(json.get("outcome").asText()).isEqualTo("TARGET_UNAVAILABLE");
        assertThat(json.get("database").asText()).startsWith("jdbc:postgresql://127.0.0.1:1/none").doesNotContain("secret");
        assertThat(backups()).isZero();
    }

    @Test
    void a_missing_index_with_skip_invalid_creates_neither_database_nor_backup_and_does_not_suggest_skip_invalid() throws Exception {
        givenTheFixture();
        Files.delete(legacy.resolve("models_index.json"));

        CliRun run = migrate("--skip-invalid");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("Nothing to migrate: nothing was written");
        assertThat(run.errWithoutProgress()).contains("models_index.json").doesNotContain("--skip-invalid");
        assertThat(target).doesNotExist();
        assertThat(backups()).isZero();
    }

    @Test
    void truncated_metadata_is_counted_once_in_the_table_and_the_error_line() {
        givenTheFixture();
        LegacyFixtures.write(LegacyFixtures.metadata(legacy, "7f282096"), "{\"model_id\": ");

        CliRun dry = migrate("--dry-run");
        CliRun real = migrate();

        assertThat(dry.out()).containsPattern("problems\\s+1\\b").containsPattern("warnings\\s+1\\b");
        assertThat(dry.errWithoutProgress()).contains("1 problem(s) found");
        assertThat(real.out()).containsPattern("problems\\s+1\\b");
        assertThat(real.errWithoutProgress()).contains("1 problem(s) found");
    }

    @Test
    void json_plan_and_summary_carry_the_documented_keys() throws Exception {
        givenTheFixture();
        ObjectMapper mapper = new ObjectMapper();

        JsonNode plan = mapper.readTree(migrate("--dry-run", "--json").out());
        CliRun real = migrate("--json");
        JsonNode summary = mapper.readTree(real.out());

        List<String> keys = List.of("outcome", "dry_run", "exit_code", "legacy_registry", "database", "backup", "models",
                "versions", "unvalidated", "imported", "already_present", "unvalidated_imported", "problem_count",
                "warning_count", "problems", "skipped", "reelected", "not_created", "verification", "mismatches", "error",
                "seconds");
        assertThat(iterable(plan)).containsExactlyElementsOf(keys);
        assertThat(iterable(summary)).containsExactlyElementsOf(keys);
        assertThat(plan.get("outcome").asText()).isEqualTo(summary.get("outcome").asText()).isEqualTo("MIGRATED");
        assertThat(plan.get("dry_run").asBoolean()).isTrue();
        assertThat(plan.get("imported").asInt()).isEqualTo(summary.get("imported").asInt()).isEqualTo(12);
        assertThat(summary.get("verification").asText()).isEqualTo("passed");
        assertThat(real.exitCode()).isZero();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

}
