package dev.modelregistry.spring;

import dev.modelregistry.persistence.SchemaStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The registry's health ({@code /actuator/health/registry}): UP when its database can be read
 * and its schema is current; DOWN when changesets are pending (named in {@code pending}) or the
 * database cannot be read (the error in {@code error}). Details: {@code location} (never a
 * password), {@code schemaCurrent}, {@code appliedChangesets}, {@code pending} and, while
 * Liquibase's lock is held, {@code lockedBy}.
 */
public final class RegistryHealthIndicator extends AbstractHealthIndicator {

    private final RegistryDatabaseStatus status;

    public RegistryHealthIndicator(RegistryDatabaseStatus status) {
        super("the registry's database could not be read");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SchemaStatus schema = status.read();
        builder.withDetail("location", schema.location())
                .withDetail("schemaCurrent", schema.current())
                .withDetail("appliedChangesets", schema.applied().size())
                .withDetail("pending", schema.pending().stream().map(SchemaStatus.ChangeSetState::key).toList());
        if (schema.lock() != null) {
            builder.withDetail("lockedBy", schema.lock().lockedBy());
        }
        if (schema.current()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
