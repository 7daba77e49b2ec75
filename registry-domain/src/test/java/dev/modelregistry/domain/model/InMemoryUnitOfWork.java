package dev.modelregistry.domain.model;

import java.util.function.Supplier;

/** Runs work directly, one caller at a time: the in-memory counterpart of a transaction. */
public class InMemoryUnitOfWork implements UnitOfWork {

    @Override
    public synchronized <T> T execute(Supplier<T> work) {
        return work.get();
    }
}
