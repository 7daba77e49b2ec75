package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry show} (and {@code versions}) on a version whose stored JSON another program
 * made unreadable: the command succeeds, marks the unreadable fields and never prints the
 * stored text.
 */
class ShowUnreadableFieldsTest {

    private static final String STORED_GARBAGE = "{\"r2_score\": " + "7".repeat(1_500) + "}";

    @TempDir
    static Path tmp;

    static String registryDir;
    static String versionId;

    @BeforeAll
    static void aVersionWithUnreadableMetricsAndTags() throws Exception {
        Path dir = tmp.resolve("registry_sqlite");
        registryDir = dir.toString();
        try (ModelRegistry registry = ModelRegistrySQLite.open(dir)) {
            versionId = registry.registerModel(ModelRegistration.builder().sensorId("S1").modelType("telemanom")
                    .trainingConfig(Map.of("epochs", 35))
                    .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", 0.05))
                    .dataHash("sha256-of-training-data").tags(List.of("anomaly")).build());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("model_registry.db"));
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("update versions set validation_metrics = '" + STORED_GARBAGE + "', tags = '[1, '"
                    + " where version_id = '" + versionId + "'");
        }
    }

    private static CliRun ok(String... args) {
        CliRun run = registry(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("7".repeat(50));
        return run;
    }

    @Test
    void showMarksTheUnreadableFieldsAndPrintsTheReadableOnes() {
        CliRun run = ok("show", versionId, "--registry", registryDir);

        assertThat(run.out()).containsPattern("validation metrics\\s+\\(unreadable: the stored JSON could not be read\\)")
                .containsPattern("tags\\s+\\(unreadable")
                .containsPattern("training config\\s+\\{\"?epochs\"?")
                .contains("(active)");
    }

    @Test
    void showAsJsonListsTheUnreadableFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ok("show", versionId, "--json", "--registry", registryDir).out());

        assertThat(json.get("unreadable_fields").toString()).isEqualTo("[\"validation_metrics\",\"tags\"]");
        assertThat(json.get("validation_metrics").isNull()).isTrue();
        assertThat(json.get("training_config").get("epochs").asInt()).isEqualTo(35);
    }

    @Test
    void versionsStillListsTheModel() {
        assertThat(ok("versions", "--sensor", "S1", "--type", "telemanom", "--registry", registryDir).out())
                .contains(versionId);
    }
}
