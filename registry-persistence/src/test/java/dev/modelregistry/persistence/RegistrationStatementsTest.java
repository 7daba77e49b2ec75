package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a registration costs in statements on SQLite, counted at the JDBC connection: after the
 * first registrations every statement comes out of the connection's cache (nothing is compiled
 * again), a winning registration updates one row through Hibernate (the model's: the previous
 * champion's row is never rewritten) and a losing one runs no change-feed statement.
 */
class RegistrationStatementsTest {

    private static final int REGISTRATIONS = 20;

    @TempDir
    Path registryDir;

    @Test
    void repeatedRegistrationsCompileNoStatementAndRewriteNoVersionRow() throws SQLException {
        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir,
                Map.of(AvailableSettings.GENERATE_STATISTICS, "true"))) {
            ModelRepository repository = database.repository();
            SqliteStatementCache statements = database.dataSource().unwrap(SqliteStatementCache.class);
            Statistics statistics = database.sessionFactory().getStatistics();
            for (int i = 0; i < 5; i++) { // warm-up: the model exists, every statement was compiled once
                register(database, repository, 0.5 - i / 100.0, i);
                register(database, repository, 0.9, 100 + i);
            }

            statistics.clear();
            long requested = statements.statementsRequested();
            long compiled = statements.statementsCompiled();
            for (int i = 0; i < REGISTRATIONS; i++) {
                register(database, repository, 0.3 - i / 1000.0, 200 + i); // each one wins
            }
            long perWin = (statements.statementsRequested() - requested) / REGISTRATIONS;
            assertThat(statements.statementsCompiled() - compiled).as("statements compiled again").isZero();
            assertThat(statistics.getEntityUpdateCount()).as("rows updated through Hibernate (the models' only)")
                    .isEqualTo(REGISTRATIONS);

            requested = statements.statementsRequested();
            for (int i = 0; i < REGISTRATIONS; i++) {
                register(database, repository, 0.9, 300 + i); // each one loses
            }
            long perLoss = (statements.statementsRequested() - requested) / REGISTRATIONS;
            System.out.println("statements per registration on SQLite: " + perWin + " winning, " + perLoss + " losing");
            assertThat(perLoss).as("a losing registration numbers no feed cursor").isLessThan(perWin);
        }
    }

    private static void register(RegistryDatabase database, ModelRepository repository, double anomalyRate, int at) {
        database.unitOfWork().run(() -> {
            Instant now = Fixtures.at(at);
            Model model = Model.forPair(SensorId.of("sensor_1"), ModelType.of("telemanom"),
                    repository.findById(ModelId.of(SensorId.of("sensor_1"), ModelType.of("telemanom"))), now);
            model.register(Fixtures.nextVersionId(), Fixtures.aVersionWithAnomalyRate(anomalyRate), Fixtures.SCORING, now);
            repository.save(model);
        });
    }
}
