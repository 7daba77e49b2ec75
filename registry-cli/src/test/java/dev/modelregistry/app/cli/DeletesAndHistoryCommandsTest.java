package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.migration.legacy.LegacyFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, behaviours 5 and 6 and the write commands' {@code --json}, on the migrated real
 * fixture (12 transformer models with one version each; every test uses its own model).
 */
class DeletesAndHistoryCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static String dir;

    @BeforeAll
    static void migrateTheFixture() {
        Path legacy = LegacyFixtures.copyOfRealRegistry(tmp);
        dir = tmp.resolve("registry_sqlite").toString();
        CliRun run = registry("migrate", "--old-path", legacy.toString(), "--new-path", dir, "--legacy-timezone", "UTC");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static CliRun run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--registry";
        all[args.length + 1] = dir;
        return registry(all);
    }

    private static CliRun ok(String... args) {
        CliRun result = run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void deleting_the_only_version_without_force_says_it_is_the_only_one_instead_of_suggesting_a_promotion() {
        CliRun refused = run("delete", "ebd1bbbb");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("error: version ebd1bbbb is the only version of model transformer_SMAP-COM-001;"
                + " force the delete to remove it (the model then has no versions)" + System.lineSeparator());
        assertThat(refused.err()).doesNotContain("promote");
    }

    @Test
    void force_deleting_the_last_version_is_recorded_truthfully_and_models_and_stats_agree_on_what_remains()
            throws Exception {
        CliRun deleted = ok("delete", "a343fa25", "--force");
        assertThat(deleted.out()).isEqualTo("Deleted version a343fa25 of transformer_SMAP-ATT-001; it was the model's last"
                + " version: the model has no versions now." + System.lineSeparator());

        JsonNode history = JSON.readTree(ok("history", "--sensor", "SMAP-ATT-001", "--type", "transformer", "--json").out())
                .get("history");
        assertThat(history).hasSize(2);
        JsonNode last = history.get(1);
        assertThat(last.get("reason").asText()).isEqualTo("LAST_VERSION_DELETED");
        assertThat(last.get("version_id").isNull()).isTrue();
        assertThat(last.get("previous_version_id").asText()).isEqualTo("a343fa25");
        assertThat(ok("history", "--sensor", "SMAP-ATT-001", "--type", "transformer").out())
                .contains("LAST_VERSION_DELETED").doesNotContain("REELECTED");

        assertThat(ok("models").out()).containsPattern("transformer_SMAP-ATT-001\\s+SMAP-ATT-001\\s+transformer\\s+-\\s+0\\s+-")
                .containsPattern("12 models \\(\\d+ without versions\\)");
        assertThat(ok("versions", "--sensor", "SMAP-ATT-001", "--type", "transformer").out())
                .isEqualTo("Model transformer_SMAP-ATT-001 has no versions (the last one was deleted)."
                        + System.lineSeparator());
        JsonNode stats = JSON.readTree(ok("stats", "--json").out());
        long withoutVersions = stats.get("models_without_versions").asLong();
        assertThat(withoutVersions).isPositive();
        assertThat(stats.get("total_models").asLong() - withoutVersions).isEqualTo(stats.get("active_versions").asLong());
        assertThat(ok("stats").out()).containsPattern("models\\s+12 \\(" + withoutVersions + " without versions\\)");
    }

    @Test
    void history_at_an_instant_before_the_migration_says_the_state_is_unknown_and_when_the_migration_happened()
            throws Exception {
        JsonNode now = JSON.readTree(ok("history", "--sensor", "SMAP-PWR-001", "--type", "transformer",
                "--at", "2999-01-01T00:00:00Z", "--json").out());
        String migratedAt = JSON.readTree(ok("history", "--sensor", "SMAP-PWR-001", "--type", "transformer", "--json").out())
                .get("history").get(0).get("changed_at").asText();

        CliRun before = ok("history", "--sensor", "SMAP-PWR-001", "--type", "transformer", "--at", "2000-01-01T00:00:00Z");
        assertThat(before.out()).isEqualTo("Active version of transformer_SMAP-PWR-001 at 2000-01-01T00:00:00.000000Z:"
                + " unknown (the model was migrated at " + migratedAt + " from a registry that kept no history;"
                + " its state before the migration is unknown)" + System.lineSeparator());
        JsonNode json = JSON.readTree(ok("history", "--sensor", "SMAP-PWR-001", "--type", "transformer",
                "--at", "2000-01-01T00:00:00Z", "--json").out());
        assertThat(json.get("status").asText()).isEqualTo("unknown_before_migration");
        assertThat(json.get("active_version").isNull()).isTrue();
        assertThat(json.get("migrated_at").asText()).isEqualTo(migratedAt);

        assertThat(now.get("status").asText()).isEqualTo("active");
        assertThat(now.get("active_version").asText()).isEqualTo("7f282096");
    }

    @Test
    void promote_and_delete_print_json_with_the_documented_keys() throws Exception {
        String newer = registerInto("SMAP-THM-001", tmp.resolve("models/thm-retrained"), 0.99);

        JsonNode promoted = JSON.readTree(ok("promote", "59c65ca3", "--json").out());
        assertThat(promoted.fieldNames()).toIterable()
                .containsExactly("active_version", "model_id", "previous_active_version", "changed", "actor", "note_reason",
                        "note_reference");
        assertThat(promoted.get("active_version").asText()).isEqualTo("59c65ca3");
        assertThat(promoted.get("previous_active_version").asText()).isEqualTo(newer);
        assertThat(promoted.get("changed").asBoolean()).isTrue();
        assertThat(JSON.readTree(ok("promote", "59c65ca3", "--json").out()).get("changed").asBoolean()).isFalse();

        JsonNode deleted = JSON.readTree(ok("delete", newer, "--json").out());
        assertThat(deleted.fieldNames()).toIterable().containsExactly("deleted_version", "model_id", "active_version", "artifact",
                "actor", "note_reason", "note_reference");
        assertThat(deleted.get("deleted_version").asText()).isEqualTo(newer);
        assertThat(deleted.get("model_id").asText()).isEqualTo("transformer_SMAP-THM-001");
        assertThat(deleted.get("active_version").asText()).isEqualTo("59c65ca3");
        assertThat(deleted.get("artifact").isNull()).isTrue();
    }

    @Test
    void deleting_artifacts_still_used_by_another_version_keeps_them_with_one_plain_sentence() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("models/pay-shared"));
        Files.writeString(shared.resolve("model.pt"), "weights");
        String first = registerInto("SMAP-PAY-001", shared, 0.97);
        String second = registerInto("SMAP-PAY-001", shared, 0.98);

        CliRun text = ok("delete", first, "--delete-artifacts");
        assertThat(text.out()).isEqualTo("Deleted version " + first + " of transformer_SMAP-PAY-001; active version now: "
                + second + "." + System.lineSeparator()
                + "Artifact: Kept " + shared + ": it is the same file system object as " + shared.toRealPath()
                + ", the artifact of a version that remains." + System.lineSeparator());
        assertThat(text.out()).doesNotContainIgnoringCase("kept shared");
        assertThat(shared.resolve("model.pt")).exists();

        JsonNode json = JSON.readTree(ok("delete", second, "--force", "--delete-artifacts", "--json").out());
        assertThat(json.get("active_version").asText()).isEqualTo("f287c84e");
        assertThat(json.get("artifact").get("outcome").asText()).isEqualTo("removed");
        assertThat(json.get("artifact").get("model_path").asText()).isEqualTo(shared.toString());
        assertThat(shared).doesNotExist();
    }

    private static String registerInto(String sensor, Path modelPath, double r2) {
        try (ModelRegistry opened = ModelRegistrySQLite.open(Path.of(dir))) {
            return opened.registerModel(ModelRegistration.builder()
                    .sensorId(sensor).modelType("transformer").modelPath(modelPath)
                    .validationMetrics(Map.of("validation_performed", true, "r2_score", r2, "mape", 1.0))
                    .dataHash("abc123").build());
        }
    }
}
