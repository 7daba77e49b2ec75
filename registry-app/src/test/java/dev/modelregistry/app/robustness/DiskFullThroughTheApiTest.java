package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.RegistryException;
import dev.modelregistry.domain.RegistryUnavailableException;
import dev.modelregistry.persistence.RegistryInvariants;
import dev.modelregistry.persistence.SqliteFaults;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * registerModel, promoteVersion and deleteVersion through the public API while the disk is
 * nearly full (SQLite's page budget almost spent, topped up by a page or two now and then, as
 * when an operator frees a little space). After every call: each model with versions has
 * exactly one active version, {@code is_active} agrees with {@code active_version}, the history
 * agrees with both; a call that threw is a {@link RegistryUnavailableException} saying "disk
 * full" and committed nothing; a call that returned did what it said. Once there is space,
 * every model can be promoted and registered into again.
 */
class DiskFullThroughTheApiTest {

    private static final int CALLS = 90;
    /** Scores 1.0, more than any other rate used here (0.011 and up). */
    private static final double BEST_RATE = 0.01;
    private static final String[] SENSORS = {"s1", "s2", "s3", "s4"};

    @TempDir
    Path dir;

    private int invariantChecks;

    @Test
    void callsOnANearlyFullDiskFailCleanlyAndKeepEveryInvariant() throws SQLException {
        Random random = new Random(20251202);
        int failures = 0;
        try (SqliteFaults faults = SqliteFaults.open(dir.resolve("registry"));
             ModelRegistry registry = FaultyRegistry.on(faults, dir)) {
            for (String sensor : SENSORS) {
                registry.registerModel(registration(sensor, random, 0.05));
            }
            faults.fillDisk(2);
            for (int call = 0; call < CALLS; call++) {
                if (call % 15 == 14) {
                    faults.fillDisk(1); // a little space freed
                }
                String before = faults.rows();
                try {
                    callAndCheckItsEffect(registry, random);
                } catch (RegistryException failure) {
                    failures++;
                    assertThat(failure).isInstanceOf(RegistryUnavailableException.class)
                            .hasMessageContaining("disk full (no space left on device)");
                    assertThat(faults.rows()).as("call %d threw: nothing committed", call).isEqualTo(before);
                    invariantChecks++;
                }
                checkInvariants(faults);
            }
            assertThat(failures).as("the disk was full for part of the run").isPositive().isLessThan(CALLS);

            faults.freeDisk();
            for (String sensor : SENSORS) {
                List<VersionSummary> versions = registry.listVersions(sensor, "telemanom");
                String oldest = versions.get(versions.size() - 1).versionId();
                registry.promoteVersion(oldest);
                assertThat(registry.getActiveModelVersion(sensor, "telemanom")).contains(oldest);
                String best = registry.registerModel(registration(sensor, random, BEST_RATE));
                assertThat(registry.getActiveModelVersion(sensor, "telemanom")).contains(best);
                invariantChecks += 2;
            }
            checkInvariants(faults);
        }
        System.out.printf("disk full through the API: calls=%d, failures=%d, invariant checks=%d%n",
                CALLS, failures, invariantChecks);
    }

    /** One random call; when it returns, what it promised holds. */
    private void callAndCheckItsEffect(ModelRegistry registry, Random random) {
        String sensor = SENSORS[random.nextInt(SENSORS.length)];
        List<VersionSummary> versions = registry.listVersions(sensor, "telemanom");
        int kind = random.nextInt(10);
        if (kind < 6 || versions.size() < 2) {
            String id = registry.registerModel(registration(sensor, random, 0.011 + random.nextDouble() * 0.139));
            assertThat(registry.getModelMetadata(id)).as("registered %s", id).isPresent();
        } else if (kind < 8) {
            String id = versions.get(random.nextInt(versions.size())).versionId();
            registry.promoteVersion(id);
            assertThat(registry.getActiveModelVersion(sensor, "telemanom")).as("promoted %s", id).contains(id);
        } else {
            VersionSummary victim = versions.get(random.nextInt(versions.size()));
            registry.deleteVersion(victim.versionId(), true, false);
            assertThat(registry.getModelMetadata(victim.versionId())).as("deleted %s", victim.versionId()).isEmpty();
        }
        invariantChecks++;
    }

    private void checkInvariants(SqliteFaults faults) throws SQLException {
        try (Connection connection = faults.connect()) {
            RegistryInvariants.Result result = RegistryInvariants.check(connection);
            assertThat(result.violations()).isEmpty();
            invariantChecks += result.models() * RegistryInvariants.PER_MODEL;
        }
    }

    private static ModelRegistration registration(String sensor, Random random, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType("telemanom")
                .trainingConfig(Map.of("epochs", 35, "notes", "n".repeat(500 + random.nextInt(1500))))
                .trainingMetrics(Map.of("final_loss", 0.1))
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .trainingTimeSeconds(12.5).dataHash("hash-" + random.nextInt()).dataSource("nasa_smap")
                .description("disk full").tags(List.of("anomaly")).build();
    }
}
