package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ActivationRecord;
import dev.modelregistry.domain.model.ActiveVersionAt;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelOverview;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.query.ActivationRow;
import dev.modelregistry.persistence.query.ReadModels;
import dev.modelregistry.persistence.query.VersionLine;
import dev.modelregistry.persistence.query.VersionRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the plain-SQL read models must answer: exactly what the aggregate holds (values, orders,
 * microsecond instants), for exactly the pair asked. Run on SQLite and PostgreSQL; every test
 * uses fresh sensor ids, so subclasses share one database per class.
 */
abstract class ReadModelsContract {

    private static int sensorCounter;

    protected abstract RegistryDatabase database();

    /** A connection to the database, for writing what the registry never writes. */
    protected abstract Connection connect() throws SQLException;

    private ReadModels reads() {
        return database().readModels();
    }

    private <T> T tx(Supplier<T> work) {
        return database().unitOfWork().execute(work);
    }

    private static synchronized String freshSensor() {
        sensorCounter++;
        return "read-sensor-" + System.nanoTime() + "-" + sensorCounter;
    }

    /** Saves a model of this pair with versions of these anomaly rates, registered one second apart. */
    private List<VersionId> saved(String sensor, String type, double... anomalyRates) {
        return tx(() -> {
            Model model = Fixtures.aModel(sensor, type);
            List<VersionId> ids = new java.util.ArrayList<>();
            for (int i = 0; i < anomalyRates.length; i++) {
                ids.add(register(model, anomalyRates[i], i + 1).id());
            }
            database().repository().save(model);
            return ids;
        });
    }

    private Model loaded(String sensor, String type) {
        return database().unitOfWork().read(() -> {
            Model model = database().repository().findByPair(SensorId.of(sensor), ModelType.of(type)).orElseThrow();
            model.versions().forEach(version -> version.lineage());
            model.history().size();
            return model;
        });
    }

    @Test
    void theActiveVersionIdIsTheOneTheAggregateChoseAndFollowsAPromotion() {
        String sensor = freshSensor();
        List<VersionId> ids = saved(sensor, "telemanom", 0.05, 0.01);
        SensorId sensorId = SensorId.of(sensor);

        assertThat(reads().activeVersions().activeVersionId(sensorId, Fixtures.TELEMANOM)).contains(ids.get(1));
        tx(() -> {
            database().repository().findByPair(sensorId, Fixtures.TELEMANOM).orElseThrow().promote(ids.get(0), at(9));
            return null;
        });
        assertThat(reads().activeVersions().activeVersionId(sensorId, Fixtures.TELEMANOM)).contains(ids.get(0));
        assertThat(reads().activeVersions().activeVersion(sensorId, Fixtures.TELEMANOM)).map(VersionRow::activeSince)
                .contains(at(9));
    }

    @Test
    void lookupsByPairNeverAnswerWithTheModelOfAnotherPairThatDerivesTheSameId() {
        String sensor = freshSensor();
        SensorId owner = SensorId.of(sensor);
        ModelType ownerType = ModelType.of("x_a");
        SensorId other = SensorId.of("a_" + sensor);
        ModelType otherType = ModelType.of("x");
        assertThat(ModelId.of(other, otherType)).isEqualTo(ModelId.of(owner, ownerType));
        VersionId versionId = saved(sensor, "x_a", 0.05).get(0);

        assertThat(reads().activeVersions().activeVersionId(other, otherType)).isEmpty();
        assertThat(reads().activeVersions().activeVersion(other, otherType)).isEmpty();
        assertThat(reads().versions().newestFirst(other, otherType, false)).isEmpty();
        assertThat(reads().versions().ofSensor(other)).isEmpty();
        assertThat(reads().models().history(other, otherType)).isEmpty();
        assertThat(reads().models().overviews(Optional.of(otherType), Optional.of(other))).isEmpty();
        assertThat(reads().activeVersions().activeVersionId(owner, ownerType)).contains(versionId);
        assertThat(reads().versions().newestFirst(owner, ownerType, false)).extracting(VersionLine::versionId)
                .containsExactly(versionId.value());
    }

    @Test
    void theActiveModelComesInOneRowWithEveryFactTheAggregateHoldsItsLineageAndSinceWhenItIsActive() {
        String sensor = freshSensor();
        VersionId best = saved(sensor, "telemanom", 0.05, 0.01).get(1);
        ModelVersion expected = loaded(sensor, "telemanom").findVersion(best).orElseThrow();

        VersionRow row = reads().activeVersions().activeVersion(SensorId.of(sensor), Fixtures.TELEMANOM).orElseThrow();

        assertSameFacts(row, expected);
        assertThat(row.active()).isTrue();
        assertThat(row.activeSince()).isEqualTo(at(2)).isEqualTo(expected.createdAt());
        assertThat(reads().versions().details(best)).contains(row);
    }

    @Test
    void aVersionThatIsNotActiveHasItsDetailsAndLineageButNoActiveSince() {
        String sensor = freshSensor();
        VersionId runnerUp = saved(sensor, "telemanom", 0.05, 0.01).get(0);
        ModelVersion expected = loaded(sensor, "telemanom").findVersion(runnerUp).orElseThrow();

        VersionRow row = reads().versions().details(runnerUp).orElseThrow();

        assertSameFacts(row, expected);
        assertThat(row.active()).isFalse();
        assertThat(row.activeSince()).isNull();
        assertThat(reads().versions().lineage(runnerUp)).contains(row.lineage());
        assertThat(reads().versions().details(VersionId.of("ffffffffffff"))).isEmpty();
        assertThat(reads().versions().lineage(VersionId.of("ffffffffffff"))).isEmpty();
    }

    private static void assertSameFacts(VersionRow row, ModelVersion expected) {
        assertThat(row.versionId()).isEqualTo(expected.id().value());
        assertThat(row.modelId()).isEqualTo(expected.modelId().value());
        assertThat(row.sensorId()).isEqualTo(expected.sensorId().value());
        assertThat(row.modelType()).isEqualTo(expected.modelType().value());
        assertThat(row.createdAt()).isEqualTo(expected.createdAt()).hasToString(expected.createdAt().toString());
        assertThat(row.trainingConfig()).isEqualTo(expected.trainingConfig());
        assertThat(row.trainingMetrics()).isEqualTo(expected.trainingMetrics());
        assertThat(row.validationMetrics()).isEqualTo(expected.validationMetrics());
        assertThat(row.modelSizeBytes()).isEqualTo(expected.modelSizeBytes());
        assertThat(Optional.ofNullable(row.trainingTimeSeconds())).isEqualTo(expected.trainingTimeSeconds());
        assertThat(Optional.ofNullable(row.dataHash())).isEqualTo(expected.dataHash());
        assertThat(Optional.ofNullable(row.modelHash())).isEqualTo(expected.modelHash());
        assertThat(Optional.ofNullable(row.modelPath())).isEqualTo(expected.modelPath());
        assertThat(Optional.ofNullable(row.description())).isEqualTo(expected.description());
        assertThat(row.tags()).isEqualTo(expected.tags());
        assertThat(row.performanceScore()).isEqualTo(expected.performanceScore());
        var lineage = expected.lineage().orElseThrow();
        assertThat(row.lineage().versionId()).isEqualTo(expected.id().value());
        assertThat(row.lineage().dataHash()).isEqualTo(lineage.dataHash());
        assertThat(Optional.ofNullable(row.lineage().dataSource())).isEqualTo(lineage.dataSource());
        assertThat(Optional.ofNullable(row.lineage().dataStartDate())).isEqualTo(lineage.dataStartDate());
        assertThat(Optional.ofNullable(row.lineage().dataEndDate())).isEqualTo(lineage.dataEndDate());
        assertThat(Optional.ofNullable(row.lineage().numSamples())).isEqualTo(lineage.numSamples());
        assertThat(row.lineage().recordedAt()).isEqualTo(lineage.recordedAt());
    }

    @Test
    void storedJsonThatCannotBeReadShowsAsUnreadableAsTheAggregateReadsIt() throws SQLException {
        String sensor = freshSensor();
        VersionId id = saved(sensor, "telemanom", 0.05).get(0);
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE versions SET training_config = ?, tags = ? WHERE version_id = ?")) {
            update.setString(1, "{not json");
            update.setString(2, "[1, {}]");
            update.setString(3, id.value());
            update.executeUpdate();
        }

        VersionRow row = reads().versions().details(id).orElseThrow();

        assertThat(row.trainingConfig().isUnreadable()).isTrue();
        assertThat(row.tags().isUnreadable()).isTrue();
        assertThat(row.trainingMetrics().isUnreadable()).isFalse();
    }

    @Test
    void listingsComeInTheAggregatesOrdersNewestFirstAndBestFirst() {
        String sensor = freshSensor();
        List<VersionId> telemanom = saved(sensor, "telemanom", 0.05, 0.01, 0.0325);
        List<VersionId> transformer = saved(sensor, "transformer", 0.02);
        SensorId sensorId = SensorId.of(sensor);

        assertThat(reads().versions().newestFirst(sensorId, Fixtures.TELEMANOM, false)).extracting(VersionLine::versionId)
                .containsExactly(telemanom.get(2).value(), telemanom.get(1).value(), telemanom.get(0).value());
        assertThat(reads().versions().ofSensor(sensorId).orElseThrow()).extracting(VersionLine::versionId)
                .containsExactly(telemanom.get(2).value(), telemanom.get(1).value(), telemanom.get(0).value(),
                        transformer.get(0).value());
        List<String> mine = List.of(telemanom.get(0).value(), telemanom.get(1).value(), telemanom.get(2).value(),
                transformer.get(0).value());
        assertThat(reads().versions().scoredAtLeast(0.9)).extracting(VersionLine::versionId).filteredOn(mine::contains)
                .containsExactly(telemanom.get(1).value(), transformer.get(0).value(), telemanom.get(2).value(),
                        telemanom.get(0).value());
        VersionLine line = reads().versions().newestFirst(sensorId, Fixtures.TELEMANOM, false).get(1);
        ModelVersion expected = loaded(sensor, "telemanom").findVersion(telemanom.get(1)).orElseThrow();
        assertThat(line).isEqualTo(new VersionLine(expected.id().value(), expected.modelId().value(),
                expected.createdAt(), expected.performanceScore(), true, expected.modelPath().orElseThrow(), null));
    }

    @Test
    void aSensorIsKnownWhileAModelHasItEvenWithoutVersions() {
        String sensor = freshSensor();
        VersionId only = saved(sensor, "telemanom", 0.05).get(0);
        tx(() -> {
            database().repository().findByPair(SensorId.of(sensor), Fixtures.TELEMANOM).orElseThrow()
                    .deleteVersion(only, true, at(5));
            return null;
        });

        assertThat(reads().versions().ofSensor(SensorId.of(sensor))).contains(List.of());
        assertThat(reads().versions().ofSensor(SensorId.of(freshSensor()))).isEmpty();
        assertThat(reads().activeVersions().activeVersionId(SensorId.of(sensor), Fixtures.TELEMANOM)).isEmpty();
        assertThat(reads().activeVersions().activeVersion(SensorId.of(sensor), Fixtures.TELEMANOM)).isEmpty();
    }

    @Test
    void overviewsAreFilteredByTypeAndSensorAndCountTheVersions() {
        String sensor = freshSensor();
        saved(sensor, "telemanom", 0.05, 0.01);
        saved(sensor, "transformer", 0.02);
        Model telemanom = loaded(sensor, "telemanom");

        List<ModelOverview> ofSensor = reads().models().overviews(Optional.empty(), Optional.of(SensorId.of(sensor)));
        assertThat(ofSensor).extracting(ModelOverview::modelType)
                .containsExactly(Fixtures.TELEMANOM, ModelType.of("transformer"));
        assertThat(ofSensor.get(0)).isEqualTo(new ModelOverview(telemanom.id(), telemanom.sensorId(),
                telemanom.modelType(), telemanom.activeVersionId(), 2, telemanom.bestScore(), telemanom.createdAt(),
                telemanom.updatedAt()));
        assertThat(reads().models().overviews(Optional.of(ModelType.of("transformer")), Optional.of(SensorId.of(sensor))))
                .extracting(ModelOverview::versionCount).containsExactly(1L);
        assertThat(reads().models().overviews(Optional.of(ModelType.of("transformer")), Optional.empty()))
                .extracting(ModelOverview::modelType).containsOnly(ModelType.of("transformer"))
                .extracting(ModelType::value).isNotEmpty();
        tx(() -> {
            database().repository().save(Fixtures.aModel(sensor, "empty"));
            return null;
        });
        assertThat(reads().models().overviews(Optional.of(ModelType.of("empty")), Optional.of(SensorId.of(sensor))))
                .singleElement().satisfies(empty -> {
                    assertThat(empty.activeVersion()).isEmpty();
                    assertThat(empty.versionCount()).isZero();
                    assertThat(empty.bestScore()).isEmpty();
                    assertThat(empty.createdAt()).isEqualTo(Fixtures.T0);
                });
        List<ModelOverview> all = reads().models().overviews(Optional.empty(), Optional.empty());
        assertThat(all).extracting(overview -> overview.modelId().value()).isSorted().contains(telemanom.id().value());
    }

    @Test
    void theHistoryIsOldestFirstAndTheDomainsRuleReadsItAsTheAggregateDoes() {
        String sensor = freshSensor();
        List<VersionId> ids = saved(sensor, "telemanom", 0.05, 0.01);
        tx(() -> {
            database().repository().findByPair(SensorId.of(sensor), Fixtures.TELEMANOM).orElseThrow()
                    .deleteVersion(ids.get(1), true, at(5));
            return null;
        });
        Model model = loaded(sensor, "telemanom");

        List<ActivationRow> history = reads().models().history(SensorId.of(sensor), Fixtures.TELEMANOM).orElseThrow();

        assertThat(history).extracting(ActivationRecord::reason)
                .containsExactly(ActivationReason.REGISTERED, ActivationReason.REGISTERED, ActivationReason.REELECTED);
        for (int i = 0; i < history.size(); i++) {
            ActivationChange change = model.history().get(i);
            assertThat(history.get(i)).isEqualTo(new ActivationRow(change.sequenceNo(), change.versionId(),
                    change.previousVersionId(), change.reason(), change.score(), change.previousScore(),
                    change.changedAt(), change.alias(), change.note()));
        }
        for (int second = 0; second <= 6; second++) {
            ActiveVersionAt fromRows = ActivationRecord.activeAt(history, at(second));
            assertThat(fromRows).as("at %ss", second).isEqualTo(model.activeAt(at(second)));
        }
    }

    @Test
    void statisticsCountWhatWasAddedAndKnowTheNewestVersion() {
        RegistryStatistics before = reads().statistics().statistics();
        String sensor = freshSensor();
        saved(sensor, "telemanom", 0.05, 0.01);
        saved(sensor, "stats_type_" + sensor.hashCode() % 1000, 0.02);

        RegistryStatistics after = reads().statistics().statistics();

        assertThat(after.totalModels()).isEqualTo(before.totalModels() + 2);
        assertThat(after.totalVersions()).isEqualTo(before.totalVersions() + 3);
        assertThat(after.activeVersions()).isEqualTo(before.activeVersions() + 2);
        assertThat(after.modelsByType().get("telemanom"))
                .isEqualTo(before.modelsByType().getOrDefault("telemanom", 0L) + 1);
        assertThat(after.versionsByType().get("telemanom"))
                .isEqualTo(before.versionsByType().getOrDefault("telemanom", 0L) + 2);
        assertThat(after.newestVersionAt()).isPresent();
        assertThat(after.averageScore()).isPresent();
    }
}
