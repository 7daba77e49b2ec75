package dev.modelregistry.persistence;

import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.ModelRepositoryContract;
import dev.modelregistry.domain.model.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared repository contract, on a SQLite file of its own. */
class SqliteModelRepositoryContractTest extends ModelRepositoryContract {

    @RegisterExtension
    static final ClassDatabase db = ClassDatabase.sqlite();

    @Override
    protected ModelRepository repository() {
        return db.database().repository();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return db.database().unitOfWork();
    }
}
