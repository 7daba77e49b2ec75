package dev.modelregistry.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The read-model contract on PostgreSQL (a fresh schema per run); skipped with the reason when
 * neither {@code REGISTRY_TEST_POSTGRES_URL} nor Docker is available.
 */
@ExtendWith(PostgresAvailable.class)
class PostgresReadModelsTest extends ReadModelsContract implements KeptStatisticsContract, ActiveSinceContract,
        AliasReadContract, ChangeNoteContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.postgres();

    @Override
    public RegistryDatabase database() {
        return db.database();
    }

    @Override
    public Connection connect() throws SQLException {
        return db.connect();
    }
}
