package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.domain.model.ChangeNote;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry history --follow} in a JVM of its own: prints the changes other processes
 * commit as they come (text or JSON lines), resumes after {@code --since}, follows one model when
 * named; the options that make no sense together are usage errors.
 */
class HistoryFollowCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static ModelRegistration registration(String sensor, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType("telemanom")
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("hash-" + anomalyRate).build();
    }

    private Process follow(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), RegistryCli.class.getName(),
                "history", "--follow", "--registry", tmp.toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String nextLine(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    @Test
    void followWithJsonPrintsTheBacklogAfterSinceThenEachNewChangeAsOneJsonLine() throws Exception {
        String first;
        try (ModelRegistry registry = ModelRegistrySQLite.open(tmp)) {
            first = registry.registerModel(registration("pump-1", 0.09));
        }
        Process follower = follow("--json", "--since", "0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(follower.getInputStream(), StandardCharsets.UTF_8))) {
            JsonNode backlog = JSON.readTree(nextLine(out));
            assertThat(backlog.get("cursor").asLong()).isEqualTo(1);
            assertThat(backlog.get("version_id").asText()).isEqualTo(first);
            assertThat(backlog.get("model_id").asText()).isEqualTo("telemanom_pump-1");
            assertThat(backlog.get("reason").asText()).isEqualTo("REGISTERED");
            assertThat(backlog.get("previous_version_id").isNull()).isTrue();

            String second;
            try (ModelRegistry registry = ModelRegistrySQLite.open(tmp)) {
                second = registry.registerModel(registration("pump-1", 0.05));
            }
            JsonNode next = JSON.readTree(nextLine(out));
            assertThat(next.get("cursor").asLong()).isEqualTo(2);
            assertThat(next.get("version_id").asText()).isEqualTo(second);
            assertThat(next.get("previous_version_id").asText()).isEqualTo(first);
            assertThat(next.get("changed_at").asText()).endsWith("Z");
            assertThat(next.get("actor").isNull()).isTrue();

            try (ModelRegistry registry = ModelRegistrySQLite.open(tmp)) {
                registry.promoteVersion(first, ChangeNote.by("ops-oncall").because("rollback").referencing("INC-42"));
            }
            JsonNode promotion = JSON.readTree(nextLine(out));
            assertThat(promotion.get("reason").asText()).isEqualTo("PROMOTED");
            assertThat(promotion.get("actor").asText()).isEqualTo("ops-oncall");
            assertThat(promotion.get("note_reason").asText()).isEqualTo("rollback");
            assertThat(promotion.get("note_reference").asText()).isEqualTo("INC-42");
        } finally {
            follower.destroy();
            assertThat(follower.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void followOfOneModelPrintsOnlyItsChangesAsTextLines() throws Exception {
        try (ModelRegistry registry = ModelRegistrySQLite.open(tmp)) {
            registry.registerModel(registration("pump-1", 0.09));
        }
        Process follower = follow("--sensor", "pump-2", "--type", "telemanom");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(follower.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(nextLine(out)).isEqualTo("Following the activation changes of telemanom_pump-2 (Ctrl-C to stop)");
            String chosen;
            try (ModelRegistry registry = ModelRegistrySQLite.open(tmp)) {
                registry.registerModel(registration("pump-1", 0.05));
                chosen = registry.registerModel(registration("pump-2", 0.05));
            }
            assertThat(nextLine(out)).matches("#3  \\d{4}-\\d\\d-\\d\\d \\S+  telemanom_pump-2  - -> " + chosen + "  REGISTERED");
            String promoted;
            try (ModelRegistry registry = ModelRegistrySQLite.open(tmp)) {
                promoted = registry.registerModel(registration("pump-2", 0.09));
                registry.promoteVersion(promoted, ChangeNote.by("ops-oncall").because("rollback").referencing("INC-42"));
            }
            assertThat(nextLine(out)).matches("#4  .*  telemanom_pump-2  " + chosen + " -> " + promoted
                    + "  PROMOTED  by ops-oncall: rollback \\(INC-42\\)");
        } finally {
            follower.destroy();
            assertThat(follower.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void sinceWithoutFollowAtWithFollowAndHistoryWithoutAModelAreUsageErrors() {
        try (ModelRegistry registry = ModelRegistrySQLite.open(tmp)) {
            registry.registerModel(registration("pump-1", 0.09));
        }
        CliRun since = registry("history", "--sensor", "pump-1", "--type", "telemanom", "--since", "3",
                "--registry", tmp.toString());
        assertThat(since.exitCode()).as(since.toString()).isEqualTo(2);
        assertThat(since.err()).contains("--since needs --follow");
        CliRun at = registry("history", "--follow", "--at", "2025-01-01T00:00:00Z", "--registry", tmp.toString());
        assertThat(at.exitCode()).as(at.toString()).isEqualTo(2);
        assertThat(at.err()).contains("--at and --follow cannot be combined");
        CliRun noModel = registry("history", "--registry", tmp.toString());
        assertThat(noModel.exitCode()).as(noModel.toString()).isEqualTo(2);
        assertThat(noModel.err()).contains("--sensor").contains("--type");
        CliRun negative = registry("history", "--follow", "--since", "-1", "--registry", tmp.toString());
        assertThat(negative.exitCode()).as(negative.toString()).isNotZero();
        assertThat(negative.err()).contains("cursor").contains("-1");
    }
}
