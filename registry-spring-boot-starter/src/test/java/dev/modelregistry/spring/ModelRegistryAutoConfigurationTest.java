package dev.modelregistry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.app.ActivationEvent;
import dev.modelregistry.app.ActiveVersionCache;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.RegistryListener;
import dev.modelregistry.domain.InvalidModelUriException;
import dev.modelregistry.domain.InvalidScoringWeightsException;
import dev.modelregistry.domain.RegistryNotFoundException;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.scoring.ScoringWeights;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The auto-configuration in application contexts of its own (ApplicationContextRunner), on embedded SQLite registries. */
class ModelRegistryAutoConfigurationTest {

    @TempDir
    Path tmp;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ModelRegistryAutoConfiguration.class))
                .withPropertyValues("registry.sqlite.path=" + tmp.resolve("registry_sqlite"));
    }

    private ModelRegistration registration(String sensor, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType("telemanom").modelPath(tmp.resolve(sensor))
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate)).dataHash("9f2c1e").build();
    }

    @Test
    void the_registry_bean_is_an_embedded_sqlite_registry_at_the_configured_path() {
        runner().run(context -> {
            ModelRegistry registry = context.getBean(ModelRegistry.class);
            String id = registry.registerModel(registration("s1", 0.05));

            assertThat(registry.getActiveModelVersion("s1", "telemanom")).contains(id);
            assertThat(tmp.resolve("registry_sqlite/model_registry.db")).isRegularFile();
            assertThat(registry.getRegistryStats().location()).endsWith("model_registry.db");
        });
    }

    @Test
    void a_registry_bean_of_the_host_replaces_the_starters_and_still_gets_the_listener_beans() {
        runner().withUserConfiguration(HostRegistry.class, HostListener.class).run(context -> {
            ModelRegistry registry = context.getBean(ModelRegistry.class);
            assertThat(context).hasSingleBean(ModelRegistry.class);
            assertThat(registry.getRegistryStats().location()).contains("host-registry");
            registry.registerModel(registration("s1", 0.05));

            assertThat(tmp.resolve("registry_sqlite")).doesNotExist();
            assertThat(context.getBean(HostListener.class).registered).hasSize(1);
        });
    }

    @Test
    void the_registry_properties_are_bound_and_reach_the_registry() {
        runner().withPropertyValues("registry.scoring.r2-weight=0.6", "registry.scoring.mape-weight=0.4",
                "registry.scoring.anomaly-min=0.02", "registry.scoring.anomaly-max=0.08",
                "registry.active-version-cache=in-process",
                "registry.legacy-timezone=Europe/Berlin", "registry.events.enabled=false",
                "registry.default-actor=retraining-service").run(context -> {
            RegistryProperties properties = context.getBean(RegistryProperties.class);
            assertThat(properties.activeVersionCache()).isEqualTo(ActiveVersionCache.IN_PROCESS);
            assertThat(properties.settings().defaultActor()).isEqualTo("retraining-service");
            assertThat(properties.legacyTimezone()).hasToString("Europe/Berlin");
            assertThat(context.getBean(ModelRegistry.class).scoringWeights())
                    .isEqualTo(new ScoringWeights(0.6, 0.4, 0.02, 0.08));
            assertThat(context).doesNotHaveBean(RegistryEventPublisher.class);
        });
    }

    @Test
    void unset_properties_take_the_registrys_defaults() {
        runner().run(context -> {
            RegistryProperties properties = context.getBean(RegistryProperties.class);
            assertThat(properties.scoring().weights()).isEqualTo(ScoringWeights.DEFAULTS);
            assertThat(properties.activeVersionCache()).isEqualTo(ActiveVersionCache.NONE);
            assertThat(properties.settings().defaultActor()).isEqualTo("application");
            assertThat(properties.changelogTable()).isEqualTo("DATABASECHANGELOG");
            assertThat(properties.upgradeSchemaOnOpen()).isTrue();
            assertThat(properties.schema()).isNull();
            assertThat(properties.events().enabled()).isTrue();
            assertThat(properties.metrics().enabled()).isTrue();
        });
    }

    @Test
    void a_schema_or_changelog_table_for_an_embedded_sqlite_registry_fails_the_start_naming_them() {
        runner().withPropertyValues("registry.schema=model_registry", "registry.changelog-table=REGISTRY_CHANGELOG")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("model_registry").hasMessageContaining("REGISTRY_CHANGELOG");
                    assertThat(tmp.resolve("registry_sqlite")).doesNotExist();
                });
    }

    @Test
    void with_upgrades_off_a_missing_sqlite_database_fails_the_start_and_nothing_is_created() {
        runner().withPropertyValues("registry.upgrade-schema-on-open=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(RegistryNotFoundException.class)
                    .hasMessageContaining("model_registry.db");
            assertThat(tmp.resolve("registry_sqlite/model_registry.db")).doesNotExist();
        });
    }

    @Test
    void weights_the_registry_refuses_fail_the_start_naming_the_weight_and_its_value() {
        runner().withPropertyValues("registry.scoring.anomaly-min=0.5", "registry.scoring.anomaly-max=0.1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidScoringWeightsException.class)
                            .hasMessageContaining("anomalyMax").hasMessageContaining("0.1");
                });
    }

    @Test
    void the_health_is_up_with_the_schema_current_and_down_with_a_pending_changeset_or_without_the_database() {
        runner().run(context -> {
            RegistryHealthIndicator indicator = context.getBean(RegistryHealthIndicator.class);
            Health up = indicator.health(true);
            System.out.println("registry health, current schema: " + up);
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("schemaCurrent", true).containsEntry("pending", List.of());

            Path database = tmp.resolve("registry_sqlite/model_registry.db");
            String forgotten = forgetLastChangeset(database);
            Health behind = indicator.health(true);
            System.out.println("registry health, one changeset forgotten: " + behind);
            assertThat(behind.getStatus()).isEqualTo(Status.DOWN);
            assertThat(behind.getDetails()).containsEntry("schemaCurrent", false);
            assertThat((List<?>) behind.getDetails().get("pending")).singleElement().asString().endsWith(forgotten);

            context.getBean(ModelRegistry.class).close();
            Files.delete(database);
            Health gone = indicator.health(true);
            System.out.println("registry health, database deleted: " + gone);
            assertThat(gone.getStatus()).isEqualTo(Status.DOWN);
            assertThat(gone.getDetails().get("error")).asString().contains("model_registry.db");
        });
    }

    @Test
    void the_health_indicator_is_left_out_when_the_host_turns_it_off() {
        runner().withPropertyValues("management.health.registry.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RegistryHealthIndicator.class)
                        .hasSingleBean(ModelRegistry.class));
    }

    /** Deletes the last changeset's row from Liquibase's history; returns its {@code id::author}. */
    private static String forgetLastChangeset(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            var last = statement.executeQuery(
                    "SELECT ID, AUTHOR FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED DESC LIMIT 1");
            last.next();
            String key = last.getString(1) + "::" + last.getString(2);
            statement.executeUpdate("DELETE FROM DATABASECHANGELOG WHERE ORDEREXECUTED ="
                    + " (SELECT MAX(ORDEREXECUTED) FROM DATABASECHANGELOG)");
            return key;
        }
    }

    @Test
    void the_meters_count_registrations_activations_by_reason_lookups_failures_and_batch_sizes() {
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            ModelRegistry registry = context.getBean(ModelRegistry.class);
            String first = registry.registerModel(registration("s1", 0.05));
            String second = registry.registerModel(registration("s1", 0.5));
            registry.promoteVersion(second, ChangeNote.by("ops-oncall").because("rollback").referencing("INC-42"));
            registry.getActiveModel("s1", "telemanom");
            registry.getActiveModelVersion("nobody", "telemanom");
            registry.resolve("models:/telemanom/s1@active");
            Assertions.assertThatThrownBy(() -> registry.resolve("models:/telemanom/s1@"))
                    .isInstanceOf(InvalidModelUriException.class);
            registry.deleteVersion(second, true, false);

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            printMeters(meters);
            assertThat(meters.get(RegistryMetrics.REGISTRATIONS).timer().count()).isEqualTo(2);
            assertThat(meters.get(RegistryMetrics.ACTIVATIONS).tag("reason", "REGISTERED").counter().count()).isEqualTo(1);
            assertThat(meters.get(RegistryMetrics.ACTIVATIONS).tag("reason", "PROMOTED").counter().count()).isEqualTo(1);
            assertThat(meters.get(RegistryMetrics.ACTIVATIONS).tag("reason", "REELECTED").counter().count()).isEqualTo(1);
            assertThat(meters.find(RegistryMetrics.ACTIVATIONS).counters()) // the note is no tag: its values are unbounded
                    .allSatisfy(counter -> assertThat(counter.getId().getTags()).extracting(Tag::getKey).containsExactly("reason"));
            assertThat(meters.get(RegistryMetrics.LOOKUPS).tags("operation", "getActiveModel", "found", "true").timer()
                    .count()).isEqualTo(1);
            assertThat(meters.get(RegistryMetrics.LOOKUPS).tags("operation", "getActiveModelVersion", "found", "false")
                    .timer().count()).isEqualTo(1);
            assertThat(meters.get(RegistryMetrics.LOOKUPS).tags("operation", "resolve", "found", "true").timer()
                    .totalTime(TimeUnit.NANOSECONDS)).isPositive();
            assertThat(meters.get(RegistryMetrics.FAILURES).tags("operation", "resolve", "exception",
                    "InvalidModelUriException").counter().count()).isEqualTo(1);
            assertThat(meters.get(RegistryMetrics.BATCH_SIZE).summary().count()).isEqualTo(4); // 2 registrations, promote, delete
            assertThat(meters.get(RegistryMetrics.BATCH_SIZE).summary().totalAmount()).isEqualTo(4);
            assertThat(first).isNotEqualTo(second);
        });
    }

    @Test
    void without_a_meter_registry_or_with_metrics_off_there_are_no_registry_meters() {
        runner().run(context -> assertThat(context).doesNotHaveBean(RegistryMetrics.class));
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).withPropertyValues("registry.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RegistryMetrics.class));
    }

    @Test
    void every_change_of_an_active_version_is_published_as_an_application_event_with_its_note() {
        runner().withUserConfiguration(EventCollector.class).run(context -> {
            ModelRegistry registry = context.getBean(ModelRegistry.class);
            String first = registry.registerModel(registration("s1", 0.05));
            String second = registry.registerModel(registration("s1", 0.5));
            ChangeNote note = ChangeNote.by("ops-oncall").because("rollback after incident 42").referencing("INC-42");
            registry.promoteVersion(second, note);

            BlockingQueue<ActivationEvent> events = context.getBean(EventCollector.class).events;
            ActivationEvent registered = events.poll(10, TimeUnit.SECONDS);
            ActivationEvent promoted = events.poll(10, TimeUnit.SECONDS);
            assertThat(registered).isNotNull();
            assertThat(registered.versionId()).isEqualTo(first);
            assertThat(registered.reason()).isEqualTo(ActivationReason.REGISTERED);
            assertThat(promoted).isNotNull();
            assertThat(promoted.previousVersionId()).isEqualTo(first);
            assertThat(promoted.reason()).isEqualTo(ActivationReason.PROMOTED);
            assertThat(promoted.note()).isEqualTo(note);
            assertThat(registered.note()).isNull();
            assertThat(promoted.cursor()).isGreaterThan(registered.cursor());
        });
    }

    static void printMeters(MeterRegistry meters) {
        meters.getMeters().stream().sorted((a, b) -> a.getId().toString().compareTo(b.getId().toString()))
                .forEach(meter -> System.out.println("meter " + meter.getId().getName() + tags(meter) + " "
                        + StreamSupport.stream(meter.measure().spliterator(), false)
                        .map(m -> m.getStatistic() + "=" + m.getValue()).toList()));
    }

    private static String tags(Meter meter) {
        return meter.getId().getTags().stream().map(tag -> tag.getKey() + "=" + tag.getValue()).toList().toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class HostRegistry {
        @Bean
        ModelRegistry hostModelRegistry() throws Exception {
            return dev.modelregistry.app.ModelRegistrySQLite.open(Files.createTempDirectory("host-registry"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostListener implements RegistryListener {
        final List<String> registered = new ArrayList<>();

        @Override
        public void registered(String versionId, String sensorId, String modelType, Duration took) {
            registered.add(versionId);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EventCollector {
        final BlockingQueue<ActivationEvent> events = new LinkedBlockingQueue<>();

        @EventListener
        void on(ActivationEvent event) {
            events.add(event);
        }
    }
}
