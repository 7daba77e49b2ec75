package dev.modelregistry.persistence;

import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelRepositoryContract;
import dev.modelregistry.domain.model.UnitOfWork;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared repository contract on PostgreSQL (a fresh schema per run); skipped with the reason
 * when neither {@code REGISTRY_TEST_POSTGRES_URL} nor Docker is available.
 */
@ExtendWith(PostgresAvailable.class)
class PostgresModelRepositoryContractTest extends ModelRepositoryContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.postgres();

    @Override
    protected ModelRepository repository() {
        return db.database().repository();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return db.database().unitOfWork();
    }
}
