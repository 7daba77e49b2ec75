package dev.modelregistry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it ({@code java -jar registry.jar ...}), in separate processes: it
 * must find Hibernate's and Liquibase's services and XSDs inside itself, and print only the
 * command's output (no log lines, no Liquibase banner). Runs in {@code mvn verify} after package.
 */
class RegistryJarIT {

    private static Path jar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findTheJar() {
        jar = Path.of(System.getProperty("registry.jar", "target/registry.jar"));
        assumeTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + " (run mvn package first)");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result java(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void the_jar_prints_help_and_migrates_the_fixture_quietly() throws Exception {
        Result help = java(tmp, "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: registry").contains("migrate").contains("db");

        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path workDir = legacy.getParent().getParent().getParent(); // holds data/models/registry: the defaults apply
        Result migrate = java(workDir, "migrate", "--legacy-timezone", "UTC");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.err().lines().filter(line -> !line.startsWith("migrate: ")).toList())
                .as("nothing logged by default but progress lines (a slow run, stderr not a terminal)").isEmpty();
        assertThat(migrate.out()).startsWith("Migration complete")
                .containsPattern("versions imported\\s+12\\b").containsPattern("verification\\s+passed")
                .doesNotContainIgnoringCase("liquibase").doesNotContain("UPDATE SUMMARY").doesNotContain("INFO");
        assertThat(workDir.resolve("data/models/registry_sqlite/model_registry.db")).isRegularFile();

        Result plan = java(workDir, "migrate", "--dry-run", "--json", "--legacy-timezone", "UTC");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode planJson = new ObjectMapper().readTree(plan.out());
        assertThat(planJson.get("outcome").asText()).isEqualTo("ALREADY_MIGRATED");
        assertThat(planJson.get("imported").asInt()).as("nothing to import after a migration").isZero();
        assertThat(planJson.get("already_present").asInt()).isEqualTo(12);
        assertThat(planJson.get("backup").isNull()).as("a rerun takes no backup").isTrue();

        Result models = java(workDir, "models", "--json");
        assertThat(models.exitCode()).as(models.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(models.out());
        assertThat(json).hasSize(12);

        Result preview = java(workDir, "cleanup", "--keep", "1", "--dry-run", "--json");
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(new ObjectMapper().readTree(preview.out()).get("versions_deleted").asInt()).isZero();
        Result before = java(workDir, "history", "--sensor", "SMAP-PWR-001", "--type", "transformer",
                "--at", "2000-01-01T00:00:00Z");
        assertThat(before.out()).contains(": unknown (the model was migrated at ");

        Result status = java(workDir, "db", "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Schema    current").contains("Pending (0)");
        assertThat(status.err()).isEmpty();
    }

    @Test
    void the_jar_explains_a_command_prints_its_completion_script_and_refuses_a_bad_keep_as_a_usage_error() throws Exception {
        Result help = java(tmp, "help", "cleanup");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: registry cleanup").contains("--dry-run").contains("--delete-artifacts");

        Result completion = java(tmp, "completion");
        assertThat(completion.exitCode()).as(completion.toString()).isZero();
        assertThat(completion.out()).contains("complete -F _complete_registry").contains("cleanup");

        Result badKeep = java(tmp, "cleanup", "--keep", "-1");
        assertThat(badKeep.exitCode()).isEqualTo(2);
        assertThat(badKeep.err()).contains("'--keep'").doesNotContain("keepLastN");
    }

    @Test
    void the_jar_exports_imports_and_lists_the_verified_backup() throws Exception {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        Path workDir = legacy.getParent().getParent().getParent();
        assertThat(java(workDir, "migrate", "--legacy-timezone", "UTC").exitCode()).isZero();

        Result export = java(workDir, "export", "--out", "registry.jsonl");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.err()).isEmpty();
        Result imported = java(workDir, "import", "registry.jsonl", "--registry", "copy_sqlite");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).startsWith("Imported 12 model(s), 12 version(s) from registry.jsonl");
        assertThat(java(workDir, "export", "--out", "again.jsonl", "--registry", "copy_sqlite").exitCode()).isZero();
        assertThat(Files.mismatch(workDir.resolve("registry.jsonl"), workDir.resolve("again.jsonl"))).isEqualTo(-1L);

        Result backups = java(workDir, "backups", "list");
        assertThat(backups.exitCode()).as(backups.toString()).isZero();
        assertThat(backups.out()).containsPattern("registry_backup_\\d{8}_\\d{6} .* yes");
    }
}
