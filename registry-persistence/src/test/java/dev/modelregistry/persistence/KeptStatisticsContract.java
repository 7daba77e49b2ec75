package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.ImportedVersion;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The statistics kept on the models rows stay exactly what counting every version gives, through
 * every way rows change: registrations, promotions, deletions (forced, of the last version),
 * retention clean-up, bulk import, and rows written by plain SQL (another program). Run on
 * SQLite and PostgreSQL, by the read-model tests of both ({@link SqliteReadModelsTest},
 * {@link PostgresReadModelsTest}); each test uses fresh sensors and checks the whole registry.
 */
interface KeptStatisticsContract {

    AtomicInteger SENSORS = new AtomicInteger();

    RegistryDatabase database();

    /** A connection to the database, for writing what the registry never writes and for counting. */
    Connection connect() throws SQLException;

    private static String freshSensor() {
        return "kept-" + System.nanoTime() + "-" + SENSORS.incrementAndGet();
    }

    private void assertKeptCountsMatch() throws SQLException {
        try (Connection connection = connect()) {
            StatisticsByScan.assertKeptCountsMatch(database().readModels().statistics().statistics(), connection);
        }
    }

    private void change(String sensor, String type, java.util.function.Consumer<Model> change) {
        database().unitOfWork().run(() -> change.accept(
                database().repository().findByPair(SensorId.of(sensor), ModelType.of(type)).orElseThrow()));
    }

    @Test
    default void registrationsPromotionsAndDeletionsKeepEveryFigureAsCountingTheVersionsGives() throws SQLException {
        String sensor = freshSensor();
        List<VersionId> ids = new ArrayList<>();
        database().unitOfWork().run(() -> {
            Model model = Fixtures.aModel(sensor, "telemanom");
            ids.add(register(model, 0.05, 1).id());
            ids.add(register(model, 0.01, 2).id());
            database().repository().save(model);
            Model other = Fixtures.aModel(sensor, "kept_type");
            register(other, 0.02, 3);
            database().repository().save(other);
        });
        assertKeptCountsMatch();

        change(sensor, "telemanom", model -> register(model, 0.03, 4));
        change(sensor, "telemanom", model -> model.promote(ids.get(0), at(5)));
        assertKeptCountsMatch();

        change(sensor, "telemanom", model -> model.deleteVersion(ids.get(1), false, at(6)));
        assertKeptCountsMatch();
        change(sensor, "telemanom", model -> model.deleteVersion(ids.get(0), true, at(7)));
        assertKeptCountsMatch();
        change(sensor, "telemanom", model -> model.deleteVersion(model.activeVersionId().orElseThrow(), true, at(8)));
        assertKeptCountsMatch();
        assertThat(database().readModels().statistics().statistics().totalModels()
                - database().readModels().statistics().statistics().activeVersions())
                .as("models without versions").isPositive();
    }

    @Test
    default void retentionCleanUpKeepsThemExact() throws SQLException {
        String sensor = freshSensor();
        database().unitOfWork().run(() -> {
            Model model = Fixtures.aModel(sensor, "telemanom");
            for (int i = 0; i < 12; i++) {
                register(model, 0.011 + i * 0.007, i + 1);
            }
            database().repository().save(model);
        });

        change(sensor, "telemanom", model -> assertThat(model.retainNewest(3, at(30))).hasSize(8));

        assertKeptCountsMatch();
    }

    @Test
    default void aBulkImportKeepsThemExact() throws SQLException {
        String sensor = freshSensor();
        database().unitOfWork().run(() -> {
            for (String type : List.of("telemanom", "kept_import")) {
                Model model = Model.create(SensorId.of(sensor), ModelType.of(type), Fixtures.T0);
                List<ImportedVersion> versions = new ArrayList<>();
                for (int v = 0; v < 4; v++) {
                    versions.add(new ImportedVersion(SensorId.of(sensor), ModelType.of(type),
                            VersionId.of(sensor + "-" + type + "-" + v), at(v),
                            0.5 + v / 30.0, Fixtures.aVersionWithAnomalyRate(0.05)));
                }
                model.importVersions(versions, versions.get(0).id(), Fixtures.T0);
                database().repository().save(model);
            }
        });

        assertKeptCountsMatch();
    }

    @Test
    default void rowsWrittenByPlainSqlKeepThemExact() throws SQLException {
        String sensor = freshSensor();
        String a = "telemanom_" + sensor;
        String b = "kept_sql_" + sensor;
        try (Connection connection = connect()) {
            insertModel(connection, a, sensor, "telemanom");
            insertModel(connection, b, sensor, "kept_sql");
            for (int i = 0; i < 5; i++) {
                insertVersion(connection, sensor + "-a" + i, a, sensor, "telemanom", 0.1 * (i + 1));
            }
            insertVersion(connection, sensor + "-b0", b, sensor, "kept_sql", 0.25);
        }
        assertKeptCountsMatch();

        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE versions SET performance_score = 0.99 WHERE version_id = '" + sensor + "-a1'");
            sql.executeUpdate("UPDATE versions SET is_active = TRUE WHERE version_id = '" + sensor + "-a2'");
            sql.executeUpdate("DELETE FROM versions WHERE version_id IN ('" + sensor + "-a3', '" + sensor + "-a4')");
        }
        assertKeptCountsMatch();

        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM models WHERE model_id = '" + b + "'"); // its version goes by the cascade
            sql.executeUpdate("DELETE FROM versions WHERE model_id = '" + a + "'");
        }
        assertKeptCountsMatch();
    }

    /**
     * A deletion counts its model's remaining scores again instead of subtracting: after many
     * additions and deletions the kept sum is exactly the sum of the scores present, with none of
     * the rounding residue that subtracting would leave behind.
     */
    @Test
    default void aModelsScoreSumNeverDriftsThroughAdditionsAndDeletions() throws SQLException {
        String sensor = freshSensor();
        String modelId = "telemanom_" + sensor;
        try (Connection connection = connect()) {
            insertModelWithVersions(connection, sensor, sensor + "-keep", 3, i -> 0.1);
            try (Statement sql = connection.createStatement()) {
                for (int i = 0; i < 200; i++) {
                    insertVersion(connection, sensor + "-churn" + i, modelId, sensor, "telemanom", 0.7 + i / 997.0);
                    if (i % 2 == 1) {
                        sql.executeUpdate("DELETE FROM versions WHERE version_id = '" + sensor + "-churn" + (i - 1) + "'");
                        sql.executeUpdate("DELETE FROM versions WHERE version_id = '" + sensor + "-churn" + i + "'");
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT m.score_sum, m.version_count,"
                    + " (SELECT SUM(v.performance_score) FROM versions v WHERE v.model_id = m.model_id)"
                    + " FROM models m WHERE m.model_id = ?")) {
                query.setString(1, modelId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(2)).isEqualTo(3);
                    assertThat(row.getDouble(1)).isEqualTo(row.getDouble(3)).isEqualTo(0.1 + 0.1 + 0.1);
                }
            }
        }
        assertKeptCountsMatch();
    }

    /** A model of {@code count} versions (more than the 100 a deletion recounts at once), saved in one unit of work. */
    private List<VersionId> savedLargeModel(String sensor, int count) {
        List<VersionId> ids = new ArrayList<>();
        database().unitOfWork().run(() -> {
            Model model = Fixtures.aModel(sensor, "telemanom");
            for (int i = 0; i < count; i++) {
                ids.add(register(model, 0.011 + (i % 89) / 1000.0, i + 1).id());
            }
            database().repository().save(model);
        });
        return ids;
    }

    private boolean marked(String modelId) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT stats_stale FROM models WHERE model_id = ?")) {
            query.setString(1, modelId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBoolean(1);
            }
        }
    }

    /**
     * A clean-up deleting most of a large model in one transaction (each deletion marks the model
     * at most once, the commit recounts it once) leaves figures exactly as counting gives, and no mark.
     */
    @Test
    default void aCleanUpOfMostOfALargeModelInOneTransactionKeepsThemExact() throws SQLException {
        String sensor = freshSensor();
        savedLargeModel(sensor, 160);

        change(sensor, "telemanom", model -> assertThat(model.retainNewest(1, at(500))).hasSizeGreaterThan(150));

        assertKeptCountsMatch();
        assertThat(marked("telemanom_" + sensor)).as("marked after the commit").isFalse();
    }

    @Test
    default void forcedDeletionsOfALargeModelsVersionsOneByOneInOneTransactionKeepThemExact() throws SQLException {
        String sensor = freshSensor();
        List<VersionId> ids = savedLargeModel(sensor, 130);

        change(sensor, "telemanom", model -> ids.subList(0, 125).forEach(id -> model.deleteVersion(id, true, at(600))));

        assertKeptCountsMatch();
        assertThat(marked("telemanom_" + sensor)).isFalse();
    }

    /**
     * Another program deleting most of a large model by plain SQL leaves the model marked: the
     * statistics read model counts its versions itself meanwhile (exact), and the registry's
     * next write transaction recounts it and clears the mark.
     */
    @Test
    default void aPlainSqlDeletionOfMostOfALargeModelIsCountedAtReadAndRecountedByTheNextWrite() throws SQLException {
        String sensor = freshSensor();
        String modelId = "telemanom_" + sensor;
        try (Connection connection = connect()) {
            insertModelWithVersions(connection, sensor, sensor + "-", 140, i -> 0.25 + i / 256.0);
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("DELETE FROM versions WHERE model_id = '" + modelId + "' AND version_id <> '" + sensor + "-7'");
            }
        }
        assertThat(marked(modelId)).as("marked by the deletion").isTrue();
        try (Connection connection = connect()) {
            RegistryStatistics kept = database().readModels().statistics().statistics();
            RegistryStatistics scanned = StatisticsByScan.of(connection);
            assertThat(kept.totalVersions()).isEqualTo(scanned.totalVersions());
            assertThat(kept.versionsByType()).isEqualTo(scanned.versionsByType());
            assertThat(kept.averageScore().orElseThrow()).isCloseTo(scanned.averageScore().orElseThrow(),
                    within(Math.abs(scanned.averageScore().orElseThrow()) * 1e-12));
        }

        String other = freshSensor();
        database().unitOfWork().run(() -> {
            Model model = Fixtures.aModel(other, "telemanom");
            register(model, 0.05, 1);
            database().repository().save(model);
        });

        assertThat(marked(modelId)).as("marked after a registry write").isFalse();
        assertKeptCountsMatch();
    }

    /** A telemanom model of this sensor with versions {@code <prefix><i>} scored {@code score(i)}, by plain SQL. */
    private static void insertModelWithVersions(Connection connection, String sensor, String prefix, int count,
                                                java.util.function.IntToDoubleFunction score) throws SQLException {
        String modelId = "telemanom_" + sensor;
        insertModel(connection, modelId, sensor, "telemanom");
        for (int i = 0; i < count; i++) {
            insertVersion(connection, prefix + i, modelId, sensor, "telemanom", score.applyAsDouble(i));
        }
    }

    private static void insertModel(Connection connection, String modelId, String sensor, String type) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO models (model_id, sensor_id, model_type,"
                + " created_at, updated_at) VALUES (?, ?, ?, " + now(connection) + ", " + now(connection) + ")")) {
            insert.setString(1, modelId);
            insert.setString(2, sensor);
            insert.setString(3, type);
            insert.executeUpdate();
        }
    }

    private static void insertVersion(Connection connection, String versionId, String modelId, String sensor, String type,
                                      double score) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO versions (version_id, model_id, sensor_id,"
                + " model_type, created_at, is_active, performance_score) VALUES (?, ?, ?, ?, " + now(connection)
                + ", FALSE, ?)")) {
            insert.setString(1, versionId);
            insert.setString(2, modelId);
            insert.setString(3, sensor);
            insert.setString(4, type);
            insert.setDouble(5, score);
            insert.executeUpdate();
        }
    }

    private static String now(Connection connection) throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:sqlite:") ? "'2025-10-01T00:00:00.000000Z'"
                : "TIMESTAMP WITH TIME ZONE '2025-10-01 00:00:00+00'";
    }
}
