package dev.modelregistry.spring;

import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelRegistryJdbc;
import dev.modelregistry.app.ModelRegistrySQLite;
import dev.modelregistry.app.RegistryListener;
import dev.modelregistry.app.RegistrySettings;
import dev.modelregistry.persistence.SqliteDataSourceException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ModelRegistry} bean and what comes with it (README, "Spring Boot"): the registry
 * (unless the application defines its own), where its database stands
 * ({@link RegistryDatabaseStatus}), the health indicator {@code registry} (with Boot's health
 * support), the {@code registry.*} meters (with a {@link MeterRegistry}), the change feed as
 * application events, and every {@link RegistryListener} bean added to the registry.
 *
 * <p>Where the registry lives: {@code registry.sqlite.path} set: an embedded SQLite registry
 * there; otherwise the application's {@link DataSource} (PostgreSQL: the registry borrows its
 * connections, in {@code registry.schema}); without one, the embedded registry at
 * {@code data/models/registry_sqlite}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@EnableConfigurationProperties(RegistryProperties.class)
public class ModelRegistryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RegistryDatabaseStatus registryDatabaseStatus(RegistryProperties properties, ObjectProvider<DataSource> dataSources) {
        DataSource dataSource = hostDataSource(properties, dataSources);
        return dataSource != null ? RegistryDatabaseStatus.ofDataSource(dataSource, properties.settings())
                : RegistryDatabaseStatus.ofSqlite(sqliteDir(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    ModelRegistry modelRegistry(RegistryProperties properties, ObjectProvider<DataSource> dataSources) {
        RegistrySettings settings = properties.settings();
        DataSource dataSource = hostDataSource(properties, dataSources);
        if (dataSource == null) {
            return ModelRegistrySQLite.open(sqliteDir(properties), settings);
        }
        try {
            return ModelRegistryJdbc.open(dataSource, settings);
        } catch (SqliteDataSourceException sqliteDataSource) {
            // any other wrong argument (a pool without a URL, ...) fails the start with its own words
            throw new IllegalStateException("the application's DataSource cannot hold the registry ("
                    + sqliteDataSource.getMessage() + "): set registry.sqlite.path to embed it in a folder of its own",
                    sqliteDataSource);
        }
    }

    @Bean
    RegistryListenerAttacher registryListenerAttacher(ModelRegistry registry,
                                                      ObjectProvider<RegistryListener> listeners) {
        return new RegistryListenerAttacher(registry, listeners.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "registry.events.enabled", matchIfMissing = true)
    RegistryEventPublisher registryEventPublisher(ModelRegistry registry, ApplicationEventPublisher publisher) {
        return new RegistryEventPublisher(registry, publisher);
    }

    /** The application's data source, unless {@code registry.sqlite.path} is set (none: null). */
    private static DataSource hostDataSource(RegistryProperties properties, ObjectProvider<DataSource> dataSources) {
        return properties.sqlitePath().isPresent() ? null : dataSources.getIfAvailable();
    }

    private static Path sqliteDir(RegistryProperties properties) {
        return properties.sqlitePath().orElse(RegistryProperties.DEFAULT_SQLITE_PATH);
    }

    /** The health indicator, when the application has Boot's health support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("registry")
    static class RegistryHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "registryHealthIndicator")
        RegistryHealthIndicator registryHealthIndicator(RegistryDatabaseStatus status) {
            return new RegistryHealthIndicator(status);
        }
    }

    /** The meters, when the application has a Micrometer {@link MeterRegistry}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = "registry.metrics.enabled", matchIfMissing = true)
    static class RegistryMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RegistryMetrics registryMetrics(MeterRegistry meters) {
            return new RegistryMetrics(meters);
        }
    }
}
