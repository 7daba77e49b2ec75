package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.DuplicateVersionException;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the schema and the mappings guarantee on a real database, run on SQLite and PostgreSQL:
 * Hibernate validated the Liquibase schema on open, foreign keys hold, lineage goes with its
 * version, instants keep their microseconds, ids clash as domain exceptions, and the database
 * itself refuses a second active version.
 */
abstract class DatabaseBehaviourTest {

    private static final RandomVersionIdGenerator IDS = new RandomVersionIdGenerator();

    /** The test class's database (a static {@code @RegisterExtension} field of the subclass). */
    protected abstract ClassDatabase db();

    protected RegistryDatabase database() {
        return db().database();
    }

    protected Connection connect() throws SQLException {
        return db().connect();
    }

    private static String freshSensor() {
        return "behaviour-" + UUID.randomUUID();
    }

    private VersionId registerOne(String sensor, Instant at) {
        return database().unitOfWork().execute(() -> {
            Model model = Fixtures.aModel(sensor, "telemanom");
            VersionId id = model.register(IDS.nextId(), aSpec(metricsWithAnomalyRate(0.05)), SCORING, at).id();
            database().repository().save(model);
            return id;
        });
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void openingRanLiquibaseToTheLatestReleaseAndHibernateValidatedTheSchema() throws SQLException {
        assertThat(count("select count(*) from databasechangelog where filename = ?", "model-registry/1.1.xml"))
                .isGreaterThanOrEqualTo(6);
        assertThat(database().sessionFactory().isOpen()).isTrue();
    }

    @Test
    void aVersionOfAnUnknownModelIsRefusedByTheForeignKey() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "insert into versions (version_id, model_id, sensor_id, model_type, created_at, is_active,"
                            + " performance_score) values ('orphan000001', 'telemanom_nobody', 'nobody', 'telemanom', "
                            + timestampLiteral() + ", false, 0.5)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(foreignKeyWord());
        }
    }

    protected abstract String timestampLiteral();

    protected abstract String foreignKeyWord();

    @Test
    void deletingAVersionDeletesItsLineageRow() throws SQLException {
        String sensor = freshSensor();
        VersionId versionId = registerOne(sensor, Fixtures.T0);
        assertThat(count("select count(*) from data_lineage where version_id = ?", versionId.value())).isEqualTo(1);

        database().unitOfWork().run(() -> database().repository().findByVersion(versionId).orElseThrow()
                .deleteVersion(versionId, true, Fixtures.at(10)));

        assertThat(count("select count(*) from versions where version_id = ?", versionId.value())).isZero();
        assertThat(count("select count(*) from data_lineage where version_id = ?", versionId.value())).isZero();
    }

    @Test
    void deletingAVersionRowInSqlCascadesToItsLineage() throws SQLException {
        VersionId versionId = registerOne(freshSensor(), Fixtures.T0);
        try (Connection connection = connect();
             PreparedStatement delete = connection.prepareStatement("delete from versions where version_id = ?")) {
            delete.setString(1, versionId.value());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        assertThat(count("select count(*) from data_lineage where version_id = ?", versionId.value())).isZero();
    }

    @Test
    void instantsRoundTripWithMicroseconds() {
        Instant at = Instant.parse("2025-09-29T21:57:26.679550Z");
        String sensor = freshSensor();
        VersionId versionId = registerOne(sensor, at);

        ModelVersion version = database().unitOfWork().execute(() -> database().repository().findVersion(versionId))
                .orElseThrow();
        assertThat(version.createdAt()).isEqualTo(at);
        assertThat(version.lineage().orElseThrow().recordedAt()).isEqualTo(at);
        Model model = database().unitOfWork().execute(() -> {
            Model found = database().repository().findById(new ModelId("telemanom_" + sensor)).orElseThrow();
            assertThat(found.history()).first().satisfies(change -> assertThat(change.changedAt()).isEqualTo(at));
            return found;
        });
        assertThat(model.createdAt()).isEqualTo(Fixtures.T0);
        assertThat(model.updatedAt()).isEqualTo(at);
    }

    @Test
    void aVersionIdThatExistsInAnotherModelIsADuplicate() {
        VersionId taken = registerOne(freshSensor(), Fixtures.T0);
        String otherSensor = freshSensor();

        assertThatThrownBy(() -> database().unitOfWork().run(() -> {
            Model model = Fixtures.aModel(otherSensor, "telemanom");
            model.register(taken, aSpec(metricsWithAnomalyRate(0.05)), SCORING, Fixtures.T0);
            database().repository().save(model);
        })).isInstanceOf(DuplicateVersionException.class)
                .satisfies(e -> assertThat(((DuplicateVersionException) e).versionId()).isEqualTo(taken.value()));
    }

    @Test
    void theDatabaseRefusesASecondActiveVersionOfAModel() throws SQLException {
        String sensor = freshSensor();
        VersionId first = registerOne(sensor, Fixtures.T0);
        VersionId second = database().unitOfWork().execute(() -> {
            Model model = database().repository().findById(new ModelId("telemanom_" + sensor)).orElseThrow();
            return model.register(IDS.nextId(), aSpec(metricsWithAnomalyRate(0.09)), SCORING, Fixtures.at(1)).id();
        });
        assertThat(database().readModels().activeVersions().activeVersionId(SensorId.of(sensor), Fixtures.TELEMANOM)).contains(first);

        try (Connection connection = connect();
             PreparedStatement activate = connection.prepareStatement(
                     "update versions set is_active = true where version_id = ?")) {
            activate.setString(1, second.value());
            assertThatThrownBy(activate::executeUpdate).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void promotingAndReelectingMoveTheActiveFlagWithoutClashingWithTheOneActiveIndex() {
        String sensor = freshSensor();
        ModelId modelId = new ModelId("telemanom_" + sensor);
        VersionId first = registerOne(sensor, Fixtures.T0);
        VersionId better = database().unitOfWork().execute(() -> database().repository().findById(modelId)
                .orElseThrow().register(IDS.nextId(), aSpec(metricsWithAnomalyRate(0.01)), SCORING, Fixtures.at(1)).id());
        assertThat(database().readModels().activeVersions().activeVersionId(SensorId.of(sensor), Fixtures.TELEMANOM)).contains(better);

        database().unitOfWork().run(() -> database().repository().findById(modelId).orElseThrow()
                .promote(first, Fixtures.at(2)));
        assertThat(database().readModels().activeVersions().activeVersionId(SensorId.of(sensor), Fixtures.TELEMANOM)).contains(first);

        database().unitOfWork().run(() -> database().repository().findById(modelId).orElseThrow()
                .deleteVersion(first, true, Fixtures.at(3)));
        assertThat(database().readModels().activeVersions().activeVersionId(SensorId.of(sensor), Fixtures.TELEMANOM)).contains(better);
    }
}
