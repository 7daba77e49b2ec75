package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models --type/--sensor}, {@code versions --sensor} without {@code --type} and
 * {@code --limit}, over three models: telemanom_S1 (2 versions), transformer_S1 (1), telemanom_S2 (1).
 */
class ListingFiltersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static String dir;

    @BeforeAll
    static void threeModelsOfTwoSensors() {
        Path target = tmp.resolve("registry_sqlite");
        dir = target.toString();
        try (ModelRegistry opened = ModelRegistrySQLite.open(target)) {
            register(opened, "S1", "telemanom");
            register(opened, "S1", "telemanom");
            register(opened, "S1", "transformer");
            register(opened, "S2", "telemanom");
        }
    }

    private static void register(ModelRegistry opened, String sensor, String type) {
        opened.registerModel(ModelRegistration.builder().sensorId(sensor).modelType(type)
                .validationMetrics(Map.of("validation_performed", true, "r2_score", 0.8)).dataHash("abc123").build());
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
        assertThat(result.err()).isEmpty();
        return result;
    }

    private static JsonNode json(String... args) throws Exception {
        return JSON.readTree(ok(args).out());
    }

    @Test
    void models_can_be_filtered_by_type_by_sensor_and_by_both() throws Exception {
        assertThat(json("models", "--json")).hasSize(3);
        assertThat(json("models", "--type", "telemanom", "--json")).extracting(m -> m.get("model_id").asText())
                .containsExactly("telemanom_S1", "telemanom_S2");
        assertThat(json("models", "--sensor", "S1", "--json")).extracting(m -> m.get("model_id").asText())
                .containsExactly("telemanom_S1", "transformer_S1");
        assertThat(json("models", "--sensor", "S1", "--type", "transformer", "--json"))
                .extracting(m -> m.get("model_id").asText()).containsExactly("transformer_S1");
        assertThat(ok("models", "--sensor", "S1").out()).contains("telemanom_S1").contains("transformer_S1")
                .doesNotContain("telemanom_S2").contains("2 models");
        assertThat(ok("models", "--sensor", "S3", "--type", "telemanom").out())
                .isEqualTo("No models of type telemanom of sensor S3." + System.lineSeparator());
    }

    @Test
    void versions_of_a_sensor_without_a_type_lists_every_model_of_that_sensor() throws Exception {
        String text = ok("versions", "--sensor", "S1").out();
        assertThat(text).startsWith("Versions of every model of sensor S1 (newest first, * = active)");
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).containsSubsequence("model id", "version", "score");
        assertThat(text).contains("telemanom_S1").contains("transformer_S1").doesNotContain("telemanom_S2");

        JsonNode versions = json("versions", "--sensor", "S1", "--json");
        assertThat(versions).extracting(v -> v.get("model_id").asText())
                .containsExactly("telemanom_S1", "telemanom_S1", "transformer_S1");
        assertThat(json("versions", "--sensor", "S1", "--type", "telemanom", "--json")).hasSize(2);
    }

    @Test
    void versions_of_an_unknown_sensor_is_one_error_line_with_exit_1() {
        CliRun run = run("versions", "--sensor", "NOPE");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: no model of sensor NOPE found" + System.lineSeparator());
    }

    @Test
    void limit_shows_the_first_rows_and_says_how_many_were_left_out() throws Exception {
        assertThat(json("models", "--limit", "2", "--json")).extracting(m -> m.get("model_id").asText())
                .containsExactly("telemanom_S1", "telemanom_S2");
        assertThat(ok("models", "--limit", "1").out()).contains("telemanom_S1").doesNotContain("telemanom_S2")
                .contains("(showing the first 1 of 3 models; see --limit)");
        assertThat(ok("models", "--limit", "3").out()).doesNotContain("showing");
        assertThat(json("versions", "--sensor", "S1", "--limit", "1", "--json")).hasSize(1);
        assertThat(ok("versions", "--sensor", "S1", "--limit", "2").out())
                .contains("(showing the first 2 of 3 versions; see --limit)");
    }

    @Test
    void a_limit_below_one_is_a_usage_error_naming_the_option() {
        CliRun run = run("models", "--limit", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Invalid value for option '--limit': '0' is not a whole number of at least 1");
    }
}
