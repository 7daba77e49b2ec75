package dev.modelregistry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.spring.RegistryHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the sample host gets from the starter on any database: its own entity and changelog
 * beside the registry, the registry's health, meters and activation events. Each variant
 * ({@link SampleHostOnSqliteTest}, {@link SampleHostOnPostgresTest}) gives the databases.
 */
abstract class SampleHostContract {

    @Autowired
    Fleet fleet;

    @Autowired
    Turbines turbines;

    @Autowired
    ModelRegistry registry;

    @Autowired
    JdbcTemplate hostDatabase;

    @Autowired
    RegistryHealthIndicator registryHealth;

    @Autowired
    MeterRegistry meters;

    @Test
    void the_host_entity_and_the_registrys_model_live_side_by_side_each_in_its_own_models_table() {
        printVersions();
        String versionId = fleet.commission("T-1", "sensor_001", Path.of("data/models/telemanom/sensor_001"));

        assertThat(fleet.activeModelOf("T-1")).hasValueSatisfying(model -> assertThat(model.versionId()).isEqualTo(versionId));
        assertThat(turbines.findById("T-1")).isPresent();
        assertThat(hostDatabase.queryForObject("SELECT COUNT(*) FROM models WHERE id = ?", Integer.class, "T-1"))
                .isEqualTo(1);
        assertThat(hostDatabase.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE FILENAME = ?",
                Integer.class, "sample-host/host-changelog.xml")).isEqualTo(1);
        assertThat(registry.listVersions("sensor_001", "telemanom")).singleElement()
                .satisfies(version -> assertThat(version.versionId()).isEqualTo(versionId));
    }

    @Test
    void the_registry_is_healthy_measured_and_its_activations_arrive_as_application_events() throws Exception {
        String versionId = fleet.commission("T-2", "sensor_002", Path.of("data/models/telemanom/sensor_002"));

        Health health = registryHealth.health(true);
        System.out.println("sample host, registry health: " + health);
        assertThat(health.getStatus()).isEqualTo(Status.UP);

        List<ActivationEvent> heard = awaitActivationOf(versionId);
        assertThat(heard).anySatisfy(event -> {
            assertThat(event.versionId()).isEqualTo(versionId);
            assertThat(event.reason()).isEqualTo(ActivationReason.REGISTERED);
        });

        meters.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("registry."))
                .forEach(meter -> System.out.println("sample host, meter " + meter.getId() + " " + meter.measure()));
        assertThat(meters.get("registry.registrations").timer().count()).isPositive();
        assertThat(meters.get("registry.activations").tag("reason", "REGISTERED").counter().count()).isPositive();
    }

    private List<ActivationEvent> awaitActivationOf(String versionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<ActivationEvent> heard = fleet.activations();
            if (heard.stream().anyMatch(event -> versionId.equals(event.versionId()))) {
                return heard;
            }
            Thread.sleep(20);
        }
        return fleet.activations();
    }

    private static void printVersions() {
        System.out.println("sample host runs on Spring Boot " + SpringBootVersion.getVersion() + ", Hibernate "
                + org.hibernate.Version.getVersionString() + ", Liquibase "
                + liquibase.util.LiquibaseUtil.getBuildVersion() + ", sqlite-jdbc " + org.sqlite.SQLiteJDBCLoader.getVersion()
                + ", jackson-databind " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
    }
}
