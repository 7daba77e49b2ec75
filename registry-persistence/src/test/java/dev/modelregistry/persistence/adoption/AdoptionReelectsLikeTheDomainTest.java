package dev.modelregistry.persistence.adoption;

import static dev.modelregistry.persistence.adoption.PythonRegistries.PYTHON_DDL;
import static dev.modelregistry.persistence.adoption.PythonRegistries.model;
import static dev.modelregistry.persistence.adoption.PythonRegistries.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.persistence.RegistryDatabase;

import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.Reelection;
import dev.modelregistry.domain.model.SensorId;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-election among equals has one definition (docs/rules.md, R7): the adoption SQL of a
 * Python-written database (changelog/releases/1.1-adopt.xml) picks the same version as the
 * domain's {@link Reelection} when scores and creation times tie, whatever the row order.
 */
class AdoptionReelectsLikeTheDomainTest {

    @TempDir
    Path registryDir;

    @Test
    void aDanglingActiveVersionAmongEqualScoresAndTimesGoesToTheVersionTheDomainWouldElect() throws Exception {
        PythonRegistries.pythonDatabase(registryDir, PYTHON_DDL,
                model("telemanom_S1", "deleted1", "2025-01-01 10:00:00", "2025-01-01T10:00:00"),
                version("bbbb", "telemanom_S1", "2025-01-01T10:00:02", 0, 0.8),
                version("aaaa", "telemanom_S1", "2025-01-01T10:00:02", 0, 0.8),
                version("cccc", "telemanom_S1", "2025-01-01T10:00:02", 0, 0.8),
                version("low", "telemanom_S1", "2025-01-01T10:00:09", 0, 0.5));

        RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC);

        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir)) {
            String[] activeAndWinner = database.unitOfWork().read(() -> {
                Model adopted = database.repository().findByPair(SensorId.of("S1"), ModelType.of("telemanom")).orElseThrow();
                return new String[] {adopted.activeVersionId().orElseThrow().value(),
                        Reelection.winner(adopted.versions()).orElseThrow().id().value()};
            });
            assertThat(activeAndWinner[0]).isEqualTo("cccc").isEqualTo(activeAndWinner[1]);
        }
    }
}
