package dev.modelregistry.app.migration;

import dev.modelregistry.domain.model.InMemoryModelRepository;
import dev.modelregistry.domain.model.InMemoryUnitOfWork;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;
import java.util.function.Function;

/** A migration target in memory, counting how often a migration opened it. */
public final class InMemoryMigrationTarget implements MigrationTarget {

    private final InMemoryModelRepository repository = new InMemoryModelRepository();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private int opened;

    /** What {@link LegacyMigration} calls to open the target. */
    public Function<MigrationRequest, MigrationTarget> opener() {
        return request -> {
            opened++;
            return this;
        };
    }

    public int timesOpened() {
        return opened;
    }

    @Override
    public InMemoryModelRepository repository() {
        return repository;
    }

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public void close() {
    }
}
