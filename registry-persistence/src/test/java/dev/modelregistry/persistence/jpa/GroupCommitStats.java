package dev.modelregistry.persistence.jpa;

import dev.modelregistry.persistence.RegistryDatabase;

/**
 * How a registry's write calls were batched so far (tests and measurements): batches run, calls
 * in them, the largest batch, and transactions committed.
 */
public record GroupCommitStats(long batches, long calls, long largestBatch, long commits) {

    public static GroupCommitStats of(RegistryDatabase database) {
        JpaUnitOfWork unitOfWork = (JpaUnitOfWork) database.unitOfWork();
        CommitQueue queue = unitOfWork.commits();
        return new GroupCommitStats(queue.batches(), queue.calls(), queue.largestBatch(), unitOfWork.transactionsCommitted());
    }

    /** What happened between {@code earlier} and this. */
    public GroupCommitStats since(GroupCommitStats earlier) {
        return new GroupCommitStats(batches - earlier.batches, calls - earlier.calls, largestBatch,
                commits - earlier.commits);
    }
}
