package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.InvalidIdentifierException;
import dev.modelregistry.domain.ModelIdConflictException;
import dev.modelregistry.domain.ModelNotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * R1 through the public API, as an attacker would try it: two (sensor, type) pairs that derive
 * the same model id ({@code x_a} + {@code b} and {@code x} + {@code a_b}), ids that are not
 * valid Unicode ({@code "q\uD800"}, {@code "q\uDFFF"} were stored as {@code "q?"}) and ids
 * that look like others. Run on SQLite and PostgreSQL; each test opens a fresh registry.
 */
abstract class IdentityThroughTheApiContract {

    /** A fresh, empty registry. */
    protected abstract ModelRegistry open();

    /** Plain JDBC on the registry's database, to see what was stored. */
    protected abstract Connection connect() throws SQLException;

    private static ModelRegistration registration(String sensor, String type, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType(type)
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("sha256-of-training-data").build();
    }

    @Test
    void aPairWhoseModelIdBelongsToAnotherPairIsRefusedNamingBothAndNothingIsFiledUnderTheOther() throws Exception {
        try (ModelRegistry registry = open()) {
            String sensorB = registry.registerModel(registration("b", "x_a", 0.05));

            assertThatThrownBy(() -> registry.registerModel(registration("a_b", "x", 0.01)))
                    .isInstanceOf(ModelIdConflictException.class)
                    .hasMessageContaining("x_a_b")
                    .hasMessageContaining("sensor \"a_b\", type \"x\"")
                    .hasMessageContaining("sensor \"b\", type \"x_a\"");

            assertThat(registry.getActiveModelVersion("a_b", "x")).isEmpty();
            assertThat(registry.listVersions("a_b", "x")).isEmpty();
            assertThat(registry.getActiveModelVersion("b", "x_a")).contains(sensorB);
            assertThat(registry.listVersions("b", "x_a")).extracting(VersionSummary::versionId).containsExactly(sensorB);
            assertThat(registry.listModels()).extracting(ModelSummary::sensorId, ModelSummary::modelType)
                    .containsExactly(tuple("b", "x_a"));
            assertThat(registry.getRegistryStats().totalVersions()).isEqualTo(1);
        }
    }

    @Test
    void theRuleHoldsWhicheverPairCameFirst() {
        try (ModelRegistry registry = open()) {
            String sensorAb = registry.registerModel(registration("a_b", "x", 0.05));

            assertThatThrownBy(() -> registry.registerModel(registration("b", "x_a", 0.01)))
                    .isInstanceOf(ModelIdConflictException.class)
                    .satisfies(e -> {
                        ModelIdConflictException conflict = (ModelIdConflictException) e;
                        assertThat(conflict.modelId()).isEqualTo("x_a_b");
                        assertThat(conflict.holderSensorId()).isEqualTo("a_b");
                        assertThat(conflict.holderModelType()).isEqualTo("x");
                    });
            assertThat(registry.getActiveModelVersion("b", "x_a")).isEmpty();
            assertThat(registry.getActiveModelVersion("a_b", "x")).contains(sensorAb);
        }
    }

    @Test
    void lookupsOfAPairThatOnlySharesTheDerivedIdFindNothing() {
        try (ModelRegistry registry = open()) {
            registry.registerModel(registration("b", "x_a", 0.05));

            assertThat(registry.getActiveModelVersion("a_b", "x")).isEmpty();
            assertThat(registry.listVersions("a_b", "x")).isEmpty();
            assertThatThrownBy(() -> registry.getActivationHistory("a_b", "x")).isInstanceOf(ModelNotFoundException.class);
            assertThatThrownBy(() -> registry.getActiveModelVersionAt("a_b", "x", Instant.now()))
                    .isInstanceOf(ModelNotFoundException.class);
            assertThat(registry.getActivationHistory("b", "x_a")).hasSize(1);
        }
    }

    @Test
    void loneSurrogatesAreRefusedSoQuestionMarkIdsNeverMerge() throws Exception {
        try (ModelRegistry registry = open()) {
            for (String hostile : List.of("q\uD800", "q\uDFFF")) {
                assertThatThrownBy(() -> registry.registerModel(registration(hostile, "telemanom", 0.05)))
                        .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("sensor_id")
                        .hasMessageContaining("not valid Unicode");
                assertThatThrownBy(() -> registry.registerModel(registration("q", hostile, 0.05)))
                        .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("model_type");
                assertThatThrownBy(() -> registry.getActiveModelVersion(hostile, "telemanom"))
                        .isInstanceOf(InvalidIdentifierException.class);
            }
            String plain = registry.registerModel(registration("q?", "telemanom", 0.05));

            assertThat(registry.getActiveModelVersion("q?", "telemanom")).contains(plain);
            assertThat(registry.listVersions("q?", "telemanom")).hasSize(1);
            assertThat(storedSensorIds()).containsExactly("q?");
        }
    }

    @Test
    void idsThatLookLikeAnotherIdAreRefusedAndNothingIsWritten() throws Exception {
        try (ModelRegistry registry = open()) {
            registry.registerModel(registration("pump 7", "telemanom", 0.05));
            for (String lookAlike : List.of("pump\u00A07", "pump\u202F7", "pump \u200B7", "pump\u200D 7",
                    "\u202Epump 7", "pump 7\u2066", "pump\u20287", "pump\u20297", "pump\uFEFF 7", "pump 7\u00AD",
                    "pu\u200Emp 7")) {
                assertThatThrownBy(() -> registry.registerModel(registration(lookAlike, "telemanom", 0.01)))
                        .as(lookAlike.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString())
                        .isInstanceOf(InvalidIdentifierException.class);
                assertThatThrownBy(() -> registry.registerModel(registration("pump 7", "tele" + lookAlike, 0.01)))
                        .isInstanceOf(InvalidIdentifierException.class);
            }
            assertThat(storedSensorIds()).containsExactly("pump 7");
            assertThat(registry.getRegistryStats().totalVersions()).isEqualTo(1);
        }
    }

    @Test
    void aStoredIdThatTheRuleNowRefusesStillListsShowsAndDeletes() throws Exception {
        try (ModelRegistry registry = open()) {
            String first = registry.registerModel(registration("pump 7", "telemanom", 0.05));
            String second = registry.registerModel(registration("pump 7", "telemanom", 0.01));
            try (Connection connection = connect(); Statement sql = connection.createStatement()) {
                // as an earlier release could have stored it: a no-break space inside
                sql.executeUpdate("update models set sensor_id = 'pump\u00A07'");
                sql.executeUpdate("update versions set sensor_id = 'pump\u00A07'");
            }

            assertThat(registry.listModels()).extracting(ModelSummary::sensorId).containsExactly("pump\u00A07");
            assertThat(registry.getModelMetadata(first).orElseThrow().sensorId()).isEqualTo("pump\u00A07");
            assertThat(registry.listVersionsScoredAtLeast(0.0)).hasSize(2);
            registry.promoteVersion(first);
            registry.deleteVersion(first, true, false);
            assertThat(registry.cleanupOldVersions(1)).isZero();
            assertThat(registry.getRegistryStats().totalVersions()).isEqualTo(1);
            assertThat(registry.getModelMetadata(second).orElseThrow().isActive()).isTrue();
        }
    }

    @Test
    void concurrentFirstRegistrationsOfTwoCollidingPairsLeaveOneModelOwnedByOnePair() throws Exception {
        try (ModelRegistry registry = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<List<Object>>> outcomes = new ArrayList<>();
            try {
                for (String[] pair : List.of(new String[] {"b", "x_a"}, new String[] {"a_b", "x"})) {
                    Callable<List<Object>> calls = () -> {
                        List<Object> results = new ArrayList<>();
                        for (int i = 0; i < 5; i++) {
                            try {
                                results.add(registry.registerModel(registration(pair[0], pair[1], 0.01 + i / 100.0)));
                            } catch (ModelIdConflictException refused) {
                                results.add(refused);
                            }
                        }
                        return results;
                    };
                    outcomes.add(pool.submit(calls));
                }
                List<Object> first = outcomes.get(0).get();
                List<Object> second = outcomes.get(1).get();
                long registered = first.stream().filter(String.class::isInstance).count()
                        + second.stream().filter(String.class::isInstance).count();
                List<ModelSummary> models = registry.listModels();
                assertThat(models).hasSize(1);
                ModelSummary owner = models.get(0);
                assertThat((long) owner.versionCount()).isEqualTo(registered);
                List<Object> ownersCalls = owner.sensorId().equals("b") ? first : second;
                List<Object> othersCalls = owner.sensorId().equals("b") ? second : first;
                assertThat(ownersCalls).allMatch(String.class::isInstance);
                assertThat(othersCalls).allMatch(ModelIdConflictException.class::isInstance);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private List<String> storedSensorIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select sensor_id from models union all select sensor_id from versions")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids.stream().distinct().toList();
    }
}
