package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.RandomVersionIdGenerator;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.nio.file.Path;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a model loads its row, not its versions: registering into a model with 10,000
 * versions loads the model and its current champion only (Hibernate queues the addition to the
 * uninitialized inverse bag), counted with Hibernate statistics.
 */
class LazyVersionsTest {

    private static final int VERSIONS = 10_000;
    private static final RandomVersionIdGenerator IDS = new RandomVersionIdGenerator();
    private static final ModelId MODEL = new ModelId("telemanom_big");

    @TempDir
    static Path registryDir;

    private static RegistryDatabase database;

    @BeforeAll
    static void fillOneModelWithTenThousandVersions() {
        database = RegistryDatabase.openSqlite(registryDir, Map.of(AvailableSettings.GENERATE_STATISTICS, "true"));
        database.unitOfWork().run(() -> {
            Model model = Fixtures.aModel("big", "telemanom");
            for (int i = 0; i < VERSIONS; i++) {
                model.register(IDS.nextId(), aSpec(metricsWithAnomalyRate(0.05 + (i % 40) / 1000.0)), SCORING,
                        Fixtures.at(i));
            }
            database.repository().save(model);
        });
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    private static Statistics statistics() {
        Statistics statistics = database.sessionFactory().getStatistics();
        statistics.clear();
        return statistics;
    }

    @Test
    void registeringALosingVersionLoadsOnlyTheModel() {
        Statistics statistics = statistics();
        VersionId id = database.unitOfWork().execute(() -> database.repository().findById(MODEL).orElseThrow()
                .register(IDS.nextId(), aSpec(metricsWithAnomalyRate(0.09)), SCORING, Fixtures.at(VERSIONS + 1)).id());

        assertThat(statistics.getCollectionLoadCount()).isZero();
        assertThat(statistics.getEntityLoadCount()).isEqualTo(1);
        assertThat(statistics.getEntityInsertCount()).isEqualTo(1);
        assertThat(database.repository().findVersion(id)).isPresent();
    }

    @Test
    void registeringAWinningVersionLoadsTheModelAndTheChampionItReplaces() {
        Statistics statistics = statistics();
        VersionId id = database.unitOfWork().execute(() -> database.repository().findById(MODEL).orElseThrow()
                .register(IDS.nextId(), aSpec(metricsWithAnomalyRate(0.001 + System.nanoTime() % 7 / 1e6)), SCORING,
                        Fixtures.at(VERSIONS + 2)).id());

        assertThat(statistics.getCollectionLoadCount()).isZero();
        assertThat(statistics.getEntityLoadCount()).isLessThanOrEqualTo(2);
        assertThat(database.readModels().activeVersions().activeVersionId(SensorId.of("big"), Fixtures.TELEMANOM)).contains(id);
    }

    @Test
    void theActiveVersionIsFoundWithoutLoadingAnyEntity() {
        Statistics statistics = statistics();
        assertThat(database.readModels().activeVersions().activeVersionId(SensorId.of("big"), Fixtures.TELEMANOM)).isPresent();
        assertThat(statistics.getEntityLoadCount()).isZero();
        assertThat(statistics.getCollectionLoadCount()).isZero();
    }
}
