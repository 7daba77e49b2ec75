package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.VersionSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleanup --keep N [--dry-run] [--delete-artifacts] [--json]}. Model telemanom_A has four
 * versions: v1 (active, the best), v2 and v4 sharing one folder, v3 with its own folder; keeping
 * the newest one deletes v2 and v3. Model telemanom_B has one version and keeps it.
 */
class CleanupCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    String dir;
    String v1;
    String v2;
    String v3;
    String v4;
    Path shared;
    Path own;
    Path ownReal;

    @BeforeEach
    void aRegistryWithOldVersions() throws IOException {
        Path target = tmp.resolve("registry_sqlite");
        dir = target.toString();
        shared = folder("models/a/shared");
        own = folder("models/a/v3");
        ownReal = own.toRealPath();
        try (ModelRegistry opened = ModelRegistrySQLite.open(target)) {
            v1 = register(opened, "A", folder("models/a/v1"), 0.9);
            v2 = register(opened, "A", shared, 0.5);
            v3 = register(opened, "A", own, 0.6);
            v4 = register(opened, "A", shared, 0.7);
            register(opened, "B", folder("models/b/v1"), 0.4);
        }
    }

    private Path folder(String relative) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve(relative));
        Files.writeString(folder.resolve("model.pt"), relative);
        return folder;
    }

    private static String register(ModelRegistry opened, String sensor, Path modelPath, double r2) {
        return opened.registerModel(ModelRegistration.builder().sensorId(sensor).modelType("telemanom").modelPath(modelPath)
                .validationMetrics(Map.of("validation_performed", true, "r2_score", r2, "mape", 5.0))
                .dataHash("abc123").build());
    }

    private CliRun run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--registry";
        all[args.length + 1] = dir;
        return registry(all);
    }

    private List<String> versionsOfA() {
        try (ModelRegistry opened = ModelRegistrySQLite.open(Path.of(dir))) {
            return opened.listVersions("A", "telemanom").stream().map(VersionSummary::versionId).toList();
        }
    }

    @Test
    void a_dry_run_lists_what_would_go_and_deletes_nothing_and_the_real_run_deletes_exactly_that() throws Exception {
        CliRun preview = run("cleanup", "--keep", "1", "--dry-run");
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.out()).startsWith("Dry run: would delete 2 versions of 1 model (every model keeps its active"
                + " version and its newest 1); nothing was deleted.").contains(v2).contains(v3)
                .doesNotContain(v1).doesNotContain(v4);
        assertThat(versionsOfA()).containsExactlyInAnyOrder(v1, v2, v3, v4);

        JsonNode planned = JSON.readTree(run("cleanup", "--keep", "1", "--dry-run", "--json").out());
        assertThat(planned.fieldNames()).toIterable()
                .containsExactly("dry_run", "keep", "models_affected", "mode", "versions_deleted", "versions_archived",
                        "versions", "artifacts");
        assertThat(planned.get("dry_run").asBoolean()).isTrue();

        CliRun real = run("cleanup", "--keep", "1", "--json");
        assertThat(real.exitCode()).as(real.toString()).isZero();
        assertThat(real.err()).as("a short run prints no progress line").isEmpty();
        JsonNode done = JSON.readTree(real.out());
        assertThat(done.get("dry_run").asBoolean()).isFalse();
        assertThat(done.get("versions_deleted").asInt()).isEqualTo(2);
        assertThat(done.get("versions")).isEqualTo(planned.get("versions"));
        assertThat(done.get("artifacts")).isEmpty();
        assertThat(versionsOfA()).containsExactlyInAnyOrder(v1, v4);
        assertThat(own).as("files stay without --delete-artifacts").exists();
    }

    @Test
    void delete_artifacts_removes_the_files_of_deleted_versions_but_keeps_those_a_remaining_version_uses() {
        CliRun run = run("cleanup", "--keep", "1", "--delete-artifacts");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Deleted 2 versions of 1 model (every model kept its active version and its newest 1).")
                .contains("Artifact: Kept " + shared + ": it is the same file system object as ")
                .contains("Artifact: Deleted the folder " + ownReal + " and everything in it.");
        assertThat(own).doesNotExist();
        assertThat(shared.resolve("model.pt")).exists();
        assertThat(tmp.resolve("models/b/v1")).exists();
        assertThat(versionsOfA()).containsExactlyInAnyOrder(v1, v4);
    }

    @Test
    void nothing_to_delete_is_said_plainly() {
        CliRun run = run("cleanup", "--keep", "4");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Deleted 0 versions of 0 models (every model kept its active version and its"
                + " newest 4)." + System.lineSeparator());
    }

    @Test
    void a_keep_below_one_or_not_a_number_is_a_usage_error_naming_the_option() {
        for (String bad : List.of("-1", "0", "abc", "99999999999")) {
            CliRun run = run("cleanup", "--keep", bad);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("error: Invalid value for option '--keep': '" + bad
                    + "' is not a whole number of at least 1 (see 'registry cleanup --help')" + System.lineSeparator());
            assertThat(run.err()).doesNotContain("keepLastN");
        }
        assertThat(versionsOfA()).hasSize(4);
    }
}
