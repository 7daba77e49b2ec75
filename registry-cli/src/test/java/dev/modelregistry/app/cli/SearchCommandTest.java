package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry search}: the filters as options, text and {@code --json}, paging with the
 * printed token, and its errors, over five versions: S1/telemanom 3 (tags prod, 100%), S2/transformer 2.
 */
class SearchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static String dir;
    static final List<String> ids = new ArrayList<>();

    @BeforeAll
    static void fiveVersionsOfTwoModels() {
        Path target = tmp.resolve("registry_sqlite");
        dir = target.toString();
        try (ModelRegistry opened = ModelRegistrySQLite.open(target)) {
            register(opened, "S1", "telemanom", 0.6, "hash-a", "plant_1", "2024-01-01", "2024-01-31", List.of("prod"));
            register(opened, "S1", "telemanom", 0.9, "hash-a", "plant_1", "2024-02-01", "2024-02-29", List.of("100%"));
            register(opened, "S1", "telemanom", 0.7, "hash-b", "plant_2", "2024-03-01", "2024-03-31", List.of("prod"));
            register(opened, "S2", "transformer", 0.8, "hash-b", "plant_1", null, null, List.of());
            register(opened, "S2", "transformer", 0.5, "hash-c", null, null, null, List.of("1000"));
        }
    }

    private static void register(ModelRegistry opened, String sensor, String type, double r2, String hash,
                                 String source, String from, String to, List<String> tags) {
        ids.add(opened.registerModel(ModelRegistration.builder().sensorId(sensor).modelType(type)
                .validationMetrics(Map.of("validation_performed", true, "r2_score", r2)).dataHash(hash)
                .dataSource(source).dataStartDate(from).dataEndDate(to).tags(tags).build()));
    }

    private static CliRun run(String... args) {
        return CliRun.registryAt(dir, args);
    }

    /** A run that must succeed silently on stderr. */
    private static CliRun ok(String... args) {
        CliRun result = run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        return result;
    }

    private static List<String> found(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "search";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--json";
        List<String> versions = new ArrayList<>();
        JSON.readTree(ok(all).out()).get("items").forEach(item -> versions.add(item.get("version_id").asText()));
        return versions;
    }

    @Test
    void everyFilterOptionSelectsLikeTheApi() throws Exception {
        assertThat(found()).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(found("--sensor", "S2")).containsExactly(ids.get(4), ids.get(3));
        assertThat(found("--type", "telemanom", "--asc")).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(found("--tag", "prod")).containsExactly(ids.get(2), ids.get(0));
        assertThat(found("--tag", "100%")).containsExactly(ids.get(1));
        assertThat(found("--tag", "%")).isEmpty();
        assertThat(found("--order", "score")).containsExactly(ids.get(1), ids.get(3), ids.get(2), ids.get(0), ids.get(4));
        assertThat(found("--order", "SCORE", "--asc", "--min-score", "0.45", "--max-score", "0.6"))
                .containsExactly(ids.get(2), ids.get(3)); // scores 0.7 * r2 (no mape): 0.49, 0.56
        assertThat(found("--active")).hasSize(2);
        assertThat(found("--data-hash", "hash-a")).containsExactly(ids.get(1), ids.get(0));
        assertThat(found("--data-source", "plant_1", "--data-from", "2024-01-31", "--data-to", "2024-02-01"))
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(found("--data-from", "2024-03-15")).containsExactly(ids.get(2));
        assertThat(found("--created-after", "2000-01-01T00:00:00Z", "--created-before", "2000-01-02T00:00:00+01:00"))
                .isEmpty();
    }

    @Test
    void theTextTableShowsEachVersionAndTheNextPagesToken() throws Exception {
        CliRun first = ok("search", "--limit", "2");
        assertThat(first.out()).startsWith("Versions found (newest first, * = active)")
                .contains("model id").contains("transformer_S2").contains(ids.get(4)).contains(ids.get(3))
                .doesNotContain(ids.get(2)).contains("--page-token ");
        Matcher token = Pattern.compile("--page-token (\\S+)\\)").matcher(first.out());
        assertThat(token.find()).isTrue();

        CliRun second = ok("search", "--limit", "2", "--page-token", token.group(1));
        assertThat(second.out()).contains(ids.get(2)).contains(ids.get(1)).doesNotContain(ids.get(4));
        assertThat(ok("search", "--tag", "nothing-like-this").out()).isEqualTo("No version matches." + System.lineSeparator());
    }

    @Test
    void jsonGivesTheItemsWithTheVersionsKeysAndTheNextPageToken() throws Exception {
        JsonNode first = JSON.readTree(ok("search", "--limit", "3", "--json").out());
        assertThat(first.fieldNames()).toIterable().containsExactly("items", "next_page_token");
        assertThat(first.get("items").get(0).fieldNames()).toIterable()
                .containsExactly("version_id", "model_id", "created_at", "performance_score", "is_active", "model_path",
                        "archived_at");
        String token = first.get("next_page_token").asText();
        JsonNode rest = JSON.readTree(ok("search", "--limit", "3", "--json", "--page-token", token).out());
        assertThat(rest.get("items")).hasSize(2);
        assertThat(rest.get("next_page_token").isNull()).isTrue();
    }

    @Test
    void badValuesAreUsageErrorsOrOneSentenceFailures() throws Exception {
        for (String limit : new String[] {"0", "1001", "abc"}) {
            CliRun result = run("search", "--limit", limit);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(RegistryCli.USAGE);
            assertThat(result.err()).contains("Invalid value for option '--limit'");
        }
        assertThat(run("search", "--asc", "--desc").exitCode()).isEqualTo(RegistryCli.USAGE);
        assertThat(run("search", "--order", "size").exitCode()).isEqualTo(RegistryCli.USAGE);
        assertThat(run("search", "--data-from", "March").exitCode()).isEqualTo(RegistryCli.USAGE);

        CliRun garbage = run("search", "--page-token", "garbage");
        assertThat(garbage.exitCode()).isEqualTo(RegistryCli.FAILED);
        assertThat(garbage.err()).startsWith("error: search page_token is not a page token").doesNotContain("\tat ");
        String token = JSON.readTree(ok("search", "--limit", "1", "--json").out()).get("next_page_token").asText();
        CliRun other = run("search", "--limit", "1", "--order", "score", "--page-token", token);
        assertThat(other.exitCode()).isEqualTo(RegistryCli.FAILED);
        assertThat(other.err()).contains("other filters or another order");
        CliRun range = run("search", "--min-score", "0.9", "--max-score", "0.1");
        assertThat(range.exitCode()).isEqualTo(RegistryCli.FAILED);
        assertThat(range.err()).contains("min_score");
    }

    @Test
    void searchOpensTheRegistryReadOnlyAndNeverCreatesOne() throws Exception {
        Path missing = tmp.resolve("nothing-here");
        CliRun result = registry("search", "--registry", missing.toString());
        assertThat(result.exitCode()).isEqualTo(RegistryCli.FAILED);
        assertThat(result.err()).contains("no registry database at");
        assertThat(Files.exists(missing)).isFalse();
    }
}
