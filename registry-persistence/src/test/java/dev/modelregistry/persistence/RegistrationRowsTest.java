package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.VersionId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving a loaded model that only gained versions writes their rows outside the session's flush,
 * with the other calls' of its batch and before anything of the unit of work reads (README "The active flag and the write path"): the model stays managed, so
 * further changes of it in the same unit of work are written too, and a model whose other changes
 * only the flush can write (a promotion, a deletion) is left to the flush with everything it holds.
 */
class RegistrationRowsTest {

    private static final RandomVersionIdGenerator IDS = new RandomVersionIdGenerator();
    private static final ModelId MODEL = new ModelId("telemanom_rows");

    @TempDir
    Path registryDir;

    private RegistryDatabase database;
    private VersionId first;
    private VersionId second;

    @BeforeEach
    void aModelWithTwoVersions() {
        database = RegistryDatabase.openSqlite(registryDir, Map.of(AvailableSettings.GENERATE_STATISTICS, "true"));
        first = IDS.nextId();
        second = IDS.nextId();
        database.unitOfWork().run(() -> {
            Model model = Fixtures.aModel("rows", "telemanom");
            model.register(first, aSpec(metricsWithAnomalyRate(0.05)), SCORING, Fixtures.at(1));
            model.register(second, aSpec(metricsWithAnomalyRate(0.09)), SCORING, Fixtures.at(2));
            database.repository().save(model);
        });
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aRegistrationsRowsAreWrittenAfterTheModelIsSavedBeforeAnythingReadsNotByTheFlush() {
        Statistics statistics = database.sessionFactory().getStatistics();
        statistics.clear();
        VersionId winner = IDS.nextId();
        database.unitOfWork().run(() -> {
            Model model = database.repository().findById(MODEL).orElseThrow();
            model.register(winner, aSpec(metricsWithAnomalyRate(0.02)), SCORING, Fixtures.at(3));
            database.repository().save(model);
            assertThat(statistics.getEntityInsertCount()).as("pending after the save: written with the batch's").isZero();
            assertThat(database.repository().findVersion(winner)).as("a read of the same unit of work sees it").isPresent();
            assertThat(statistics.getEntityInsertCount()).as("version and history entry, before the read").isEqualTo(2);
            assertThat(statistics.getEntityUpdateCount()).as("the model row, before the read").isEqualTo(1);
        });

        assertThat(statistics.getEntityInsertCount()).as("nothing inserted again by the flush").isEqualTo(2);
        assertThat(statistics.getEntityUpdateCount()).as("nothing updated again by the flush").isEqualTo(1);
        Stored stored = stored();
        assertThat(stored.activeVersionId()).contains(winner);
        assertThat(stored.history()).last().isEqualTo(ActivationReason.REGISTERED);
        assertThat(stored.versionIds()).hasSize(3);
    }

    @Test
    void aModelRegisteredIntoTwiceInOneUnitOfWorkWithoutReloadingKeepsBothVersionsAndTheBestActive() {
        VersionId loser = IDS.nextId();
        VersionId winner = IDS.nextId();
        database.unitOfWork().run(() -> {
            Model model = database.repository().findById(MODEL).orElseThrow();
            model.register(winner, aSpec(metricsWithAnomalyRate(0.02)), SCORING, Fixtures.at(3));
            database.repository().save(model);
            model.register(loser, aSpec(metricsWithAnomalyRate(0.12)), SCORING, Fixtures.at(4));
            database.repository().save(model);
        });

        Stored stored = stored();
        assertThat(stored.versionIds()).containsExactly(first, second, winner, loser);
        assertThat(stored.activeVersionId()).contains(winner);
        assertThat(stored.history()).as("history entries: the first registration's and the winner's").hasSize(2);
    }

    @Test
    void aPromotionAfterASavedRegistrationOfTheSameModelInOneUnitOfWorkSeesTheRegisteredVersion() throws SQLException {
        VersionId winner = IDS.nextId();
        database.unitOfWork().run(() -> {
            Model model = database.repository().findById(MODEL).orElseThrow();
            model.register(winner, aSpec(metricsWithAnomalyRate(0.02)), SCORING, Fixtures.at(3));
            database.repository().save(model); // its rows pending
            model.promote(second, Fixtures.at(4)); // reads the versions: the pending rows are written first
            database.repository().save(model);
        });

        Stored stored = stored();
        assertThat(stored.versionIds()).containsExactly(first, second, winner);
        assertThat(stored.activeVersionId()).contains(second);
        assertThat(stored.history()).containsExactly(ActivationReason.REGISTERED, ActivationReason.REGISTERED,
                ActivationReason.PROMOTED);
        assertThat(flaggedActive()).as("the versions flagged active").containsExactly(second.value());
    }

    @Test
    void aPromotionAndARegistrationOfOneModelInOneUnitOfWorkAreBothWritten() {
        VersionId loser = IDS.nextId();
        database.unitOfWork().run(() -> {
            Model model = database.repository().findById(MODEL).orElseThrow();
            model.promote(second, Fixtures.at(3)); // reads the versions: only the flush can write this model
            model.register(loser, aSpec(metricsWithAnomalyRate(0.12)), SCORING, Fixtures.at(4));
            database.repository().save(model);
        });

        Stored stored = stored();
        assertThat(stored.activeVersionId()).contains(second);
        assertThat(stored.history()).containsExactly(ActivationReason.REGISTERED, ActivationReason.PROMOTED);
        assertThat(stored.versionIds()).contains(loser);
    }

    @Test
    void aRegistrationAfterADeletionInOneUnitOfWorkLeavesTheDeletedVersionDeleted() {
        VersionId winner = IDS.nextId();
        database.unitOfWork().run(() -> {
            Model model = database.repository().findById(MODEL).orElseThrow();
            model.deleteVersion(second, false, Fixtures.at(3));
            model.register(winner, aSpec(metricsWithAnomalyRate(0.02)), SCORING, Fixtures.at(4));
            database.repository().save(model);
        });

        Stored stored = stored();
        assertThat(stored.versionIds()).isEqualTo(List.of(first, winner));
        assertThat(stored.activeVersionId()).contains(winner);
    }

    private List<String> flaggedActive() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version_id from versions where is_active")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** What the database holds for the model, read afresh. */
    private record Stored(List<VersionId> versionIds, Optional<VersionId> activeVersionId,
                          List<ActivationReason> history) {
    }

    private Stored stored() {
        return database.unitOfWork().read(() -> {
            Model model = database.repository().findAllWithVersions(List.of(MODEL)).get(0);
            return new Stored(model.versions().stream().map(version -> version.id()).toList(), model.activeVersionId(),
                    model.history().stream().map(entry -> entry.reason()).toList());
        });
    }
}
