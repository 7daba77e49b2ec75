package dev.modelregistry.persistence.jpa;

import dev.modelregistry.domain.ReadOnlyRegistryException;
import dev.modelregistry.domain.model.UnitOfWork;
import java.util.function.Supplier;

/**
 * The unit of work of a registry opened read-only: reads run as usual, any unit of work that
 * could write is refused before it starts ({@link ReadOnlyRegistryException}). The connections
 * are read-only as well (SQLite opened with {@code SQLITE_OPEN_READONLY}, PostgreSQL read-only
 * sessions), so nothing can write even around this guard.
 */
public final class ReadOnlyUnitOfWork implements UnitOfWork {

    private final UnitOfWork reads;
    private final String location;

    public ReadOnlyUnitOfWork(UnitOfWork reads, String location) {
        this.reads = reads;
        this.location = location;
    }

    @Override
    public <T> T execute(Supplier<T> work) {
        throw new ReadOnlyRegistryException(location);
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return reads.read(work);
    }

    /** Inside {@link #read}: detaches what was loaded (a long read in bounded memory); there is nothing to write. */
    @Override
    public void checkpoint() {
        reads.checkpoint();
    }
}
