package dev.modelregistry.domain.model;

import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Port: runs a piece of work as one transaction, all or nothing. Adapters may run the work
 * again (a bounded number of times) when a concurrent writer got in the way, so the work must
 * load what it changes inside itself.
 */
public interface UnitOfWork {

    <T> T execute(Supplier<T> work);

    /**
     * Runs work that only reads. Adapters may run it without a write transaction (so readers
     * never wait for, or block, writers); it sees committed data and must not change anything.
     */
    default <T> T read(Supplier<T> work) {
        return execute(work);
    }

    /**
     * Inside {@link #execute}: writes what the work changed so far and forgets the aggregates it
     * loaded, so that a long import runs in bounded memory. Nothing is committed before the work
     * ends; aggregates loaded before a checkpoint must not be used after it.
     */
    default void checkpoint() {
    }

    /**
     * Tells {@code callsPerCommit}, after each group commit, how many {@link #execute} calls it
     * ran together in one transaction (adapters that batch the calls of several threads; others
     * never call it). One observer at a time: a later one replaces an earlier one. It runs on the
     * committing thread while the batch's callers wait, so it must be quick and must not throw.
     */
    default void observeCommits(IntConsumer callsPerCommit) {
    }

    default void run(Runnable work) {
        execute(() -> {
            work.run();
            return null;
        });
    }
}
