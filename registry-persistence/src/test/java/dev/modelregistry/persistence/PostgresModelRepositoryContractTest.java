package dev.modelregistry.persistence;

import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelRepositoryContract;
import dev.modelregistry.domain.model.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared repository contract on PostgreSQL (a fresh schema per run); skipped with the reason
 * when neither {@code REGISTRY_TEST_POSTGRES_URL} nor Docker is available.
 */
@ExtendWith(PostgresAvailable.class)
class PostgresModelRepositoryContractTest extends ModelRepositoryContract {

    private static PostgresTarget postgres;
    private static RegistryDatabase database;

    @BeforeAll
    static void openDatabase() {
        postgres = PostgresTarget.start();
        database = postgres.open();
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected ModelRepository repository() {
        return database.repository();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return database.unitOfWork();
    }
}
