package dev.modelregistry.persistence.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.RegistryStatistics;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.StatisticsByScan;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by the Python registry (the fixture with every defect of its README)
 * is counted when it is adopted: after the repairs, so the statistics are those of the
 * repaired rows, and the kept counts equal counting them.
 */
class AdoptedStatisticsTest {

    @TempDir
    Path registryDir;

    @Test
    void anAdoptedPythonDatabaseHasStatisticsEqualToCountingItsRepairedRows() throws Exception {
        Path file = PythonRegistries.copyFixture(registryDir);

        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir);
             Connection connection = PythonRegistries.readOnly(file)) {
            RegistryStatistics statistics = database.readModels().statistics().statistics();

            assertThat(statistics.totalModels()).isEqualTo(PythonRegistries.count(file, "SELECT COUNT(*) FROM models"));
            assertThat(statistics.totalVersions()).isEqualTo(32);
            StatisticsByScan.assertKeptCountsMatch(statistics, connection);
        }
    }
}
