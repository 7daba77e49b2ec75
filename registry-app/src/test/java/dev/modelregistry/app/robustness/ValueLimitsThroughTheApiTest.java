package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.ModelVersionDetails;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.InvalidVersionDataException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 2 through the public API on SQLite: a value the registry could not read back is
 * refused at registration naming its field (and nothing is written); a stored value that cannot
 * be read (put there by another program, here with raw SQL) never makes its model unusable.
 */
class ValueLimitsThroughTheApiTest {

    @TempDir
    Path tmp;

    private Path registryDir;

    @BeforeEach
    void paths() {
        registryDir = tmp.resolve("registry_sqlite");
    }

    private static ModelRegistration.Builder registration(String sensor, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType("telemanom")
                .trainingConfig(Map.of("epochs", 35)).trainingMetrics(Map.of("loss", 0.1))
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("sha256-of-training-data").tags(List.of("anomaly"));
    }

    private static Map<String, Object> validated(String key, Object value) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validation_performed", true);
        metrics.put(key, value);
        return metrics;
    }

    private static Map<String, Object> nested(int depth) {
        Map<String, Object> map = new HashMap<>(Map.of("loss", 0.1));
        for (int level = 1; level < depth; level++) {
            map = new HashMap<>(Map.of("deep", map));
        }
        return map;
    }

    @Test
    void valuesBeyondTheLimitsAreRefusedNamingTheFieldAndNothingIsWritten() {
        Map<String, Object> selfReferencing = new HashMap<>();
        selfReferencing.put("validation_performed", true);
        selfReferencing.put("itself", selfReferencing);
        Map<String, UnaryOperator<ModelRegistration.Builder>> hostile = new LinkedHashMap<>();
        hostile.put("validation_metrics.r2_score", b -> b.validationMetrics(
                validated("r2_score", new BigInteger("7".repeat(1_500)))));
        hostile.put("training_config.deep", b -> b.trainingConfig(nested(999)));
        hostile.put("training_metrics.notes", b -> b.trainingMetrics(Map.of("notes", "x".repeat(25_000_000))));
        hostile.put("validation_metrics.itself", b -> b.validationMetrics(selfReferencing));
        hostile.put("tags[1]", b -> b.tags(Arrays.asList("anomaly", null)));
        hostile.put("description", b -> b.description("d".repeat(25_000_000)));

        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir)) {
            String kept = registry.registerModel(registration("S1", 0.05).build());
            hostile.forEach((field, change) -> assertThatThrownBy(
                    () -> registry.registerModel(change.apply(registration("S1", 0.01)).build()))
                    .as(field)
                    .isInstanceOf(InvalidVersionDataException.class)
                    .hasMessageContaining(field)
                    .satisfies(e -> assertThat(e.getMessage()).as("message length").hasSizeLessThan(500)));

            assertThat(registry.getRegistryStats().totalVersions()).isEqualTo(1);
            assertThat(registry.listVersions("S1", "telemanom")).extracting(VersionSummary::versionId).containsExactly(kept);
            assertThat(registry.getActiveModelVersion("S1", "telemanom")).contains(kept);
        }
    }

    @Test
    void aModelWithStoredJsonNoReaderCouldParseStaysUsableThroughEveryCall() throws Exception {
        String brokenConfig;
        String brokenActive;
        String brokenTags;
        String healthy;
        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir)) {
            brokenConfig = registry.registerModel(registration("S1", 0.09).build());
            brokenActive = registry.registerModel(registration("S1", 0.01).build());
            brokenTags = registry.registerModel(registration("S1", 0.08).build());
            healthy = registry.registerModel(registration("S2", 0.05).build());
        }
        String hugeNumber = "{\"validation_performed\": true, \"r2_score\": " + "7".repeat(1_500) + "}";
        String deep = "{\"a\":".repeat(999) + "1" + "}".repeat(999);
        corrupt(brokenConfig, "training_config", "{not json");
        corrupt(brokenActive, "validation_metrics", hugeNumber);
        corrupt(brokenTags, "tags", "[null, ");
        corrupt(brokenTags, "training_metrics", deep);

        try (ModelRegistry registry = ModelRegistrySQLite.open(registryDir)) {
            assertThat(registry.listVersions("S1", "telemanom")).hasSize(3);
            assertThat(registry.listModels()).hasSize(2);
            assertThat(registry.getRegistryStats().totalVersions()).isEqualTo(4);
            assertThat(registry.listVersionsScoredAtLeast(0.0)).hasSize(4);
            ModelVersionDetails active = registry.getModelMetadata(brokenActive).orElseThrow();
            assertThat(active.unreadableFields()).containsExactly("validation_metrics");
            assertThat(active.validationMetrics()).isEmpty();
            assertThat(active.trainingConfig()).containsEntry("epochs", 35);
            assertThat(active.isActive()).isTrue();
            assertThat(registry.getModelMetadata(brokenConfig).orElseThrow().unreadableFields())
                    .containsExactly("training_config");
            assertThat(registry.getModelMetadata(brokenTags).orElseThrow().unreadableFields())
                    .containsExactly("training_metrics", "tags");
            assertThat(registry.getDataLineage(brokenActive)).isPresent();

            registry.promoteVersion(brokenConfig);
            assertThat(registry.getActiveModelVersion("S1", "telemanom")).contains(brokenConfig);
            assertThat(stored(brokenActive, "validation_metrics")).as("never rewritten").isEqualTo(hugeNumber);

            String added = registry.registerModel(registration("S1", 0.07).build());
            registry.deleteVersion(brokenConfig, true, false);
            assertThat(registry.getActiveModelVersion("S1", "telemanom")).isPresent();
            registry.deleteVersion(brokenActive, true, false);
            assertThat(registry.cleanupOldVersions(1)).isEqualTo(1);
            assertThat(registry.listVersions("S1", "telemanom")).extracting(VersionSummary::versionId)
                    .containsExactly(added);
            assertThat(registry.getActivationHistory("S1", "telemanom")).isNotEmpty();
            assertThat(registry.getActiveModelVersion("S2", "telemanom")).contains(healthy);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + registryDir.resolve("model_registry.db"));
    }

    /** What another program might write: raw SQL, around the registry. */
    private void corrupt(String versionId, String column, String json) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement(
                     "update versions set " + column + " = ? where version_id = ?")) {
            update.setString(1, json);
            update.setString(2, versionId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private String stored(String versionId, String column) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement(
                     "select " + column + " from versions where version_id = ?")) {
            select.setString(1, versionId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
