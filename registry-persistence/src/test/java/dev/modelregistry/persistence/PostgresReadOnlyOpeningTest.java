package dev.modelregistry.persistence;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static dev.modelregistry.domain.model.Fixtures.nextVersionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.ReadOnlyRegistryException;
import dev.modelregistry.domain.SchemaUpgradeRequiredException;
import dev.modelregistry.domain.model.Model;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Opening a PostgreSQL registry read-only never runs Liquibase and never writes. */
@ExtendWith(PostgresAvailable.class)
class PostgresReadOnlyOpeningTest {

    private PostgresTarget postgres;

    @BeforeEach
    void freshSchema() {
        postgres = PostgresTarget.start();
    }

    @AfterEach
    void dropSchema() {
        postgres.close();
    }

    @Test
    void anEmptyDatabaseAsksForAnUpgradeAndNoTableIsCreated() throws SQLException {
        assertThatThrownBy(() -> RegistryDatabase.openJdbcReadOnly(postgres.url(), postgres.user(), postgres.password()))
                .isInstanceOf(SchemaUpgradeRequiredException.class).hasMessageContaining("holds no registry schema")
                .hasMessageContaining("registry db upgrade");
        assertThat(tableCount()).isZero();
    }

    @Test
    void aReadOnlyRegistryReadsAndRefusesWrites() {
        Model model = aModel();
        model.register(nextVersionId(), aSpec(metricsWithAnomalyRate(0.05)), SCORING, Instant.now());
        try (RegistryDatabase writable = postgres.open()) {
            writable.unitOfWork().run(() -> writable.repository().save(model));
        }

        try (RegistryDatabase readOnly = RegistryDatabase.openJdbcReadOnly(postgres.url(), postgres.user(),
                postgres.password())) {
            assertThat(readOnly.unitOfWork().read(() -> readOnly.repository().findById(model.id()).orElseThrow()
                    .versions().size())).isEqualTo(1);
            assertThatThrownBy(() -> readOnly.unitOfWork().run(() -> { }))
                    .isInstanceOf(ReadOnlyRegistryException.class);
        }
    }

    private int tableCount() throws SQLException {
        try (Connection connection = postgres.connect();
             ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            int count = 0;
            while (tables.next()) {
                count++;
            }
            return count;
        }
    }
}
