package dev.modelregistry.domain.model;

/** The repository contract, held by the in-memory repository. */
class InMemoryModelRepositoryTest extends ModelRepositoryContract {

    private final InMemoryModelRepository repository = new InMemoryModelRepository();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();

    @Override
    protected ModelRepository repository() {
        return repository;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
