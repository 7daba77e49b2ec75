package dev.modelregistry.app.migration;

import dev.modelregistry.domain.model.InMemoryModelRepository;
import dev.modelregistry.domain.model.InMemoryUnitOfWork;
import dev.modelregistry.domain.model.ModelRepository;
import dev.modelregistry.domain.model.UnitOfWork;
import java.util.Optional;

/** A migration target in memory, counting how often a migration opened it for an import. */
public final class InMemoryMigrationTarget implements MigrationTarget {

    private final InMemoryModelRepository repository = new InMemoryModelRepository();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private int opened;

    /** What {@link LegacyMigration} calls to open the target: looking at it is free, opening it for the import counts. */
    public MigrationTargets opener() {
        return new MigrationTargets() {
            @Override
            public Optional<MigrationTarget> openExisting(MigrationRequest request) {
                return Optional.of(InMemoryMigrationTarget.this);
            }

            @Override
            public MigrationTarget openForImport(MigrationRequest request) {
                opened++;
                return InMemoryMigrationTarget.this;
            }
        };
    }

    /** How often a migration opened it for an import. */
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
