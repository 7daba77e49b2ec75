package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read commands over the migrated real fixture (12 transformer models, one version each). */
class ReadCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static String registryDir;

    @BeforeAll
    static void migrateTheFixture() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        registryDir = tmp.resolve("registry_sqlite").toString();
        CliRun run = registry("migrate", "--old-path", legacy.toString(), "--new-path", registryDir,
                "--legacy-timezone", "UTC");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static CliRun ok(String... args) {
        String[] withRegistry = new String[args.length + 2];
        System.arraycopy(args, 0, withRegistry, 0, args.length);
        withRegistry[args.length] = "--registry";
        withRegistry[args.length + 1] = registryDir;
        CliRun run = registry(withRegistry);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run;
    }

    private static JsonNode json(String... args) throws Exception {
        return JSON.readTree(ok(args).out());
    }

    @Test
    void stats_counts_models_versions_and_types() throws Exception {
        assertThat(ok("stats").out()).containsPattern("models\\s+12\\b").containsPattern("versions\\s+12\\b")
                .containsPattern("active versions\\s+12\\b").containsPattern("transformer\\s+12\\s+12");

        JsonNode stats = json("stats", "--json");
        assertThat(stats.get("total_models").asInt()).isEqualTo(12);
        assertThat(stats.get("total_versions").asInt()).isEqualTo(12);
        assertThat(stats.get("active_versions").asInt()).isEqualTo(12);
        assertThat(stats.get("models_by_type").get("transformer").asInt()).isEqualTo(12);
    }

    @Test
    void models_lists_every_model_with_its_active_version_and_filters_by_type() throws Exception {
        String table = ok("models").out();
        assertThat(table.lines().findFirst().orElseThrow())
                .containsSubsequence("model id", "sensor", "type", "active version", "versions", "best score");
        assertThat(table).containsPattern("transformer_SMAP-PWR-001\\s+SMAP-PWR-001\\s+transformer\\s+7f282096\\s+1\\s+0\\.\\d{4}")
                .contains("12 models");
        assertThat(ok("models", "--type", "transformer").out()).contains("12 models");
        assertThat(ok("models", "--type", "telemanom").out()).contains("No models of type telemanom.");

        JsonNode models = json("models", "--type", "transformer", "--json");
        assertThat(models).hasSize(12);
        JsonNode first = models.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("model_id", "sensor_id", "model_type", "active_version",
                "version_count", "archived_count", "best_score", "created_at", "updated_at", "description", "tags", "tag_values", "held_since");
        assertThat(first.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void versions_marks_the_active_one() throws Exception {
        assertThat(ok("versions", "--sensor", "SMAP-PWR-001", "--type", "transformer").out())
                .containsPattern("\\*\\s+7f282096\\s+2025-09-29 23:57:26Z");

        JsonNode versions = json("versions", "--sensor", "SMAP-PWR-001", "--type", "transformer", "--json");
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("version_id").asText()).isEqualTo("7f282096");
        assertThat(versions.get(0).get("is_active").asBoolean()).isTrue();
        assertThat(versions.get(0).get("created_at").asText()).isEqualTo("2025-09-29T23:57:26.679550Z");
    }

    @Test
    void show_prints_every_field_and_the_lineage() throws Exception {
        assertThat(ok("show", "7f282096").out()).startsWith("Version 7f282096 (active)")
                .containsPattern("model\\s+transformer_SMAP-PWR-001")
                .containsPattern("created at\\s+2025-09-29T23:57:26.679550Z")
                .containsPattern("model hash\\s+6514b471126fc05c27720ec2a66351a9")
                .containsPattern("model size bytes\\s+2738220")
                .contains("\"validation_performed\":true")
                .contains("Data lineage").containsPattern("data hash\\s+68fef220");

        JsonNode version = json("show", "7f282096", "--json");
        assertThat(version.fieldNames()).toIterable().startsWith("version_id", "model_id", "sensor_id", "model_type",
                "created_at").contains("performance_score", "is_active", "model_hash", "model_size_bytes", "data_lineage");
        assertThat(version.get("version_id").asText()).isEqualTo("7f282096");
        assertThat(version.get("model_id").asText()).isEqualTo("transformer_SMAP-PWR-001");
        assertThat(version.get("is_active").asBoolean()).isTrue();
        assertThat(version.get("validation_metrics").get("validation_performed").asBoolean()).isTrue();
        assertThat(version.get("training_config").get("d_model").asInt()).isEqualTo(64);
        assertThat(version.get("tags")).hasSize(4);
        assertThat(version.get("data_lineage").get("data_hash").asText()).isEqualTo("68fef220");
    }

    @Test
    void history_lists_the_activations_and_answers_at_an_instant() throws Exception {
        assertThat(ok("history", "--sensor", "SMAP-PWR-001", "--type", "transformer").out())
                .contains("Activation history of transformer_SMAP-PWR-001")
                .containsPattern("1\\s+\\S+ \\S+Z\\s+7f282096\\s+-\\s+\\S+\\s+0\\.\\d{4}");
        JsonNode history = json("history", "--sensor", "SMAP-PWR-001", "--type", "transformer", "--json");
        assertThat(history.get("history")).hasSize(1);
        assertThat(history.get("history").get(0).get("version_id").asText()).isEqualTo("7f282096");

        assertThat(ok("history", "--sensor", "SMAP-PWR-001", "--type", "transformer", "--at", "2000-01-01T00:00:00Z").out())
                .startsWith("Active version of transformer_SMAP-PWR-001 at 2000-01-01T00:00:00.000000Z: unknown (the model"
                        + " was migrated at ");
        JsonNode now = json("history", "--sensor", "SMAP-PWR-001", "--type", "transformer", "--at", "2999-01-01T00:00:00Z",
                "--json");
        assertThat(now.get("active_version").asText()).isEqualTo("7f282096");
    }

    @Test
    void unknown_versions_and_models_are_one_error_line_with_exit_1() {
        CliRun show = registry("show", "deadbeef", "--registry", registryDir);
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.out()).isEmpty();
        assertThat(show.err()).isEqualTo("error: version deadbeef not found" + System.lineSeparator());

        CliRun versions = registry("versions", "--sensor", "NOPE-001", "--type", "transformer", "--registry", registryDir);
        assertThat(versions.exitCode()).isEqualTo(1);
        assertThat(versions.err()).isEqualTo("error: model transformer_NOPE-001 not found" + System.lineSeparator());

        CliRun history = registry("history", "--sensor", "NOPE-001", "--type", "transformer", "--registry", registryDir);
        assertThat(history.exitCode()).isEqualTo(1);
        assertThat(history.err()).startsWith("error: ").contains("transformer_NOPE-001").hasLineCount(1);
    }

    @Test
    void a_registry_folder_without_a_database_is_an_error_and_is_not_created() {
        Path missing = tmp.resolve("no-registry-here");
        CliRun run = registry("stats", "--registry", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: no registry database at ").hasLineCount(1);
        assertThat(missing).doesNotExist();
    }

    @Test
    void db_status_lists_applied_changesets_and_nothing_pending() {
        CliRun status = ok("db", "status");
        assertThat(status.out()).contains("model_registry.db").contains("Schema    current")
                .contains("model-registry/1.0.xml  1.0-models").contains("Pending (0)");
    }
}
