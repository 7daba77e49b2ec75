package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.ImportedVersion;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.RestoredActivation;
import dev.modelregistry.domain.model.RestoredVersion;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.query.VersionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Since when the active version is active, kept on the models row ({@code models.active_since}),
 * is what searching the activation history gives, through every way the registry changes the
 * active version: registrations, promotions, re-election on a forced delete, the deletion of the
 * last version, retention clean-up, bulk import ({@code insertNew}), saving a restored model.
 * After each step every models row is checked against its history, and the details read model
 * answers the same. Run on SQLite and PostgreSQL by the read-model tests of both.
 */
interface ActiveSinceContract {

    AtomicInteger SENSORS = new AtomicInteger();

    RegistryDatabase database();

    /** A connection to the database, to compare the rows with the history. */
    Connection connect() throws SQLException;

    private static String freshSensor() {
        return "since-" + System.nanoTime() + "-" + SENSORS.incrementAndGet();
    }

    private void assertEveryModelAgreesWithItsHistory() throws SQLException {
        try (Connection connection = connect()) {
            ActiveSinceByHistory.assertEveryModelAgrees(connection);
            assertThat(ActiveSinceByHistory.modelsActiveSinceKnown(connection)).as("models known active since").isPositive();
        }
    }

    private Optional<Instant> activeSinceRead(String sensor) {
        return database().readModels().activeVersions().activeVersion(SensorId.of(sensor), Fixtures.TELEMANOM)
                .map(VersionRow::activeSince);
    }

    private void change(String sensor, Consumer<Model> change) {
        database().unitOfWork().run(() -> change.accept(
                database().repository().findByPair(SensorId.of(sensor), Fixtures.TELEMANOM).orElseThrow()));
    }

    @Test
    default void registrationsPromotionsReelectionsAndCleanUpKeepIt() throws SQLException {
        String sensor = freshSensor();
        List<VersionId> ids = new ArrayList<>();
        database().unitOfWork().run(() -> {
            Model model = Fixtures.aModel(sensor, "telemanom");
            ids.add(register(model, 0.05, 1).id());
            ids.add(register(model, 0.09, 2).id()); // loses
            database().repository().save(model);
        });
        assertEveryModelAgreesWithItsHistory();
        assertThat(activeSinceRead(sensor)).contains(at(1));

        change(sensor, model -> ids.add(register(model, 0.01, 3).id())); // wins
        assertEveryModelAgreesWithItsHistory();
        assertThat(activeSinceRead(sensor)).contains(at(3));

        change(sensor, model -> model.promote(ids.get(0), at(4)));
        assertEveryModelAgreesWithItsHistory();
        assertThat(activeSinceRead(sensor)).contains(at(4));
        assertThat(database().readModels().versions().details(ids.get(2)).orElseThrow().activeSince())
                .as("a version no longer active").isNull();

        change(sensor, model -> {
            for (int i = 5; i < 10; i++) {
                register(model, 0.09, i);
            }
        });
        change(sensor, model -> assertThat(model.retainNewest(2, at(20))).isNotEmpty());
        assertEveryModelAgreesWithItsHistory();
        assertThat(activeSinceRead(sensor)).as("clean-up keeps the active version").contains(at(4));

        change(sensor, model -> model.deleteVersion(ids.get(0), true, at(21))); // re-elects
        assertEveryModelAgreesWithItsHistory();
        assertThat(activeSinceRead(sensor)).contains(at(21));
        VersionId reelected = database().readModels().activeVersions().activeVersionId(SensorId.of(sensor), Fixtures.TELEMANOM)
                .orElseThrow();
        assertThat(database().readModels().versions().details(reelected).orElseThrow().activeSince()).isEqualTo(at(21));
    }

    @Test
    default void deletingTheLastVersionLeavesTheModelWithoutActiveSince() throws SQLException {
        String sensor = freshSensor();
        VersionId only = database().unitOfWork().execute(() -> {
            Model model = Fixtures.aModel(sensor, "telemanom");
            VersionId id = register(model, 0.05, 1).id();
            database().repository().save(model);
            return id;
        });

        change(sensor, model -> model.deleteVersion(only, true, at(2)));

        assertEveryModelAgreesWithItsHistory();
        assertThat(activeSinceRead(sensor)).isEmpty();
    }

    @Test
    default void bulkInsertedModelsAreActiveSinceTheirImport() throws SQLException {
        String sensor = freshSensor();
        List<Model> models = new ArrayList<>();
        for (String recorded : List.of("v1", "missing")) { // kept as recorded (MIGRATED), or re-elected
            String type = "since_" + recorded;
            Model model = Model.create(SensorId.of(sensor), ModelType.of(type), Fixtures.T0);
            List<ImportedVersion> versions = new ArrayList<>();
            for (int v = 0; v < 3; v++) {
                versions.add(new ImportedVersion(SensorId.of(sensor), ModelType.of(type),
                        VersionId.of(sensor + "-" + type + "-v" + v), at(v), 0.5 + v / 10.0,
                        Fixtures.aVersionWithAnomalyRate(0.05)));
            }
            model.importVersions(versions, VersionId.of(sensor + "-" + type + "-" + recorded), at(50));
            models.add(model);
        }

        database().unitOfWork().run(() -> database().repository().insertNew(models));

        assertEveryModelAgreesWithItsHistory();
        for (String type : List.of("since_v1", "since_missing")) {
            assertThat(database().readModels().activeVersions().activeVersion(SensorId.of(sensor), ModelType.of(type))
                    .map(VersionRow::activeSince)).as(type).contains(at(50));
        }
    }

    @Test
    default void aSavedRestoredModelIsActiveSinceItsLastHistoryEntry() throws SQLException {
        String sensor = freshSensor();
        VersionId first = VersionId.of(sensor + "-a");
        VersionId second = VersionId.of(sensor + "-b");
        List<RestoredVersion> versions = List.of(
                RestoredVersion.of(first, at(1), 0.9, false, "sha256-of-training-data", Fixtures.aVersionWithAnomalyRate(0.02), null),
                RestoredVersion.of(second, at(2), 0.8, true, "sha256-of-training-data", Fixtures.aVersionWithAnomalyRate(0.05), null));
        List<RestoredActivation> history = List.of(
                RestoredActivation.of(1, first, null, ActivationReason.REGISTERED, 0.9, null, at(1)),
                RestoredActivation.of(2, second, first, ActivationReason.PROMOTED, 0.8, 0.9, at(7)));
        Model restored = Model.restore(SensorId.of(sensor), Fixtures.TELEMANOM, at(0), at(7), versions, second, history);

        database().unitOfWork().run(() -> database().repository().save(restored));

        assertEveryModelAgreesWithItsHistory();
        assertThat(activeSinceRead(sensor)).contains(at(7));
    }
}
