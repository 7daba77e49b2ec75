package dev.modelregistry.app.migration;

import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;

/** The registry a migration writes into, opened only for a real run. */
public interface MigrationTarget extends AutoCloseable {

    ModelRepository repository();

    UnitOfWork unitOfWork();

    @Override
    void close();
}
